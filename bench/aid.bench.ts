/**
 * @module Aid benchmarks on a SQLite file with 20,000 applications over 14 agencies: the sweep pass (target < 1 s),
 * an agency's overdue list (target < 200 ms), a year of statistics (target < 500 ms), a 5,000-row .xlsx export
 * (target < 3 s) and workflow transitions per second through applyEvent (each one a transaction with audit row).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createContext } from '../src/core/context.js';
import { openSqlite } from '../src/db/connection.js';
import { migrateToLatest } from '../src/migrations.js';
import { toXlsx } from '../src/core/export.js';
import { caseDeadlines, CLOCKED_STATUSES, loadSettings } from '../src/aid/deadlines.js';
import { aidStatistics, ledgerColumns, ledgerItems } from '../src/aid/ledger.js';
import { agencyNames } from '../src/aid/repository.js';
import { applyEvent } from '../src/aid/service.js';
import { sweepAid } from '../src/aid/sweep.js';
import { testConfig } from '../src/test/db.js';
import { makeApplication } from '../src/test/aid-fixtures.js';

const N = 20_000;
const STATUSES = [
  'received',
  'under_review',
  'awaiting_supplement',
  'granted',
  'assigned',
  'in_progress',
  'closed',
  'refused',
];
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
async function time<T>(label: string, target: number, f: () => Promise<T>): Promise<T> {
  const runs: number[] = [];
  let out!: T;
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    out = await f();
    runs.push(ms(t0));
  }
  runs.sort((a, b) => a - b);
  console.log(
    `${label}: median ${runs[2]!.toFixed(1)} ms, max ${runs[4]!.toFixed(1)} ms (target < ${target} ms)`,
  );
  return out;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aid-bench-'));
  const data = openSqlite(path.join(dir, 'bench.db'));
  await migrateToLatest(data);
  const now = new Date('2026-06-30T02:00:00Z');
  const ctx = createContext(testConfig(), data, () => now);
  const agencies = await data.db.selectFrom('agencies').select('id').execute();
  const t0 = process.hrtime.bigint();
  for (let b = 0; b < N; b += 500) {
    const rows = Array.from({ length: 500 }, (_, j) => {
      const i = b + j;
      const received = new Date(Date.UTC(2026, 0, 1) + (i % 180) * 86_400_000).toISOString();
      const status = STATUSES[i % STATUSES.length]!;
      const { id: _id, ...row } = makeApplication({
        status,
        agency_id: agencies[i % agencies.length]!.id,
        received_at: received,
        ref_no: `B${i}`,
        applicant_user_id: null,
        hardship_basis: ['commitment', 'proof', 'exempt'][i % 3]!,
        supplement_deadline: status === 'awaiting_supplement' ? '2026-12-31' : null,
        pauses: status === 'awaiting_supplement' ? '[{"from":"2026-06-01","to":null}]' : '[]',
        decided_at: ['granted', 'assigned', 'in_progress', 'closed', 'refused'].includes(status)
          ? received
          : null,
      });
      return row;
    });
    await data.db.insertInto('aid_applications').values(rows).execute();
  }
  console.log(`seeded ${N} applications in ${ms(t0).toFixed(0)} ms`);

  await time(
    'sweep pass (补正 expiry + reminders; reminders deduplicated after the first pass)',
    1000,
    () => sweepAid(ctx),
  );
  const settings = await loadSettings(data.db);
  const agencyId = agencies[3]!.id;
  await time('overdue list for one agency', 200, async () => {
    const rows = await data.db
      .selectFrom('aid_applications')
      .selectAll()
      .where('status', 'in', CLOCKED_STATUSES)
      .where('agency_id', '=', agencyId)
      .execute();
    return rows.filter((a) => caseDeadlines(a, settings, now).overdue.length > 0).length;
  });
  await time('statistics for 2026-01-01..2026-12-31', 500, () =>
    aidStatistics(data.db, { from: '2026-01-01', to: '2026-12-31' }),
  );
  const names = await agencyNames(data.db);
  const rows = await data.db.selectFrom('aid_applications').selectAll().limit(5000).execute();
  await time('xlsx export of 5,000 ledger rows', 3000, async () =>
    toXlsx([
      {
        name: '法律援助台账',
        columns: ledgerColumns(names),
        rows: ledgerItems(rows, settings, now),
      },
    ]),
  );

  const officer = {
    id: 1,
    username: 'b',
    role: 'admin' as const,
    displayName: 'b',
    agencyId: null,
    csrfToken: '',
  };
  const ids = (
    await data.db
      .selectFrom('aid_applications')
      .select('id')
      .where('status', '=', 'received')
      .limit(500)
      .execute()
  ).map((r) => r.id);
  const t1 = process.hrtime.bigint();
  for (const id of ids) await applyEvent(ctx, id, officer, { type: 'accept' });
  const el = ms(t1);
  console.log(
    `applyEvent: ${ids.length} transitions in ${el.toFixed(0)} ms (${((ids.length / el) * 1000).toFixed(0)}/s, each with step + audit row)`,
  );
  await data.close();
  rmSync(dir, { recursive: true, force: true });
}
