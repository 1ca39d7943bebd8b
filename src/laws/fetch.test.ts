/** @module laws:fetch without the network: an archive the test builds itself is verified, unpacked, imported. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../core/context.js';
import { createTestContext } from '../test/db.js';
import { sharedLawsDir } from '../test/laws-fixture.js';
import { fetchCorpus, sha256File } from './fetch.js';
import { getArticle, listVersions } from './repository.js';

let ctx: AppContext;
let close: () => Promise<void>;
let work: string;
let archive: string;

beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  work = mkdtempSync(path.join(tmpdir(), 'laws-fetch-'));
  // The upstream layout: one top folder, statute folders, plus folders that must not be imported.
  const top = path.join(work, 'src', 'Laws-2d50496');
  const put = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(top, rel)), { recursive: true });
    writeFileSync(path.join(top, rel), text);
  };
  const real = '社会法/劳动合同法(2012-12-28).md';
  put(real, readFileSync(path.join(sharedLawsDir(), real), 'utf8'));
  // One statute changed upstream, one added.
  const constitution = '宪法/宪法.md';
  put(constitution, `${readFileSync(path.join(sharedLawsDir(), constitution), 'utf8')}\n`);
  put(
    '社会法/某新条例(2026-01-01).md',
    '# 某新条例\n\n<!-- INFO END -->\n\n第一条 为了测试，制定本条例。\n',
  );
  put(
    'DLC/上海/上海市某条例(2020-01-01).md',
    '# 上海市某条例\n\n<!-- INFO END -->\n\n第一条 不应导入。\n',
  );
  put('案例/某案例.md', '# 案例\n');
  put('其他/劳动仲裁和劳动诉讼的攻略.md', '# 攻略\n');
  put('scripts/request.py', 'print(1)\n');
  put('社会法/_index.md', 'bookCollapseSection: true\n');
  archive = path.join(work, 'laws.tar.gz');
  await tar.c({ gzip: true, file: archive, cwd: path.join(work, 'src') }, ['Laws-2d50496']);
});
afterAll(async () => {
  await close();
  rmSync(work, { recursive: true, force: true });
});

describe('fetchCorpus', () => {
  it('refuses an archive whose checksum does not match, and unpacks nothing', async () => {
    const dest = path.join(work, 'data', 'laws');
    await expect(fetchCorpus(ctx, { file: archive, sha256: '0'.repeat(64), dest })).rejects.toThrow(
      '校验失败',
    );
    expect(existsSync(dest)).toBe(false);
    expect(await listVersions(ctx.db, '劳动合同法')).toHaveLength(0);
  });

  it('without a checksum, reports what the archive adds, changes and removes, file by file', async () => {
    const dest = path.join(work, 'data', 'laws-unpinned');
    const r = await fetchCorpus(ctx, { file: archive, sha256: null, dest });
    expect(r.files).toBe(3);
    const c = r.changes!;
    expect(c.added).toEqual(['社会法/某新条例(2026-01-01).md']);
    expect(c.changed).toEqual(['宪法/宪法.md']);
    // The archive holds three statutes; the shipped snapshot's others are reported removed.
    expect(c.removed).toHaveLength(1538 - 2);
    expect(c.removed).not.toContain('社会法/劳动合同法(2012-12-28).md');
  });

  it('unpacks only the statute folders and imports them', async () => {
    const dest = path.join(work, 'data', 'laws');
    const r = await fetchCorpus(ctx, { file: archive, sha256: await sha256File(archive), dest });
    expect(r.files).toBe(3);
    expect(existsSync(path.join(dest, '社会法/劳动合同法(2012-12-28).md'))).toBe(true);
    expect(existsSync(path.join(dest, 'DLC'))).toBe(false);
    expect(existsSync(path.join(dest, 'scripts'))).toBe(false);
    expect(r.report.units).toBe(3);
    expect((await getArticle(ctx.db, '劳动合同法', 47))?.label).toBe('第四十七条');
  });
});
