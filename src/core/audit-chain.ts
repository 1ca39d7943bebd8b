/**
 * @module Tamper evidence for the audit trail: a sealer appends, for each audit row not yet sealed, a seal
 * whose hash covers the row and the previous seal (a hash chain); `npm run audit:verify` recomputes the
 * chain and names each row that was altered, removed or put out of order. Rows are sealed after they
 * commit, in the order the sealer meets them, so inserts never wait on one another.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Dialect } from '../db/connection.js';
import type { AuditRow } from '../db/core-tables.js';
import type { Database } from '../db/schema.js';

export const GENESIS = '0'.repeat(64);
const BATCH = 2000;
/** Serialises sealers on PostgreSQL (several server processes). */
const SEAL_LOCK = 12348_0007;

/** The hash of one audit row chained to the previous seal's hash. */
export function sealHash(prev: string, r: Selectable<AuditRow>): string {
  const fields = [
    r.id,
    r.at,
    r.actor_id,
    r.actor_role,
    r.action,
    r.entity,
    r.entity_id,
    r.detail,
    r.ip,
  ];
  return createHash('sha256')
    .update(`${prev}\n${JSON.stringify(fields)}`)
    .digest('hex');
}

async function lastSeal(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('audit_seal')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.hash ?? GENESIS;
}

/** Seals every committed audit row that has no seal yet; returns how many it sealed. */
export async function sealAudit(
  db: Kysely<Database>,
  dialect: Dialect,
  now: Date = new Date(),
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      // SQLite has one writer at a time already; PostgreSQL processes take turns on a lock.
      if (dialect === 'postgres')
        await sql`SELECT pg_advisory_xact_lock(${SEAL_LOCK})`.execute(trx);
      let prev = await lastSeal(trx);
      const rows = await trx
        .selectFrom('audit_log as a')
        .leftJoin('audit_seal as s', 's.audit_id', 'a.id')
        .selectAll('a')
        .where('s.id', 'is', null)
        .orderBy('a.id')
        .limit(BATCH)
        .execute();
      if (rows.length === 0) return 0;
      const seals = rows.map((r) => {
        const hash = sealHash(prev, r);
        const seal = { audit_id: r.id, prev_hash: prev, hash, sealed_at: now.toISOString() };
        prev = hash;
        return seal;
      });
      for (let i = 0; i < seals.length; i += 200)
        await trx
          .insertInto('audit_seal')
          .values(seals.slice(i, i + 200))
          .execute();
      return rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

export interface Problem {
  auditId: number;
  kind: 'altered' | 'missing' | 'chain_broken';
}

export interface VerifyReport {
  sealed: number;
  unsealed: number;
  /** The last seal's hash: record it elsewhere to detect the chain being rebuilt or cut short. */
  head: string;
  problems: Problem[];
}

/** Recomputes the chain over every seal and its row. */
export async function verifyAudit(db: Kysely<Database>): Promise<VerifyReport> {
  const problems: Problem[] = [];
  let prev = GENESIS;
  let sealed = 0;
  let after = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_seal as s')
      .leftJoin('audit_log as a', 'a.id', 's.audit_id')
      .select([
        's.id as seal_id',
        's.audit_id',
        's.prev_hash',
        's.hash',
        'a.id',
        'a.at',
        'a.actor_id',
        'a.actor_role',
        'a.action',
        'a.entity',
        'a.entity_id',
        'a.detail',
        'a.ip',
      ])
      .where('s.id', '>', after)
      .orderBy('s.id')
      .limit(BATCH)
      .execute();
    for (const s of page) {
      sealed++;
      after = s.seal_id;
      if (s.prev_hash !== prev) problems.push({ auditId: s.audit_id, kind: 'chain_broken' });
      if (s.id === null) problems.push({ auditId: s.audit_id, kind: 'missing' });
      else if (sealHash(s.prev_hash, s as Selectable<AuditRow>) !== s.hash)
        problems.push({ auditId: s.audit_id, kind: 'altered' });
      prev = s.hash;
    }
    if (page.length < BATCH) break;
  }
  const unsealed = await db
    .selectFrom('audit_log as a')
    .leftJoin('audit_seal as s', 's.audit_id', 'a.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.id', 'is', null)
    .executeTakeFirstOrThrow();
  return { sealed, unsealed: Number(unsealed.n), head: prev, problems };
}
