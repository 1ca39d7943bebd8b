/**
 * @module Consult benchmarks: (1) the escalation sweep over 10,000 open questions (target < 50 ms a pass),
 * (2) 500 concurrent SSE inbox connections on loopback, a new question delivered to all (target < 1 s).
 * SQLite file by default; BENCH_DATABASE_URL=postgres://… also runs the sweep on PostgreSQL (a scratch schema).
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createContext } from '../src/core/context.js';
import { openPostgres, openSqlite, type DataLayer } from '../src/db/connection.js';
import { migrateToLatest } from '../src/migrations.js';
import { sweepOnce } from '../src/consult/escalation.js';
import { createTestApp } from '../src/test/app.js';
import { testConfig } from '../src/test/db.js';

const OPEN = 10_000;
const MIN = 60_000;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (n=${s.length})`;
};

async function seed(data: DataLayer, base: Date): Promise<void> {
  const db = data.db;
  const now = base.toISOString();
  const user = await db
    .insertInto('users')
    .values({
      username: 'bench_citizen',
      password_hash: 'x',
      role: 'citizen',
      display_name: '压测',
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
  const street = await db
    .insertInto('consult_streets')
    .values({ district: '洪山区', name: '压测街道', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const c = await db
    .insertInto('consult_communities')
    .values({
      street_id: street.id,
      name: '压测社区',
      kind: 'community',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < OPEN; i += 500) {
      await trx
        .insertInto('consult_questions')
        .values(
          Array.from({ length: 500 }, (_, j) => ({
            citizen_id: user.id,
            community_id: c.id,
            body: '压测问题',
            transcript: null,
            conversation_id: null,
            stage: 'community' as const,
            status: 'open' as const,
            claimed_by: null,
            claimed_at: null,
            // spread over the next 10 minutes: nothing is due at `base`
            next_escalation_at: new Date(
              base.getTime() + 1000 + ((i + j) % 600) * 1000,
            ).toISOString(),
            first_response_at: null,
            first_responder_id: null,
            category: null,
            rating: null,
            rating_comment: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
  });
}

async function benchSweep(label: string, data: DataLayer): Promise<void> {
  await migrateToLatest(data);
  const base = new Date('2026-11-02T02:00:00Z');
  await seed(data, base);
  let clock = base;
  const ctx = createContext(testConfig(), data, () => clock);
  const idle: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = process.hrtime.bigint();
    const r = await sweepOnce(ctx);
    idle.push(ms(t0));
    if (r.toPool.length) throw new Error('nothing should be due');
  }
  // one minute later ~1,000 questions are due: each pass escalates a batch of up to 500
  clock = new Date(base.getTime() + 61_000 + MIN);
  const busy: number[] = [];
  let moved = 0;
  for (let i = 0; i < 6; i++) {
    const t0 = process.hrtime.bigint();
    const r = await sweepOnce(ctx);
    busy.push(ms(t0));
    moved += r.toPool.length;
    if (!r.toPool.length) break;
  }
  console.log(`[${label}] ${OPEN} open questions, nothing due: sweep pass ${stats(idle)}`);
  console.log(
    `[${label}] escalating ${moved} due questions in batches of ≤200: per pass ${stats(busy)}  (target < 50 ms)`,
  );
}

async function benchSse(): Promise<void> {
  const N = 500;
  const t = await createTestApp();
  const lawyer = await t.signIn('community_lawyer');
  const citizen = await t.signIn('citizen');
  const admin = await t.signIn('admin');
  const now = new Date().toISOString();
  const street = await t.ctx.db
    .insertInto('consult_streets')
    .values({ district: '洪山区', name: '压测街道', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const c = await t.ctx.db
    .insertInto('consult_communities')
    .values({
      street_id: street.id,
      name: '压测社区',
      kind: 'community',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.ctx.db
    .insertInto('consult_assignments')
    .values({ community_id: c.id, user_id: lawyer.userId, created_at: now })
    .execute();
  await t.ctx.db
    .insertInto('consult_profiles')
    .values({ user_id: citizen.userId, community_id: c.id, updated_at: now })
    .execute();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.server.address() as AddressInfo).port;
  const sockets: http.ClientRequest[] = [];
  let delivered = 0;
  let allDelivered: () => void = () => {};
  const done = new Promise<void>((r) => (allDelivered = r));
  const arrivals: number[] = [];
  let sentAt = 0n;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from(
      { length: N },
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          const who = i % 2 ? lawyer : admin; // half the lawyer's tabs, half the bureau's
          const req = http.get(
            {
              host: '127.0.0.1',
              port,
              path: '/api/v1/consult/inbox/stream',
              agent: false,
              headers: { cookie: who.headers.cookie },
            },
            (res) => {
              let buf = '';
              res.setEncoding('utf8');
              res.on('data', (d: string) => {
                buf += d;
                if (buf.includes('event: counts')) resolve();
                if (buf.includes('event: question')) {
                  buf = '';
                  arrivals.push(ms(sentAt));
                  if (++delivered === N) allDelivered();
                }
              });
            },
          );
          req.on('error', reject);
          sockets.push(req);
        }),
    ),
  );
  console.log(`[sse] ${N} inbox connections open in ${ms(t0).toFixed(0)} ms`);
  sentAt = process.hrtime.bigint();
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/consult/questions`, {
    method: 'POST',
    headers: { ...citizen.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ body: '压测：邻居占用消防通道怎么办？' }),
  });
  if (!res.ok) throw new Error(`ask failed ${res.status}`);
  const timeout = setTimeout(() => allDelivered(), 10_000);
  await done;
  clearTimeout(timeout);
  console.log(
    `[sse] new question delivered to ${delivered}/${N} connections; last after ${Math.max(...arrivals).toFixed(0)} ms, ${stats(arrivals)}  (target: all within 1000 ms)`,
  );
  sockets.forEach((s) => s.destroy());
  await t.close();
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'consult-bench-'));
  const sqlite = openSqlite(path.join(dir, 'bench.db'));
  try {
    await benchSweep('sqlite', sqlite);
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const schema = `bench_consult_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const data = openPostgres(url, schema);
    try {
      await benchSweep('postgres', data);
    } finally {
      await data.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
  await benchSse();
}
