import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { importLawFixture } from '../test/laws-fixture.js';
import {
  allowedKey,
  checkText,
  MISQUOTE_MARK,
  quoteMatches,
  REMOVED_MARK,
  SentenceBuffer,
  type CheckerOptions,
} from './citation-check.js';
import { findCitations } from './citations.js';
import { corpusLookup } from './corpus.js';

let t: TestApp;
let options: CheckerOptions;
beforeAll(async () => {
  t = await createTestApp();
  await importLawFixture(t.ctx, [
    '行政法/法律援助法(2021-08-20).md',
    '社会法/劳动合同法(2012-12-28).md',
  ]);
  const lookup = corpusLookup(t.ctx);
  options = {
    lookup,
    lawNames: await lookup.lawNames(),
    allowed: new Set([allowedKey('法律援助法', 42, 0), allowedKey('劳动合同法', 47, 0)]),
    defaultLaw: '法律援助法',
  };
});
afterAll(() => t.close());

describe('reading citations as models write them', () => {
  it('reads every numeral form, 條, 之一, 款 and 项', () => {
    const text =
      '《劳动合同法》第四七条；劳动合同法47条；《劳动合同法》第 四十七 条；《劳动合同法》第４７條；' +
      '《劳动合同法》第4十7条第二款；《法律援助法》第四十二条第（三）项；本法第三十二条（二）；' +
      '《刑法》第一百二十条之十。';
    const c = findCitations(text, ['劳动合同法', '法律援助法']);
    expect(c.map((x) => [x.lawName, x.article, x.articleSub, x.paragraph, x.item])).toEqual([
      ['劳动合同法', 47, 0, null, null],
      ['劳动合同法', 47, 0, null, null],
      ['劳动合同法', 47, 0, null, null],
      ['劳动合同法', 47, 0, null, null],
      ['劳动合同法', 47, 0, 2, null],
      ['法律援助法', 42, 0, null, 3],
      ['法律援助法', 32, 0, null, 2],
      ['刑法', 120, 10, null, null],
    ]);
  });

  it('leaves a count of articles alone, and marks 第零条 and garbled numbers unreadable', () => {
    expect(findCitations('以下3条规定都适用。')).toEqual([]);
    const c = findCitations('《劳动合同法》第零条和《劳动合同法》第四七十条');
    expect(c.map((x) => x.article)).toEqual([null, null]);
  });
});

describe('checking a text against the corpus and the articles given', () => {
  it('keeps a backed citation in the statute form and cuts every other kind', async () => {
    const r = await checkText(
      '依照《法律援助法》第四二条第（三）项，农民工讨薪不需要经济困难证明。' +
        '《法律援助法》第四十二条第（九）项另有规定。《法律援助法》第四十二条第五款也是。' +
        '《法律援助法》第三十二条也写明了。',
      options,
    );
    expect(r.citations.map((c) => `${c.law}${c.articleLabel}`)).toEqual(['法律援助法第四十二条']);
    expect(r.text.startsWith('依照《法律援助法》第四十二条第（三）项，')).toBe(true);
    expect(r.removed.map((x) => x.reason)).toEqual([
      'item_not_found',
      'paragraph_not_found',
      'outside_context',
    ]);
    expect(r.text.split(REMOVED_MARK)).toHaveLength(4);
  });

  it('keeps a true quotation (ellipses allowed) and cuts a made-up one', async () => {
    const r = await checkText(
      '《劳动合同法》第四十七条规定：“经济补偿按劳动者在本单位工作的年限……支付”。' +
        '《劳动合同法》第四十七条规定：“用人单位可以不支付任何经济补偿”。',
      options,
    );
    expect(r.text).toContain('“经济补偿按劳动者在本单位工作的年限……支付”');
    expect(r.text).toContain(`《劳动合同法》第四十七条规定：${MISQUOTE_MARK}`);
    expect(r.removed).toEqual([{ text: '“用人单位可以不支付任何经济补偿”', reason: 'misquoted' }]);
  });

  it('cuts a quotation attributed to an article that is not backed', async () => {
    const r = await checkText('《劳动合同法》第八十五条规定：“加班费按三倍支付”。', options);
    expect(r.removed.map((x) => x.reason)).toEqual(['outside_context', 'misquoted']);
    expect(r.text).not.toContain('三倍');
  });

  it('compares quotations with the article word for word, allowing a character of slack', () => {
    const article = '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。';
    expect(quoteMatches('用人单位应当按照劳动合同约定和国家规定', article)).toBe(true);
    expect(
      quoteMatches('用人单位应按照劳动合同约定和国家规定，向劳动者及时足额支付', article),
    ).toBe(true);
    expect(quoteMatches('用人单位可以延期三个月支付劳动报酬', article)).toBe(false);
  });
});

describe('cutting a stream into sentences', () => {
  it('never splits a citation across pieces and keeps quotations whole', () => {
    const b = new SentenceBuffer();
    expect(b.push('根据《劳动合同法》第四')).toEqual([]);
    expect(b.push('十七条，应当支付。规定：“第一句。第二')).toEqual([
      '根据《劳动合同法》第四十七条，应当支付。',
    ]);
    expect(b.push('句。”完了！尾巴')).toEqual(['规定：“第一句。第二句。”完了！']);
    expect(b.flush()).toBe('尾巴');
  });

  it('lets a sentence go at a comma once it runs long', () => {
    const b = new SentenceBuffer();
    const long = '很长'.repeat(160);
    expect(b.push(`${long}，后面`)).toEqual([`${long}，`]);
    expect(b.flush()).toBe('后面');
  });
});
