/** Uploaded files exist only with their rows: a failed commit leaves no file, and the start settles leftovers. */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { settleUploads, storeWithRow } from './file-store.js';

const root = mkdtempSync(path.join(tmpdir(), 'open12348-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const fresh = (name: string) => path.join(root, name);

describe('storeWithRow', () => {
  it('puts the file in place only after the commit', async () => {
    const dir = fresh('ok');
    const seen: string[][] = [];
    const r = await storeWithRow(dir, 'a1', Buffer.from('x'), () => {
      seen.push(readdirSync(dir));
      return Promise.resolve(7);
    });
    expect(r).toBe(7);
    expect(seen).toEqual([['a1.part']]); // during the transaction only the temporary name exists
    expect(readdirSync(dir)).toEqual(['a1']);
  });

  it('leaves nothing when the transaction fails', async () => {
    const dir = fresh('fail');
    const run = storeWithRow(dir, 'a2', Buffer.from('x'), () => Promise.reject(new Error('boom')));
    await expect(run).rejects.toThrow('boom');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('settleUploads', () => {
  it('finishes committed ones, removes old leftovers, keeps recent ones and real files', async () => {
    const dir = fresh('settle');
    mkdirSync(dir);
    const old = (Date.now() - 3_600_000) / 1000;
    for (const f of ['committed.part', 'gone.part', 'orphan', 'kept', 'recent-orphan'])
      writeFileSync(path.join(dir, f), 'x');
    for (const f of ['committed.part', 'gone.part', 'orphan', 'kept'])
      utimesSync(path.join(dir, f), old, old);
    const rows = new Set(['committed', 'kept']);
    const r = await settleUploads(dir, (names) =>
      Promise.resolve(new Set(names.filter((n) => rows.has(n)))),
    );
    expect(r).toEqual({ finished: 1, removed: 2 });
    expect(readdirSync(dir).sort()).toEqual(['committed', 'kept', 'recent-orphan']);
  });

  it('does nothing when the folder does not exist yet', async () => {
    const dir = fresh('none');
    expect(await settleUploads(dir, () => Promise.resolve(new Set()))).toEqual({
      finished: 0,
      removed: 0,
    });
    expect(existsSync(dir)).toBe(false);
  });
});
