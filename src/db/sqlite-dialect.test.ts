/** @module The SQLite dialect keeps prepared statements by their SQL, never handing out one in use. */
import Sqlite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { cachingStatements, SafeSqliteDialect } from './sqlite-dialect.js';

let open: Sqlite.Database[] = [];
const database = () => {
  const db = new Sqlite(':memory:');
  db.exec('create table t (n integer)');
  db.prepare('insert into t values (1), (2), (3)').run();
  open.push(db);
  return db;
};
afterEach(() => {
  for (const db of open) if (db.open) db.close();
  open = [];
});

describe('prepared statements kept by SQL', () => {
  it('hands back the same statement for the same SQL, a new one for other SQL', () => {
    const db = cachingStatements(database());
    const a = db.prepare('select n from t');
    expect(db.prepare('select n from t')).toBe(a);
    expect(db.prepare('select n from t where n > 1')).not.toBe(a);
  });

  it('does not hand out a statement that is still being iterated', () => {
    const db = cachingStatements(database());
    const a = db.prepare('select n from t order by n');
    const rows = a.iterate([]);
    expect(rows.next().value).toEqual({ n: 1 });
    const b = db.prepare('select n from t order by n');
    expect(b).not.toBe(a);
    expect(b.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
    // done iterating, the kept one is handed out again
    expect(db.prepare('select n from t order by n')).toBe(a);
  });

  it('drops the least recently used statement beyond its size', () => {
    const db = cachingStatements(database(), 2);
    const one = db.prepare('select 1');
    const two = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(one); // now 'select 2' is the oldest
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(one);
    expect(db.prepare('select 2')).not.toBe(two);
  });

  it('answers through Kysely, streamed or not, and runs a kept insert again', async () => {
    const k = new Kysely<{ t: { n: number } }>({
      dialect: new SafeSqliteDialect({ database: database() }),
    });
    try {
      const q = () => k.selectFrom('t').select('n').orderBy('n');
      const seen: number[] = [];
      for await (const row of q().stream()) seen.push(row.n);
      expect(seen).toEqual([1, 2, 3]);
      await k.insertInto('t').values({ n: 4 }).execute();
      await k.insertInto('t').values({ n: 5 }).execute();
      expect((await q().execute()).map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
      const counted = await sql<{ c: number }>`select count(*) as c from t`.execute(k);
      expect(counted.rows[0]?.c).toBe(5);
    } finally {
      await k.destroy();
    }
  });
});
