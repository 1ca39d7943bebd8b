/** @module The corpus shipped in the repository: the same files as the pinned pack, each checked when unpacked. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedLawsDir } from '../test/laws-fixture.js';
import { LAWS_COMMIT } from './fetch.js';
import {
  corpusFiles,
  manifestOf,
  packSnapshot,
  readManifest,
  SnapshotError,
  unpackSnapshot,
} from './snapshot.js';

const work = mkdtempSync(path.join(tmpdir(), 'laws-snapshot-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the shipped corpus snapshot', () => {
  it('holds exactly the pinned pack, file for file', () => {
    const shipped = readManifest();
    expect(shipped.commit).toBe(LAWS_COMMIT);
    const pack = manifestOf(sharedLawsDir(), shipped.source, shipped.commit, new Date());
    expect(Object.keys(shipped.files)).toHaveLength(1539);
    expect(shipped.files).toEqual(pack.files);
  });

  it('unpacks into a folder whose every file matches the manifest', async () => {
    const dest = path.join(work, 'shipped', 'laws');
    expect(await unpackSnapshot(dest)).toBe(1539);
    const files = corpusFiles(dest);
    expect(files).toHaveLength(1539);
    expect(readFileSync(path.join(dest, '民法典', '婚姻家庭编.md'), 'utf8')).toContain(
      '第一千零七十九条',
    );
  });

  it('refuses an archive whose file differs from the manifest, leaving nothing behind', async () => {
    const src = path.join(work, 'src');
    mkdirSync(path.join(src, '社会法'), { recursive: true });
    const rel = '社会法/劳动合同法(2012-12-28).md';
    writeFileSync(path.join(src, rel), readFileSync(path.join(sharedLawsDir(), rel)));
    const manifest = manifestOf(src, 'test', 'x', new Date());
    const out = pathToFileURL(`${path.join(work, 'pack')}/`);
    await packSnapshot(src, manifest, out);
    const archive = new URL('laws.tar.gz', out);
    const manifestFile = new URL('manifest.json', out);
    const ok = path.join(work, 'ok');
    expect(await unpackSnapshot(ok, archive, manifestFile)).toBe(1);

    writeFileSync(manifestFile, JSON.stringify({ ...manifest, files: { [rel]: '0'.repeat(64) } }));
    const bad = path.join(work, 'bad');
    await expect(unpackSnapshot(bad, archive, manifestFile)).rejects.toThrow(SnapshotError);
    await expect(unpackSnapshot(bad, archive, manifestFile)).rejects.toThrow(rel);
    expect(existsSync(bad)).toBe(false);

    writeFileSync(manifestFile, JSON.stringify({ ...manifest, files: {} }));
    await expect(unpackSnapshot(bad, archive, manifestFile)).rejects.toThrow('清单外的文件');
  });
});
