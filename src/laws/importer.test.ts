/** @module Importer on real statute files: structure, quirks, versions, idempotence, atomicity. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../core/context.js';
import { createTestContext } from '../test/db.js';
import { CIVIL_CODE_FILES, importLawFixture, sharedLawsDir } from '../test/laws-fixture.js';
import { importCorpus } from './importer.js';
import { corpusVersion, getArticle, listArticlesForIndex, listVersions } from './repository.js';

let ctx: AppContext;
let close: () => Promise<void>;

const FILES = [
  '社会法/劳动合同法(2012-12-28).md',
  '诉讼与非诉讼程序法/刑事诉讼法(2018-10-26).md',
  '民法商法/农民专业合作社法(2017-12-27).md',
  '行政法规/飞行基本规则(2007-10-18).md',
  '刑法/刑法.md',
  '刑法/刑法修正案（十一）.md',
  '民法商法/公司法(2018-10-26).md',
  '民法商法/公司法(2023-12-29).md',
  '行政法规/信访条例(2005-01-10).md',
  '行政法规/信访工作条例(2022-02-25).md',
  '宪法相关法/居民身份证法(2011-10-29).md',
  '行政法/居民身份证法(2011-10-29).md',
  ...CIVIL_CODE_FILES,
];

/** Which of the tables the query planner holds statistics for (SQLite: sqlite_stat1; PostgreSQL: pg_stats). */
async function analysedTables(c: AppContext, tables: string[]): Promise<string[]> {
  const names = sql.join(tables.map((t) => sql.lit(t)));
  const q =
    c.dialect === 'postgres'
      ? sql<{ t: string }>`select distinct tablename as t from pg_stats
          where schemaname = current_schema() and tablename in (${names})`
      : sql<{ t: string }>`select distinct tbl as t from sqlite_stat1 where tbl in (${names})`;
  return (await q.execute(c.db)).rows.map((r) => r.t).sort();
}

beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
});
afterAll(() => close());

