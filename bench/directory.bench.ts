/**
 * @module Directory benchmarks on a SQLite file: directory search over 5,000 entries (target p95 < 50 ms), a
 * 2,000-row CSV import validated then written in one transaction (target < 3 s), 300 concurrent bookings at
 * 10 slots of 20 seats (must end with exactly 200 bookings; reports bookings/s), and the dashboard over a year
 * with 5,000 bookings and 2,000 appraisal cases (target < 1 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SessionUser } from '../src/auth/types.js';
import { createContext } from '../src/core/context.js';
import { openSqlite } from '../src/db/connection.js';
import { migrateToLatest } from '../src/migrations.js';
import { searchEntries } from '../src/directory/repository.js';
import { importEntries } from '../src/directory/service.js';
import { book } from '../src/directory/notary/service.js';
import { dashboard } from '../src/stats/service.js';
import { testConfig } from '../src/test/db.js';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pctl = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const DISTRICTS = ['江岸区', '江汉区', '硚口区', '汉阳区', '武昌区', '青山区', '洪山区'];
const SPECIALTIES = ['婚姻家事', '劳动争议', '合同纠纷', '刑事辩护', '交通事故', '房产纠纷'];

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dir-bench-'));
  const data = openSqlite(path.join(dir, 'bench.db'));
  await migrateToLatest(data);
  const ctx = createContext(testConfig(), data, () => new Date('2026-03-02T01:00:00Z'));
  const now = '2026-03-01T00:00:00Z';
  const admin = await ctx.db
    .insertInto('users')
    .values({
      username: 'bench_admin',
      password_hash: 'x',
      role: 'admin',
      display_name: '管理员',
      phone: null,
      id_number: null,
      agency_id: null,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actor: SessionUser = {
    id: admin.id,
    username: 'bench_admin',
    role: 'admin',
    displayName: '管理员',
    agencyId: null,
    csrfToken: '',
  };

  // 1. Import 2,000 rows (firms and lawyers), then 3,000 more directly, and search.
  const lines = [
    '类型,名称,所在区,地址,办公时间,电话,执业许可证号,状态,业务专长,服务项目,所属机构',
  ];
  for (let i = 0; i < 2000; i++) {
    const firm = i % 4 === 0;
    lines.push(
      `${firm ? '律师事务所' : '律师'},${firm ? `压测律所${i}` : `压测律师${i}`},${DISTRICTS[i % 7]},,,,B-${i},正常,${SPECIALTIES[i % 6]},法律咨询,${firm ? '' : `压测律所${i - (i % 4)}`}`,
    );
  }
  let t0 = process.hrtime.bigint();
  const imported = await importEntries(
    ctx,
    actor,
    'csv',
    Buffer.from(lines.join('\n')).toString('base64'),
  );
  console.log(
    `import 2,000 CSV rows: ${ms(t0).toFixed(0)} ms (target < 3000) → created ${imported.created}`,
  );
  const rows = Array.from({ length: 3000 }, (_, i) => ({
    kind: 'service_point' as const,
    name: `压测服务点${i}`,
    district: DISTRICTS[i % 7]!,
    address: `某街道${i}号`,
    hours: null,
    phone: null,
    licence_no: null,
    status: 'active' as const,
    specialties: '',
    services: '法律咨询、人民调解',
    parent_id: null,
    is_sample: 0,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db
      .insertInto('directory_entries')
      .values(rows.slice(i, i + 500))
      .execute();
  const queries = [
    { q: '压测' },
    { specialty: '劳动争议', kind: 'lawyer' as const },
    { district: '洪山区' },
    { service: '人民调解', district: '江岸区' },
    { q: '律所1' },
  ];
  const times: number[] = [];
  for (let r = 0; r < 40; r++)
    for (const q of queries) {
      t0 = process.hrtime.bigint();
      await searchEntries(ctx.db, { page: 1, pageSize: 20, ...q });
      times.push(ms(t0));
    }
  console.log(
    `search over ~5,000 entries: p50 ${pctl(times, 0.5).toFixed(1)} ms, p95 ${pctl(times, 0.95).toFixed(1)} ms (target p95 < 50)`,
  );

  // 2. 300 concurrent bookings for 10 slots × 20 seats.
  const office = await ctx.db
    .selectFrom('directory_entries')
    .select('id')
    .where('kind', '=', 'notary_office')
    .executeTakeFirstOrThrow();
  const citizens: SessionUser[] = [];
  for (let i = 0; i < 300; i++) {
    const u = await ctx.db
      .insertInto('users')
      .values({
        username: `c${i}`,
        password_hash: 'x',
        role: 'citizen',
        display_name: `群众${i}`,
        phone: null,
        id_number: null,
        agency_id: null,
        failed_logins: 0,
        locked_until: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    citizens.push({
      id: u.id,
      username: `c${i}`,
      role: 'citizen',
      displayName: `群众${i}`,
      agencyId: null,
      csrfToken: '',
    });
  }
  const slots: number[] = [];
  for (let i = 0; i < 10; i++) {
    const s = await ctx.db
      .insertInto('notary_slots')
      .values({
        office_id: office.id,
        matter_code: 'weituo',
        date: '2026-03-10',
        start_time: `${String(8 + i).padStart(2, '0')}:00`,
        end_time: `${String(9 + i).padStart(2, '0')}:00`,
        capacity: 20,
        booked: 0,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    slots.push(s.id);
  }
  t0 = process.hrtime.bigint();
  const results = await Promise.allSettled(
    citizens.map((c, i) =>
      book(ctx, c, { slotId: slots[i % 10]!, applicantName: '压测', phone: '13812345678' }),
    ),
  );
  const elapsed = ms(t0);
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  const stored = await ctx.db
    .selectFrom('notary_bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(
    `300 concurrent bookings, 200 seats: ${ok} won, ${Number(stored.n)} stored (must be 200), ${elapsed.toFixed(0)} ms, ${((300 / elapsed) * 1000).toFixed(0)} requests/s`,
  );

  // 3. Dashboard over a year with 5,000 bookings and 2,000 appraisal cases.
  const inst = await ctx.db
    .selectFrom('directory_entries')
    .select('id')
    .where('kind', '=', 'appraisal_institution')
    .executeTakeFirstOrThrow();
  const bk = Array.from({ length: 5000 }, (_, i) => ({
    slot_id: slots[0]!,
    office_id: office.id,
    citizen_id: citizens[0]!.id,
    matter_code: 'weituo',
    status: (['booked', 'accepted', 'completed', 'cancelled'] as const)[i % 4]!,
    applicant_name: '压测',
    phone: '13812345678',
    id_number: null,
    fee_waiver: i % 9 === 0 ? 1 : 0,
    accepted_on: '2026-02-02',
    due_on: '2026-02-24',
    completed_on: i % 4 === 2 ? '2026-02-20' : null,
    created_at: new Date(Date.UTC(2025, 0, 1) + (i % 360) * 86_400_000).toISOString(),
    updated_at: now,
  }));
  for (let i = 0; i < bk.length; i += 500)
    await ctx.db
      .insertInto('notary_bookings')
      .values(bk.slice(i, i + 500))
      .execute();
  const cases = Array.from({ length: 2000 }, (_, i) => ({
    code: `WHSJ-2025-B${i}`,
    institution_id: inst.id,
    category: '法医临床',
    commissioner: '某法院',
    summary: '压测',
    stage: (['commissioned', 'accepted', 'examining', 'opinion', 'archived'] as const)[i % 5]!,
    by_letter: 0,
    commissioned_on: new Date(Date.UTC(2025, 0, 1) + (i % 360) * 86_400_000)
      .toISOString()
      .slice(0, 10),
    accept_due_on: '2025-06-01',
    accepted_on: null,
    due_on: '2025-08-01',
    extension_days: 0,
    opinion_on: null,
    archived_on: null,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < cases.length; i += 500)
    await ctx.db
      .insertInto('appraisal_cases')
      .values(cases.slice(i, i + 500))
      .execute();
  const dt: number[] = [];
  for (let r = 0; r < 5; r++) {
    t0 = process.hrtime.bigint();
    await dashboard(ctx, { from: '2025-01-01', to: '2025-12-31' });
    dt.push(ms(t0));
  }
  console.log(
    `dashboard, one year (5,000 bookings, 2,000 cases, all providers): median ${pctl(dt, 0.5).toFixed(0)} ms (target < 1000)`,
  );
  await data.close();
  rmSync(dir, { recursive: true, force: true });
}
