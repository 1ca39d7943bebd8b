/** @module Reading API over real statute files: browse, levels, law, article permalinks, versions, 繁体. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { CIVIL_CODE_FILES, importLawFixture } from '../test/laws-fixture.js';

let t: TestApp;
const get = (url: string) => t.request({ method: 'GET', url });
const enc = encodeURIComponent;

beforeAll(async () => {
  t = await createTestApp();
  await importLawFixture(t.ctx, [
    '社会法/劳动合同法(2012-12-28).md',
    '民法商法/公司法(2018-10-26).md',
    '民法商法/公司法(2023-12-29).md',
    '刑法/刑法.md',
    '行政法规/信访条例(2005-01-10).md',
    ...CIVIL_CODE_FILES,
  ]);
});
afterAll(() => t.close());

describe('GET /api/v1/laws', () => {
  it('browses by level and searches titles', async () => {
    const all = (await get('/api/v1/laws')).json();
    expect(all.total).toBe(5); // 公司法 counts once (current version)
    const byTitle = (await get(`/api/v1/laws?q=${enc('劳动')}`)).json();
    expect(byTitle.items.map((i: { lawKey: string }) => i.lawKey)).toEqual(['劳动合同法']);
    expect(byTitle.items[0].permalink).toBe(`/laws/${enc('劳动合同法')}`);
    const tw = (await get(`/api/v1/laws?q=${enc('勞動')}&locale=zh-TW`)).json();
    expect(tw.items.map((i: { title: string }) => i.title)).toEqual(['中華人民共和國勞動合同法']);
    const xz = (await get(`/api/v1/laws?level=${enc('行政法规')}`)).json();
    expect(xz.items[0]).toMatchObject({
      lawKey: '信访条例',
      status: 'repealed',
      statusName: '已废止',
    });
    // 民法典 first, in-force laws by level, the repealed 信访条例 last.
    expect(all.items.map((i: { lawKey: string }) => i.lawKey)).toEqual([
      '民法典',
      '刑法',
      '公司法',
      '劳动合同法',
      '信访条例',
    ]);
    const levels = (await get('/api/v1/laws/levels')).json();
    expect(levels.levels[0]).toMatchObject({ level: '法律', count: 4 });
    expect(levels.levels[0].categories).toContainEqual({ category: '民法典', count: 1 });
  });

  it('rejects unknown query fields', async () => {
    const r = await get('/api/v1/laws?foo=1');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('validation_failed');
  });
});

describe('GET /api/v1/laws/:law', () => {
  it('returns the current version with versions and a table of contents', async () => {
    const r = (await get(`/api/v1/laws/${enc('中华人民共和国公司法')}`)).json();
    expect(r.law).toMatchObject({
      lawKey: '公司法',
      versionDate: '2023-12-29',
      status: 'in_force',
    });
    expect(r.current).toBeNull();
    expect(r.versions.map((v: { versionDate: string }) => v.versionDate)).toEqual([
      '2023-12-29',
      '2018-10-26',
    ]);
    expect(r.toc[0].heading).toBe('第一章 总则');
    expect(r.toc[0].articles[0]).toEqual({
      num: 1,
      sub: 0,
      label: '第一条',
      permalink: `/laws/${enc('公司法')}/${enc('第一条')}`,
    });
  });

  it('shows an old version as superseded and links the current one; full=1 has texts', async () => {
    const r = (await get(`/api/v1/laws/${enc('公司法')}?version=2018-10-26&full=1`)).json();
    expect(r.law).toMatchObject({ status: 'superseded', statusName: '已被修订', isCurrent: false });
    expect(r.current.versionDate).toBe('2023-12-29');
    expect(r.toc[0].articles[0].text).toContain('为了规范公司的组织和行为');
    expect(r.toc[0].articles[0].permalink).toBe(
      `/laws/${enc('公司法')}/${enc('第一条')}?version=2018-10-26`,
    );
    const missing = await get(`/api/v1/laws/${enc('公司法')}?version=2000-01-01`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('law_version_not_found');
    expect((await get(`/api/v1/laws/${enc('不存在法')}`)).json().error.code).toBe('law_not_found');
  });
});

describe('GET /api/v1/laws/:law/articles/:article', () => {
  it('opens an article by number, label or 之一 form', async () => {
    const byNum = (await get(`/api/v1/laws/${enc('劳动合同法')}/articles/47`)).json();
    expect(byNum.article.label).toBe('第四十七条');
    expect(byNum.article.text).toMatch(/^经济补偿按劳动者在本单位工作的年限/);
    expect(byNum.article.permalink).toBe(`/laws/${enc('劳动合同法')}/${enc('第四十七条')}`);
    expect(byNum.prev.label).toBe('第四十六条');
    expect(byNum.next.label).toBe('第四十八条');
    const byLabel = (
      await get(`/api/v1/laws/${enc('劳动合同法')}/articles/${enc('第四十七条')}`)
    ).json();
    expect(byLabel.article.id).toBe(byNum.article.id);
    // A 繁体 permalink as a 繁体 reader shares it: 條 and a 繁体 law name.
    const tw = await get(
      `/api/v1/laws/${enc('民法典')}/articles/${enc('第一千零七十九條')}?locale=zh-TW`,
    );
    expect(tw.statusCode, tw.body).toBe(200);
    expect(tw.json().article.num).toBe(1079);
    expect(tw.json().article.text).toContain('不准離婚');
    const twLaw = await get(`/api/v1/laws/${enc('勞動合同法')}/articles/${enc('第四十七條')}`);
    expect(twLaw.json().article.id).toBe(byNum.article.id);
    const sub = (await get(`/api/v1/laws/${enc('刑法')}/articles/120-1`)).json();
    expect(sub.article.label).toBe('第一百二十条之一');
    const civil = (await get(`/api/v1/laws/${enc('民法典')}/articles/1260`)).json();
    expect(civil.article.heading).toBe('附则');
    expect(civil.prev.label).toBe('第一千二百五十九条');
    expect(civil.next).toBeNull();
  });

  it('marks an article of a superseded version and links the current one', async () => {
    const r = (await get(`/api/v1/laws/${enc('公司法')}/articles/1?version=2018-10-26`)).json();
    expect(r.law.status).toBe('superseded');
    expect(r.current.articlePermalink).toBe(`/laws/${enc('公司法')}/${enc('第一条')}`);
    expect(r.versions.map((v: { hasArticle: boolean }) => v.hasArticle)).toEqual([true, true]);
    // 公司法 2023 has 266 articles; 2018 had 218.
    const only2023 = (await get(`/api/v1/laws/${enc('公司法')}/articles/266`)).json();
    expect(only2023.versions.map((v: { hasArticle: boolean }) => v.hasArticle)).toEqual([
      true,
      false,
    ]);
  });

  it('answers bad references with stable codes', async () => {
    const bad = await get(`/api/v1/laws/${enc('劳动合同法')}/articles/abc`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_article');
    const none = await get(`/api/v1/laws/${enc('劳动合同法')}/articles/999`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('article_not_found');
  });

  it('renders 繁体 when asked', async () => {
    const r = (await get(`/api/v1/laws/${enc('劳动合同法')}/articles/47?locale=zh-TW`)).json();
    expect(r.article.label).toBe('第四十七條');
    expect(r.article.text).toMatch(/^經濟補償按勞動者在本單位工作的年限/);
    expect(r.law.title).toBe('中華人民共和國勞動合同法');
    // The permalink stays in 简体: it is a key, not text.
    expect(r.article.permalink).toBe(`/laws/${enc('劳动合同法')}/${enc('第四十七条')}`);
  });
});
