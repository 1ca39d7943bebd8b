/**
 * @module The whole shared corpus, imported once (both dialects): article totals, 民法典, the anomaly report,
 * and a second run that re-parses nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../core/context.js';
import { createTestContext } from '../test/db.js';
import { sharedLawsDir } from '../test/laws-fixture.js';
import { importCorpus, type ImportReport } from './importer.js';
import { getArticle, listVersions } from './repository.js';

let ctx: AppContext;
let close: () => Promise<void>;
let report: ImportReport;

beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  report = await importCorpus(ctx, { dir: sharedLawsDir() });
}, 120_000);
afterAll(() => close());

describe('full corpus import', () => {
  it('imports every article, 民法典 as one law of 1,260 articles', async () => {
    expect(report.files).toBe(1538);
    // 65,988 article lines (README) + 112 split from run-together lines + 6 defective lines = 66,106
    // articles in files; 4 files repeat a law version already in another folder (235 articles).
    expect(report.articles).toBe(66106 - 235);
    const civil = await listVersions(ctx.db, '民法典');
    expect(civil.map((v) => v.article_count)).toEqual([1260]);
    expect((await getArticle(ctx.db, '民法典', 54))?.text).toBe(
      '自然人从事工商业经营，经依法登记，为个体工商户。个体工商户可以起字号。',
    );
    // 民事诉讼法解释 three times: the newest is current.
    const msj = await listVersions(ctx.db, '最高人民法院关于适用民事诉讼法的解释');
    expect(msj.map((v) => [v.version_date, v.status])).toEqual([
      ['2022-04-02', 'in_force'],
      ['2022-04-01', 'superseded'],
      ['2020-12-29', 'superseded'],
    ]);
  });

  it('reports the anomalies of the README per file', () => {
    const count = (kind: string) => report.issues.filter((i) => i.kind === kind).length;
    expect(count('no_articles')).toBe(82);
    expect(count('article_defect')).toBe(6);
    expect(count('run_together')).toBe(1);
    expect(count('deleted_article')).toBe(1);
    expect(count('duplicate')).toBe(4);
  });

  it('a second run skips every unchanged file', async () => {
    const again = await importCorpus(ctx, { dir: sharedLawsDir() });
    expect(again.parsed).toBe(0);
    expect(again.skipped).toBe(report.units);
    expect(again.corpusVersion).toBe(report.corpusVersion);
  });
});
