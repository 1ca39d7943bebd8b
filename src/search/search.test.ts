import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIVIL_CODE_FILES, importLawFixture } from '../test/laws-fixture.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { getSearchEngine } from './engine.js';

interface Item {
  law: string;
  lawTitle: string;
  article: number;
  articleLabel: string;
  version: string | null;
  status: string;
  score: number;
  snippet: string;
}

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await importLawFixture(t.ctx, [
    '社会法/劳动合同法(2012-12-28).md',
    '社会法/劳动法(2018-12-29).md',
    '民法商法/消费者权益保护法(2013-10-25).md',
    '民法商法/公司法(2018-10-26).md',
    '民法商法/公司法(2023-12-29).md',
    ...CIVIL_CODE_FILES,
  ]);
}, 120_000);
afterAll(() => t.close());

const search = async (q: string, extra = '') => {
  const res = await t.request({
    method: 'GET',
    url: `/api/v1/search?q=${encodeURIComponent(q)}${extra}`,
  });
  return { status: res.statusCode, body: res.json<{ items: Item[]; topic: string }>() };
};

describe('GET /api/v1/search on real statutes', () => {
  it('finds 劳动合同法第四十七条 for a lay question about 经济补偿', async () => {
    const { status, body } = await search('公司把我辞退了，工作了五年，能拿多少经济补偿？');
    expect(status).toBe(200);
    const top = body.items.slice(0, 5).map((i) => `${i.law}${i.articleLabel}`);
    expect(top).toContain('劳动合同法第四十七条');
    expect(body.topic).toBe('劳动争议');
    const hit = body.items.find((i) => i.law === '劳动合同法' && i.article === 47)!;
    expect(hit.lawTitle).toBe('中华人民共和国劳动合同法');
    expect(hit.snippet).toContain('经济补偿');
    expect(hit.status).toBe('in_force');
  });

  it('answers a direct reference first, Arabic or Chinese numerals', async () => {
    const a = await search('劳动合同法第47条');
    expect(a.body.items[0]).toMatchObject({
      law: '劳动合同法',
      article: 47,
      articleLabel: '第四十七条',
    });
    const b = await search('民法典第一千零七十九条是什么意思');
    expect(b.body.items[0]).toMatchObject({ law: '民法典', article: 1079 });
    const c = await search('婚姻法32条');
    expect(c.body.items[0]).toMatchObject({ law: '民法典', article: 1079 });
  });

  it('searches the version in force unless superseded versions are asked for', async () => {
    const current = await search('公司法 股东 出资', '&k=50');
    const companies = current.body.items.filter((i) => i.law === '公司法');
    expect(companies.length).toBeGreaterThan(0);
    expect(companies.every((i) => i.version === '2023-12-29')).toBe(true);
    const all = await search('公司法 股东 出资', '&k=100&includeSuperseded=1');
    expect(all.body.items.some((i) => i.law === '公司法' && i.version === '2018-10-26')).toBe(true);
  });

  it('accepts 繁体 questions', async () => {
    const { body } = await search('公司把我辭退了，能拿多少經濟補償？');
    expect(body.items.slice(0, 5).some((i) => i.law === '劳动合同法' && i.article === 47)).toBe(
      true,
    );
  });

  it('rejects bad input with stable codes and Chinese messages', async () => {
    for (const extra of ['', '&k=0', '&k=101', '&k=abc', '&foo=1']) {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/search?q=${extra ? '工资' : ''}${extra}`,
      });
      expect(res.statusCode).toBe(400);
      const err = res.json<{ error: { code: string; message: string } }>().error;
      expect(err.code).toBe('validation_failed');
      expect(err.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const long = await search('法'.repeat(501));
    expect(long.status).toBe(400);
  });

  it('answers a repeated question from its result cache, with copies callers may change', async () => {
    const engine = await getSearchEngine(t.ctx);
    const first = await engine.search('用人单位未及时足额支付劳动报酬', { k: 5 });
    const hitsBefore = engine.cache.hits;
    first[0]!.text = '（被调用方改写）';
    const again = await engine.search('用人单位未及时足额支付劳动报酬', { k: 5 });
    expect(engine.cache.hits).toBe(hitsBefore + 1);
    expect(again.map((h) => h.articleId)).toEqual(first.map((h) => h.articleId));
    expect(again[0]!.text).not.toBe('（被调用方改写）');
    // another k is another search
    await engine.search('用人单位未及时足额支付劳动报酬', { k: 6 });
    expect(engine.cache.hits).toBe(hitsBefore + 1);
  });

  it('rebuilds its index after an import (laws:imported)', async () => {
    const engine = await getSearchEngine(t.ctx);
    const before = await engine.search('道路交通安全法第七十六条', { k: 10 });
    expect(before.some((h) => h.law === '道路交通安全法')).toBe(false);
    await importLawFixture(t.ctx, ['行政法/道路交通安全法(2021-04-29).md']);
    t.ctx.bus.emit('laws:imported', {});
    const after = await engine.search('道路交通安全法第七十六条', { k: 10 });
    expect(after[0]).toMatchObject({ law: '道路交通安全法', article: 76, direct: true });
    const lay = await engine.search('机动车发生交通事故造成人身伤亡', { k: 50 });
    expect(lay.some((h) => h.law === '道路交通安全法')).toBe(true);
    expect(engine.references('道交法第七十六条')).toEqual([
      { law: '道路交通安全法', article: 76, articleSub: 0 },
    ]);
    expect(engine.classify('骑电动车被撞了').topic).toBe('交通事故');
  }, 60_000);
});
