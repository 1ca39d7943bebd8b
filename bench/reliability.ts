/**
 * @module Before/after figures for the reliability work (issue 13), on PostgreSQL with two connection pools
 * standing in for two server processes: `TEST_DATABASE_URL=postgres://… npx tsx bench/reliability.ts`.
 * Counts, not timings: double-applied aid decisions, seats and images taken past their limits, files left
 * by failed uploads, requests answered during an outage.
 */
import { readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { agencyId, applicationBody, multipart } from '../src/test/aid-api.js';
import { createContext } from '../src/core/context.js';
import { openPostgres } from '../src/db/connection.js';
import { createTestApp, type Session, type TestApp } from '../src/test/app.js';
import { createTestDb, testConfig } from '../src/test/db.js';
import { startProxy } from '../src/test/tcp-proxy.js';

const PG = process.env.TEST_DATABASE_URL;
if (!PG) throw new Error('TEST_DATABASE_URL must name a PostgreSQL server');

const uploadDir = mkdtempSync(path.join(tmpdir(), 'open12348-rel-'));
const t: TestApp = await createTestApp({ UPLOAD_DIR: uploadDir });
const otherData = openPostgres(PG, t.ctx.data.schema);
const other = await buildApp(createContext(testConfig({ UPLOAD_DIR: uploadDir }), otherData));
await other.ready();
const apps: FastifyInstance[] = [t.app, other];
const post = (i: number, url: string, s: Session, payload: unknown, headers = {}) =>
  apps[i % 2]!.inject({
    method: 'POST',
    url,
    headers: { ...s.headers, ...headers },
    payload,
  } as never);

async function aidDecisions(rounds: number): Promise<string> {
  const citizen = await t.signIn('citizen');
  const [a, b] = [await t.signIn('aid_officer'), await t.signIn('aid_officer')];
  const receivingAgencyId = await agencyId(t, 'city'); // the officers' agency receives the case
  let double = 0;
  let other = 0;
  for (let i = 0; i < rounds; i++) {
    const r = await post(
      0,
      '/api/v1/aid/applications',
      citizen,
      applicationBody({ receivingAgencyId }),
    );
    const id = r.json().id as number;
    await post(0, `/api/v1/aid/applications/${id}/events`, a, { type: 'accept' });
    const res = await Promise.all([
      post(0, `/api/v1/aid/applications/${id}/events`, a, {
        type: 'decide_grant',
        reasons: '符合',
      }),
      post(1, `/api/v1/aid/applications/${id}/events`, b, {
        type: 'decide_refuse',
        reasons: '不符',
      }),
    ]);
    const codes = res.map((x) => x.statusCode).sort();
    if (codes.join() === '200,200') double++;
    else if (codes.join() !== '200,409') other++;
  }
  return `aid decide_grant × decide_refuse: ${double} of ${rounds} rounds applied both (${other} other outcomes)`;
}

async function notarySeats(rounds: number): Promise<string> {
  const admin = await t.signIn('admin');
  const staff = await t.signIn('notary_staff');
  const office = (
    await t.request({ method: 'GET', url: '/api/v1/directory/entries?kind=notary_office' })
  ).json().items[0].id as number;
  await post(0, `/api/v1/directory/entries/${office}/staff`, admin, { userId: staff.userId });
  let extra = 0;
  for (let i = 0; i < rounds; i++) {
    const citizen = await t.signIn('citizen');
    const slot = await post(0, `/api/v1/notary/offices/${office}/slots`, staff, {
      matterCode: 'weituo',
      // A Monday, one slot per round (one slot per office, matter, date and start time).
      date: '2030-03-11',
      startTime: `${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      endTime: '23:00',
      capacity: 10,
    });
    const res = await Promise.all(
      Array.from({ length: 10 }, (_, k) =>
        post(k, '/api/v1/notary/bookings', citizen, {
          slotId: slot.json().id,
          applicantName: '王小明',
          phone: '13812345678',
        }),
      ),
    );
    extra += res.filter((r) => r.statusCode === 200).length - 1;
  }
  return `notary: one citizen, 10 bookings at once: ${extra} extra seats taken in ${rounds} rounds`;
}

async function orphanFiles(n: number): Promise<string> {
  const citizen = await t.signIn('citizen');
  const id = (await post(0, '/api/v1/aid/applications', citizen, applicationBody())).json()
    .id as number;
  await sql`CREATE FUNCTION refuse_material() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`.execute(
    t.ctx.db,
  );
  await sql`CREATE TRIGGER refuse_material BEFORE INSERT ON aid_attachments FOR EACH ROW EXECUTE FUNCTION refuse_material()`.execute(
    t.ctx.db,
  );
  for (let i = 0; i < n; i++) {
    const { payload, headers } = multipart('a.pdf', Buffer.from('%PDF-1.4\n'), 'application/pdf');
    await post(
      i,
      `/api/v1/aid/applications/${id}/attachments?kind=case`,
      citizen,
      payload,
      headers,
    );
  }
  const left = readdirSync(path.join(uploadDir, 'aid')).length;
  return `uploads whose row failed: ${left} files left by ${n} uploads`;
}

async function outage(n: number): Promise<string> {
  const db = await createTestDb();
  const target = new URL(PG!);
  const proxy = await startProxy(target.hostname, Number(target.port || 5432));
  const data = openPostgres(proxy.url(PG!), db.data.schema);
  const app = await buildApp(createContext(testConfig(), data));
  await app.ready();
  const get = () => app.inject({ method: 'GET', url: '/api/v1/laws' });
  await Promise.all(Array.from({ length: 4 }, get));
  await proxy.cut();
  const during = await Promise.all(Array.from({ length: n }, get));
  const codes = during.map((r) => `${r.statusCode} ${r.json().error?.code ?? ''}`);
  await proxy.restore();
  const after = await Promise.all(Array.from({ length: n }, get));
  await app.close();
  await data.close();
  await proxy.close();
  await db.drop();
  const tally = [...new Set(codes)].map((c) => `${codes.filter((x) => x === c).length}× ${c}`);
  return `outage: ${n} requests during it → ${tally.join(', ')}; after it ${after.filter((r) => r.statusCode === 200).length} of ${n} served`;
}

// One line each as it is measured (before the fix the outage ends the process).
console.log(await aidDecisions(Number(process.env.ROUNDS ?? 100)));
console.log(await notarySeats(10)); // the booking route allows 60 a minute per app
console.log(await orphanFiles(20));
console.log(await outage(20));
await other.close();
await otherData.close();
await t.close();
rmSync(uploadDir, { recursive: true, force: true });
