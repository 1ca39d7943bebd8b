/** @module Core schema: agencies (legal-aid centres), users, sessions, append-only audit trail. */
import type { Kysely } from 'kysely';
import { index, withId, withTimestamps } from './columns.js';
import type { Dialect } from './connection.js';
import type { Migration } from './migrator.js';
import { WUHAN_AGENCIES } from './seed-agencies.js';

async function createCore(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('agencies'), dialect)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('district', 'text')
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .execute();
  await withTimestamps(
    withId(db.schema.createTable('users'), dialect)
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('id_number', 'text')
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text'),
  ).execute();
  await withId(db.schema.createTable('sessions'), dialect)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('audit_log'), dialect)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('ip', 'text')
    .execute();
  await index(db, 'audit_log', ['entity', 'entity_id']);
  await index(db, 'sessions', ['user_id']);
}

/** Makes the audit trail append-only at the database level too. */
async function protectAudit(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const { sql } = await import('kysely');
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(
      db,
    );
  } else {
    await sql`CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql`.execute(
      db,
    );
    await sql`CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(
      db,
    );
  }
}

/**
 * Failed logins per (username, client address): a stranger's guesses lock only his own address out, and
 * the count is raised by one conditional upsert, so parallel guesses cannot all pass the check.
 */
async function loginAttempts(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_attempts')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_attempts_pk', ['username', 'ip'])
    .execute();
}

/** Allowances counted by the database (core/quota.ts): bytes uploaded, applications a day, …. */
async function quotas(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('quotas')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('used', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('quotas_pk', ['subject', 'kind', 'period'])
    .execute();
}

/**
 * The audit trail's seals (core/audit-chain.ts), append-only like the trail; and on SQLite no
 * `INSERT OR REPLACE`/`REPLACE INTO` over an existing row of either (REPLACE deletes without firing the
 * delete trigger). On PostgreSQL TRUNCATE is refused too (for a role that cannot disable triggers).
 */
async function auditSeal(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const { sql } = await import('kysely');
  await withId(db.schema.createTable('audit_seal'), dialect)
    .addColumn('audit_id', 'integer', (c) => c.notNull().unique())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('sealed_at', 'text', (c) => c.notNull())
    .execute();
  if (dialect === 'sqlite') {
    for (const t of ['audit_log', 'audit_seal']) {
      await sql
        .raw(
          `CREATE TRIGGER ${t}_no_replace BEFORE INSERT ON ${t} WHEN EXISTS (SELECT 1 FROM ${t} WHERE id = NEW.id) BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END`,
        )
        .execute(db);
    }
    await sql`CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal BEGIN SELECT RAISE(ABORT, 'audit_seal is append-only'); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal BEGIN SELECT RAISE(ABORT, 'audit_seal is append-only'); END`.execute(
      db,
    );
  } else {
    await sql`CREATE TRIGGER audit_seal_no_change BEFORE UPDATE OR DELETE ON audit_seal FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(
      db,
    );
    for (const t of ['audit_log', 'audit_seal'])
      await sql
        .raw(
          `CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
        )
        .execute(db);
  }
}

async function seedAgencies(db: Kysely<any>): Promise<void> {
  await db.insertInto('agencies').values(WUHAN_AGENCIES).execute();
}

export const coreMigrations: Migration[] = [
  { name: '0001_core_tables', up: createCore },
  { name: '0002_core_audit_append_only', up: protectAudit },
  { name: '0003_core_seed_agencies', up: (db) => seedAgencies(db) },
  { name: '0004_core_login_attempts', up: (db) => loginAttempts(db) },
  { name: '0005_core_quotas', up: (db) => quotas(db) },
  { name: '0006_core_audit_seal', up: auditSeal },
];