describe('importCorpus', () => {
  it('imports real files with their structure and reports each quirk', async () => {
    const r = await importLawFixture(ctx, FILES);
    expect(r.parsed).toBe(r.units);
    const kinds = (p: string) => r.issues.filter((i) => i.path.includes(p)).map((i) => i.kind);

    const a47 = await getArticle(ctx.db, '劳动合同法', 47);
    expect(a47?.label).toBe('第四十七条');
    expect(a47?.text.startsWith('经济补偿按劳动者在本单位工作的年限')).toBe(true);
    expect(a47?.text.split('\n')).toHaveLength(3);
    expect(a47?.heading).toBe('第四章 劳动合同的解除和终止');
    expect(a47?.law.status).toBe('in_force');
    const a39 = await getArticle(ctx.db, '劳动合同法', 39);
    expect(a39?.text.split('\n')[1]).toBe('（一）在试用期间被证明不符合录用条件的；');

    // 第一百二十八 条侦查人员… (stray space, no space after 条)
    const x128 = await getArticle(ctx.db, '刑事诉讼法', 128);
    expect(x128?.text.startsWith('侦查人员对于与犯罪有关的场所')).toBe(true);
    expect(kinds('刑事诉讼法')).toContain('article_defect');
    // 笫五十四条
    const c54 = await getArticle(ctx.db, '农民专业合作社法', 54);
    expect(c54?.text.startsWith('清算组成员应当忠于职守')).toBe(true);
    expect(kinds('农民专业合作社法')).toContain('article_defect');
    // Chapters on one line: split into articles, 第二条 no longer inside 第一条.
    const f1 = await getArticle(ctx.db, '飞行基本规则', 1);
    const f2 = await getArticle(ctx.db, '飞行基本规则', 2);
    expect(f1?.text.endsWith('制定本规则。')).toBe(true);
    expect(f2?.text.startsWith('凡辖有航空器的单位')).toBe(true);
    expect(kinds('飞行基本规则')).toContain('run_together');
    // 刑法: deleted article and 之一 articles; the amendment has no articles.
    expect((await getArticle(ctx.db, '刑法', 199))?.text).toBe('（删去）');
    const x120 = await getArticle(ctx.db, '刑法', 120, 1);
    expect(x120?.label).toBe('第一百二十条之一');
    expect(x120?.heading).toContain('第二编 分则');
    expect(kinds('刑法修正案（十一）')).toContain('no_articles');
  });

  it('leaves the planner statistics of laws and articles for the lookups every question makes', async () => {
    expect(await analysedTables(ctx, ['laws', 'articles', 'law_import_issues'])).toEqual([
      'articles',
      'laws',
    ]);
  });

  it('joins the 民法典 parts into one law and links versions', async () => {
    const civil = await listVersions(ctx.db, '民法典');
    expect(civil).toHaveLength(1);
    expect(civil[0]?.article_count).toBe(1260);
    expect((await getArticle(ctx.db, '民法典', 1260))?.heading).toBe('附则');
    expect((await getArticle(ctx.db, '民法典', 1079))?.heading).toContain('第五编 婚姻家庭');

    const company = await listVersions(ctx.db, '公司法');
    expect(company.map((v) => [v.version_date, v.status, v.is_current])).toEqual([
      ['2023-12-29', 'in_force', 1],
      ['2018-10-26', 'superseded', 0],
    ]);
    const old = await getArticle(ctx.db, '公司法', 1, 0, { versionDate: '2018-10-26' });
    expect(old?.law.status).toBe('superseded');
    // One law in two folders with the same date: one version.
    expect(await listVersions(ctx.db, '居民身份证法')).toHaveLength(1);
    // Data fix: 信访条例 repealed; 信访工作条例 in force.
    const xf = await listVersions(ctx.db, '信访条例');
    expect(xf[0]?.status).toBe('repealed');
    expect(xf[0]?.status_note).toContain('信访工作条例');
    const inForce = await listArticlesForIndex(ctx.db);
    expect(
      inForce.some(
        (a) =>
          a.law_key === '信访条例' || (a.law_key === '公司法' && a.version_date === '2018-10-26'),
      ),
    ).toBe(false);
    const all = await listArticlesForIndex(ctx.db, { includeSuperseded: true });
    expect(all.length).toBeGreaterThan(inForce.length);
  });

  it('skips unchanged files and keeps the corpus version', async () => {
    const before = await corpusVersion(ctx.db);
    const r = await importLawFixture(ctx, FILES);
    expect(r.parsed).toBe(0);
    expect(r.changed).toBe(false);
    expect(await corpusVersion(ctx.db)).toBe(before);
  });

  it('leaves the previous corpus intact when the import fails half-way', async () => {
    const before = await corpusVersion(ctx.db);
    const count = (await listArticlesForIndex(ctx.db, { includeSuperseded: true })).length;
    // A changed copy of 劳动合同法 at the same path: the old version is deleted, then the write fails.
    const dir = mkdtempSync(path.join(tmpdir(), 'laws-'));
    const rel = '社会法/劳动合同法(2012-12-28).md';
    const src = readFileSync(path.join(sharedLawsDir(), rel), 'utf8');
    mkdirSync(path.join(dir, '社会法'));
    writeFileSync(path.join(dir, rel), src.replace('经济补偿按劳动者', '改过的经济补偿按劳动者'));
    await expect(
      importCorpus(ctx, {
        dir,
        only: [rel],
        onProgress: (done, total) => {
          if (done === total) throw new Error('磁盘已满');
        },
      }),
    ).rejects.toThrow('磁盘已满');
    expect(await corpusVersion(ctx.db)).toBe(before);
    expect((await listArticlesForIndex(ctx.db, { includeSuperseded: true })).length).toBe(count);
    expect((await getArticle(ctx.db, '劳动合同法', 47))?.text.startsWith('经济补偿')).toBe(true);
    // The same import without the failure replaces the text and changes the version.
    const ok = await importCorpus(ctx, { dir, only: [rel] });
    expect(ok.parsed).toBe(1);
    expect((await getArticle(ctx.db, '劳动合同法', 47))?.text.startsWith('改过的')).toBe(true);
    expect(await corpusVersion(ctx.db)).not.toBe(before);
    rmSync(dir, { recursive: true });
  });
});
