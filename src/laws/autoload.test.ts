/** @module Corpus autoload on server start: imports an empty database in the background, or says how to load one. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../test/db.js';
import { sharedLawsDir } from '../test/laws-fixture.js';
import { autoloadCorpus } from './autoload.js';
import { corpusStatus } from './status.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'laws-auto-'));
  const rel = '社会法/劳动合同法(2012-12-28).md';
  mkdirSync(path.join(dir, '社会法'));
  writeFileSync(path.join(dir, rel), readFileSync(path.join(sharedLawsDir(), rel), 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function recorder() {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: (m: string) => lines.push(m),
      warn: (m: string) => lines.push(m),
      error: (m: string) => lines.push(m),
    },
  };
}

describe('autoloadCorpus', () => {
  it('imports LAWS_DIR into an empty database and announces it on the bus', async () => {
    const { ctx, close } = await createTestContext({ LAWS_DIR: dir, IMPORT_ON_START: 'true' });
    try {
      const events: unknown[] = [];
      ctx.bus.on('laws:imported', (e) => events.push(e));
      const { lines, log } = recorder();
      const running = autoloadCorpus(ctx, log);
      const r = await running;
      expect(r).toMatchObject({ kind: 'imported', laws: 1 });
      expect(events).toHaveLength(1);
      expect(lines.some((l) => l.includes('100%'))).toBe(true);
      const s = await corpusStatus(ctx);
      expect(s).toMatchObject({ loaded: true, importing: false, laws: 1 });
      // A second start finds the corpus and does nothing.
      expect(await autoloadCorpus(ctx, log)).toEqual({ kind: 'loaded' });
    } finally {
      await close();
    }
  });

  it('says how to load a corpus when LAWS_DIR does not exist', async () => {
    const missing = path.join(dir, 'nope');
    const { ctx, close } = await createTestContext({ LAWS_DIR: missing, IMPORT_ON_START: 'true' });
    try {
      const { lines, log } = recorder();
      expect(await autoloadCorpus(ctx, log)).toEqual({ kind: 'no_dir' });
      expect(lines.join('\n')).toContain('npm run laws:fetch');
      expect((await corpusStatus(ctx)).message).toContain('npm run laws:fetch');
    } finally {
      await close();
    }
  });

  it('leaves the database empty when IMPORT_ON_START is off', async () => {
    const { ctx, close } = await createTestContext({ LAWS_DIR: dir, IMPORT_ON_START: 'false' });
    try {
      const { lines, log } = recorder();
      expect(await autoloadCorpus(ctx, log)).toEqual({ kind: 'disabled' });
      expect(lines.join('\n')).toContain(`npm run laws:import -- ${dir}`);
      expect((await corpusStatus(ctx)).loaded).toBe(false);
    } finally {
      await close();
    }
  });
});
