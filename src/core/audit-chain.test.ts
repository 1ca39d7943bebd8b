/** The audit trail is tamper-evident: seals chain every row, verify names what was altered or removed. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../db/connection.js';
import { migrateToLatest } from '../migrations.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { audit } from './audit.js';
import { sealAudit, verifyAudit } from './audit-chain.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 5; i++) await t.signIn('citizen');
});
afterAll(() => t.close());

const lastAuditId = async () =>
  (
    await t.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
  ).id;

/** What a database owner can do around the triggers: the chain is what still tells. */
async function asOwner(statement: string): Promise<void> {
  if (t.ctx.dialect === 'sqlite') {
    await sql`DROP TRIGGER IF EXISTS audit_no_update`.execute(t.ctx.db);
    await sql`DROP TRIGGER IF EXISTS audit_no_delete`.execute(t.ctx.db);
  } else await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_no_change`.execute(t.ctx.db);
  await sql.raw(statement).execute(t.ctx.db);
}

describe('audit hash chain', () => {
  it('seals every row once and verifies clean', async () => {
    const n = await sealAudit(t.ctx.db, t.ctx.dialect);
    expect(n).toBeGreaterThanOrEqual(10); // 5 × (create + login)
    expect(await sealAudit(t.ctx.db, t.ctx.dialect)).toBe(0);
    await audit(t.ctx.db, { actor: null, action: 'test', entity: 'x' }, new Date());
    expect(await sealAudit(t.ctx.db, t.ctx.dialect)).toBe(1);
    const r = await verifyAudit(t.ctx.db);
    expect(r.problems).toEqual([]);
    expect(r.unsealed).toBe(0);
    expect(r.sealed).toBe(n + 1);
    expect(r.head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses REPLACE over an existing row, and TRUNCATE on PostgreSQL', async () => {
    const id = await lastAuditId();
    const values = `(${id}, '2026-01-01T00:00:00Z', 'forged', 'user')`;
    const columns = '(id, at, action, entity)';
    if (t.ctx.dialect === 'sqlite') {
      await expect(
        sql.raw(`INSERT OR REPLACE INTO audit_log ${columns} VALUES ${values}`).execute(t.ctx.db),
      ).rejects.toThrow(/append-only/);
      await expect(
        sql.raw(`REPLACE INTO audit_log ${columns} VALUES ${values}`).execute(t.ctx.db),
      ).rejects.toThrow(/append-only/);
    } else {
      await expect(
        sql
          .raw(
            `INSERT INTO audit_log ${columns} VALUES ${values} ON CONFLICT (id) DO UPDATE SET action = 'forged'`,
          )
          .execute(t.ctx.db),
      ).rejects.toThrow(/append-only/);
      await expect(sql`TRUNCATE audit_log`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    }
    expect((await verifyAudit(t.ctx.db)).problems).toEqual([]);
  });

  it('names a row changed and a row deleted behind the triggers’ back', async () => {
    const rows = await t.ctx.db.selectFrom('audit_log').select('id').orderBy('id').execute();
    const changed = rows[2]!.id;
    const deleted = rows[4]!.id;
    await asOwner(`UPDATE audit_log SET ip = '6.6.6.6' WHERE id = ${changed}`);
    await asOwner(`DELETE FROM audit_log WHERE id = ${deleted}`);
    const r = await verifyAudit(t.ctx.db);
    expect(r.problems).toEqual([
      { auditId: changed, kind: 'altered' },
      { auditId: deleted, kind: 'missing' },
    ]);
  });
});

describe('npm run audit:verify', () => {
  it('exits 0 on a clean trail and 1 naming the row after tampering', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'open12348-audit-'));
    const file = path.join(dir, 'a.db');
    const data = openSqlite(file);
    await migrateToLatest(data);
    for (let i = 0; i < 3; i++)
      await audit(
        data.db,
        { actor: null, action: `act${i}`, entity: 'x', entityId: i },
        new Date(),
      );
    await data.close();
    const run = () =>
      execFileSync('npx', ['tsx', 'src/core/audit-verify-cli.ts'], {
        env: { ...process.env, DATABASE_URL: `sqlite:${file}` },
        encoding: 'utf8',
        stdio: 'pipe',
      });
    expect(run()).toMatch(/已为 3 条新审计记录加封[\s\S]*校验通过/);
    const again = openSqlite(file);
    await sql`DROP TRIGGER audit_no_update`.execute(again.db);
    await sql`UPDATE audit_log SET action = 'hidden' WHERE action = 'act1'`.execute(again.db);
    await again.close();
    let failure: { status: number; stderr: string } | null = null;
    try {
      run();
    } catch (e) {
      failure = e as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toMatch(/记录 #2：内容被改动/);
    rmSync(dir, { recursive: true, force: true });
  });
});
