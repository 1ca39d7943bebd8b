/** @module The maintained repeal list: checked against the real corpus, applied at import and on start, shown on /laws, kept out of answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { CIVIL_CODE_FILES, importLawFixture, sharedLawsDir } from '../test/laws-fixture.js';
import { autoloadCorpus } from './autoload.js';
import { bumpVersion } from './importer.js';
import { corpusVersion, listVersions } from './repository.js';
import { loadStatusFixes, parseStatusFixes } from './repeals.js';
import { buildUnits, listCorpusFiles } from './units.js';

const JS = '司法解释/';
const MARRIAGE_1 = '最高人民法院关于适用婚姻法若干问题的解释（一）';
const FAMILY_1 = '最高人民法院关于适用民法典婚姻家庭编的解释（一）';
const FILES = [
  `${JS}最高人民法院关于适用《婚姻法》若干问题的解释（一）(2001-12-24).md`,
  `${JS}最高人民法院关于适用《婚姻法》若干问题的解释（二）(2003-12-25).md`,
  `${JS}最高人民法院关于适用《婚姻法》若干问题的解释（三）(2011-08-09).md`,
  `${JS}最高人民法院关于适用《民法典》婚姻家庭编的解释（一）(2020-12-29).md`,
  `${JS}最高人民法院关于适用《合同法》若干问题的解释（一）(1999-12-29).md`,
  `${JS}最高人民法院关于适用《物权法》若干问题的解释（一）(2016-02-22).md`,
  ...CIVIL_CODE_FILES,
];

let t: TestApp;
const get = (url: string) => t.request({ method: 'GET', url });
const enc = encodeURIComponent;

beforeAll(async () => {
  t = await createTestApp();
  await importLawFixture(t.ctx, FILES);
});
afterAll(() => t.close());

describe('the repeal list (status-fixes.json)', () => {
  it('names only laws and successors that exist in the real corpus, each with its source', () => {
    const dir = sharedLawsDir();
    const keys = new Set(buildUnits(dir, listCorpusFiles(dir), null).units.map((u) => u.lawKey));
    const fixes = loadStatusFixes();
    expect(fixes.length).toBeGreaterThanOrEqual(15);
    expect(fixes.filter((f) => !keys.has(f.law_key)).map((f) => f.law_key)).toEqual([]);
    const successors = fixes.flatMap((f) => (f.replaced_by ? [f.replaced_by] : []));
    expect(successors.length).toBeGreaterThan(0);
    expect(successors.filter((k) => !keys.has(k))).toEqual([]);
    const marriage = fixes.find((f) => f.law_key === MARRIAGE_1)!;
    expect(marriage.source).toMatchObject({ number: '法释〔2020〕16号', effective: '2021-01-01' });
    expect(marriage.note).toBe(
      '自2021年1月1日起废止（法释〔2020〕16号《最高人民法院关于废止部分司法解释及相关规范性文件的决定》）',
    );
    for (const k of ['（二）', '（三）'])
      expect(fixes.some((f) => f.law_key === `最高人民法院关于适用婚姻法若干问题的解释${k}`)).toBe(
        true,
      );
  });

  it('refuses a list whose entry names an unknown source or repeats a law', () => {
    const source = {
      title: '某决定',
      number: '某号',
      adopted: '2020-01-01',
      effective: '2020-01-02',
      why: '理由',
    };
    const fix = { law_key: '某法', status: 'repealed', source: 'a' };
    expect(() => parseStatusFixes({ sources: {}, fixes: [fix] })).toThrow('未列出的依据');
    expect(() => parseStatusFixes({ sources: { a: source }, fixes: [fix, fix] })).toThrow('重复');
    expect(parseStatusFixes({ sources: { a: source }, fixes: [fix] })[0]?.note).toBe(
      '自2020年1月2日起废止（某号《某决定》）',
    );
  });
});

describe('statuses from the list', () => {
  it('marks the repealed interpretations at import, with the successor', async () => {
    const [v] = await listVersions(t.ctx.db, MARRIAGE_1);
    expect(v).toMatchObject({ status: 'repealed', is_current: 1, replaced_by: FAMILY_1 });
    const [family] = await listVersions(t.ctx.db, FAMILY_1);
    expect(family?.status).toBe('in_force');
  });

  it('shows 已废止 and the successor on the law and article pages', async () => {
    const law = (await get(`/api/v1/laws/${enc(MARRIAGE_1)}`)).json();
    expect(law.law).toMatchObject({
      status: 'repealed',
      statusName: '已废止',
      replacedBy: { lawKey: FAMILY_1, permalink: `/laws/${enc(FAMILY_1)}` },
    });
    expect(law.law.statusNote).toContain('法释〔2020〕16号');
    const art = (await get(`/api/v1/laws/${enc(MARRIAGE_1)}/articles/29`)).json();
    expect(art.law.replacedBy.lawKey).toBe(FAMILY_1);
    const tw = (await get(`/api/v1/laws/${enc(MARRIAGE_1)}?locale=zh-TW`)).json();
    expect(tw.law.statusName).toBe('已廢止');
    expect(tw.law.replacedBy.name).toContain('婚姻家庭編');
    const current = (await get(`/api/v1/laws/${enc(FAMILY_1)}`)).json();
    expect(current.law.replacedBy).toBeNull();
  });

  it('re-applies the list to a database imported before it, on start, and bumps the corpus version', async () => {
    // A database from before the list named these interpretations.
    await t.ctx.db
      .updateTable('laws')
      .set({ status: 'in_force', status_note: null, replaced_by: null })
      .where('law_key', 'like', '%婚姻法若干问题%')
      .execute();
    await bumpVersion(t.ctx.db, t.ctx.now().toISOString());
    const before = await corpusVersion(t.ctx.db);
    const logged: string[] = [];
    const log = { info: (m: string) => logged.push(m), warn: () => {}, error: () => {} };
    expect(await autoloadCorpus(t.ctx, log)).toEqual({ kind: 'loaded' });
    expect(logged.join('\n')).toContain('更新 3 个法律版本');
    expect((await listVersions(t.ctx.db, MARRIAGE_1))[0]?.status).toBe('repealed');
    expect(await corpusVersion(t.ctx.db)).not.toBe(before);
    // Nothing left to change: the second start writes nothing.
    const after = await corpusVersion(t.ctx.db);
    logged.length = 0;
    await autoloadCorpus(t.ctx, log);
    expect(logged).toEqual([]);
    expect(await corpusVersion(t.ctx.db)).toBe(after);
  });
});

describe('answers never cite a repealed interpretation as current', () => {
  it('婚姻法32条 cites no repealed text', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/qa/ask',
      payload: { question: '婚姻法32条' },
    });
    expect(res.statusCode).toBe(200);
    const a = res.json().answer as { citations: { law: string; status: string }[] };
    expect(a.citations.length).toBeGreaterThan(0);
    for (const c of a.citations) {
      // The interpretations of the old 婚姻法, repealed on 2021-01-01.
      expect(c.law).not.toContain('婚姻法若干问题');
      expect(c.status).toBe('in_force');
    }
  });

  it('search leaves repealed versions out unless asked for older versions', async () => {
    const res = await get(`/api/v1/search?q=${enc('感情确已破裂 离婚 调解无效')}`);
    expect(res.statusCode).toBe(200);
    const hits = res.json().items as { law: string; status: string }[];
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.status).toBe('in_force');
    const old = await get(
      `/api/v1/search?q=${enc('感情确已破裂 离婚 调解无效')}&includeSuperseded=1&k=30`,
    );
    const all = old.json().items as { law: string; status: string }[];
    expect(all.some((h) => h.law.includes('婚姻法若干问题') && h.status === 'repealed')).toBe(true);
  });
});
