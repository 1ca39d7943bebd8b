/**
 * Two server processes starting on one empty PostgreSQL database (two apps' contexts, each with its own
 * pool, over one schema): one imports the corpus, the other waits and finds it imported — no duplicate key.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../core/context.js';
import { openPostgres, type DataLayer } from '../db/connection.js';
import { createTestContext, testConfig } from '../test/db.js';
import { sharedLawsDir } from '../test/laws-fixture.js';
import { autoloadCorpus, type Log } from './autoload.js';

const PG = process.env.TEST_DATABASE_URL;
const FILES = ['社会法/劳动合同法(2012-12-28).md', '社会法/军人保险法(2012-04-27).md'];

describe.runIf(PG)('starting two processes on an empty PostgreSQL database', () => {
  const lawsDir = mkdtempSync(path.join(tmpdir(), 'open12348-laws-'));
  let first: { ctx: AppContext; close(): Promise<void> };
  let second: { ctx: AppContext; data: DataLayer };

  beforeAll(async () => {
    for (const f of FILES) {
      mkdirSync(path.dirname(path.join(lawsDir, f)), { recursive: true });
      cpSync(path.join(sharedLawsDir(), f), path.join(lawsDir, f));
    }
    const env = { LAWS_DIR: lawsDir, IMPORT_ON_START: 'true' };
    first = await createTestContext(env);
    const data = openPostgres(PG!, first.ctx.data.schema);
    second = { ctx: createContext(testConfig(env), data), data };
  });
  afterAll(async () => {
    await second.data.close();
    await first.close();
    rmSync(lawsDir, { recursive: true, force: true });
  });

  it('imports the corpus once; neither logs an error', async () => {
    const errors: string[] = [];
    const log: Log = { info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) };
    const results = await Promise.all([
      autoloadCorpus(first.ctx, log),
      autoloadCorpus(second.ctx, log),
    ]);
    expect(errors).toEqual([]);
    expect(results.map((r) => r.kind)).toEqual(['imported', 'imported']);
    const laws = await first.ctx.db.selectFrom('laws').select('source_path').execute();
    expect(laws.map((l) => l.source_path).sort()).toEqual([...FILES].sort());
    // One write: the corpus version was bumped once, by whichever import came first.
    const versions = await first.ctx.db.selectFrom('law_corpus_state').selectAll().execute();
    expect(versions).toHaveLength(1);
  });
});
