/**
 * @module Test databases: a fresh SQLite in memory, or — when TEST_DATABASE_URL is set — a fresh PostgreSQL
 * schema on that server, dropped afterwards. A PostgreSQL server that does not answer fails the test.
 */
import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { parseConfig, type AppConfig } from '../config/env.js';
import { createContext, type AppContext } from '../core/context.js';
import { openPostgres, openSqlite, type DataLayer } from '../db/connection.js';
import { migrateToLatest } from '../migrations.js';

export const testDialect = (): 'sqlite' | 'postgres' =>
  process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

export interface TestDb {
  data: DataLayer;
  drop(): Promise<void>;
}

/** A migrated, empty database of the dialect under test. */
export async function createTestDb(): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const data = openSqlite(':memory:');
    await migrateToLatest(data);
    return { data, drop: () => data.close() };
  }
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const data = await withSchemaLock(url, async (admin) => {
    await admin.query(`CREATE SCHEMA ${schema}`);
    const opened = openPostgres(url, schema);
    await migrateToLatest(opened);
    return opened;
  });
  return {
    data,
    drop: async () => {
      await data.close();
      await withSchemaLock(url, (admin) => admin.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
}

/**
 * Runs `fn` while holding a cluster-wide advisory lock. The migrator introspects every schema of the
 * database, and PostgreSQL raises "schema … does not exist" when another test file drops its schema
 * in the middle of that scan; creating+migrating and dropping under one lock keeps them apart.
 */
async function withSchemaLock<T>(url: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect(); // throws when the server does not answer: the test fails, never skips
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await fn(admin);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => undefined);
    await admin.end();
  }
}

const SCHEMA_LOCK = 12348_0001;

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    IMPORT_ON_START: 'false',
    SEARCH_INDEX_FILE: 'off',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    RATE_LIMIT_PER_MINUTE: '100000',
    PDF_RATE_LIMIT_PER_MINUTE: '100000',
    // Workflow tests file many applications and bookings as one citizen; quota.test.ts sets real limits.
    AID_APPLICATIONS_PER_DAY: '100000',
    NOTARY_BOOKINGS_PER_DAY: '100000',
    QA_ANON_QUESTIONS_PER_DAY: '100000',
    UPLOAD_DIR: `data/test-uploads-${process.pid}`,
    ...overrides,
  });
}

let contexts = 0;

/** A context over a fresh test database, with a clock tests can move. */
export async function createTestContext(
  overrides: Record<string, string> = {},
): Promise<{ ctx: AppContext; clock: TestClock; close: () => Promise<void> }> {
  const db = await createTestDb();
  const clock = new TestClock();
  // Each context its own upload folder, removed with the database (unless the test chose one).
  const uploads = `data/test-uploads-${process.pid}-${++contexts}`;
  const config = testConfig({ UPLOAD_DIR: uploads, ...overrides });
  const ctx = createContext(config, db.data, () => clock.now());
  const close = async () => {
    await db.drop();
    if (config.UPLOAD_DIR === uploads) rmSync(uploads, { recursive: true, force: true });
  };
  return { ctx, clock, close };
}

/** A clock that follows real time until set, then stays where tests put it. */
export class TestClock {
  private fixed: Date | null = null;
  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }
  set(iso: string | Date): void {
    this.fixed = new Date(iso);
  }
  advance(ms: number): void {
    this.fixed = new Date(this.now().getTime() + ms);
  }
}
