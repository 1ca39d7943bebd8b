/**
 * Answers built on an issue of the knowledge base, as a lawyer gives them (the questions the issue
 * names): the explanation first, the key articles with the 款 that answers, the calculator pre-filled
 * from the question, the legal-aid notice when the matter qualifies, one clarifying question, and a
 * conversation that follows the citizen from one matter to the next.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importKbLaws } from '../test/kb.js';
import { getArticle, parseArticleRef } from '../laws/repository.js';
import { createTestApp, type TestApp } from '../test/app.js';
import type { Answer } from './answer.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await importKbLaws(t.ctx);
}, 120_000);
afterAll(() => t.close());

interface Asked {
  conversationId: string;
  answer: Answer;
}

async function ask(question: string, extra: Record<string, unknown> = {}): Promise<Asked> {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/qa/ask',
    payload: { question, ...extra },
  });
  expect(res.statusCode).toBe(200);
  return res.json<Asked>();
}

const cited = (a: Answer) => a.citations.map((c) => `${c.law}${c.article}`);

describe('answers built on an issue', () => {
  it('answers a dismissal like a lawyer: N months, 2N when unlawful, the calculator, one question back', async () => {
    const { answer: a } = await ask('被公司辞退了怎么赔偿');
    expect(a.certainty).toBe('issue');
    expect(a.issue?.id).toBe('labour-dismissal-compensation');
    expect(a.conclusion).toContain('每满一年给一个月工资');
    expect(a.conclusion).toContain('二倍');
    expect(cited(a)).toEqual(expect.arrayContaining(['劳动合同法47', '劳动合同法87']));
    const art47 = a.citations.find((c) => c.article === 47)!;
    expect(art47.paragraphs).toEqual([1]);
    expect(art47.excerpt?.startsWith('第一款：经济补偿按劳动者在本单位工作的年限')).toBe(true);
    expect(a.tool).toEqual({
      label: '算一算经济补偿',
      url: '/opinion/labour?disputeType=dismissal',
    });
    expect(a.clarify?.question).toBe('您是否还在试用期内？');
    expect(a.uncertainNote).toBeUndefined();
    for (const c of a.citations) {
      const stored = await getArticle(t.ctx.db, c.law, parseArticleRef(c.articleLabel)!.num, 0);
      expect(stored?.text).toBe(c.text);
      expect(c.url).toBe(
        `/laws/${encodeURIComponent(c.law)}/${encodeURIComponent(c.articleLabel)}`,
      );
    }
  });

  it('answers the clarifying option the citizen taps, and does not ask again', async () => {
    const first = await ask('被公司辞退了怎么赔偿');
    const option = first.answer.clarify!.options.find((o) => o.label === '还在试用期')!;
    const next = await ask(option.label, {
      conversationId: first.conversationId,
      choice: option.issue,
    });
    expect(next.answer.issue?.id).toBe('labour-probation-dismissal');
    expect(next.answer.clarify).toBeUndefined();
    expect(cited(next.answer)).toContain('劳动合同法21');
  });

  it('cites the neighbour and tort articles for a wall cracked by the neighbour’s renovation', async () => {
    const { answer: a } = await ask('邻居装修把我家墙弄裂了');
    expect(cited(a)).toEqual(expect.arrayContaining(['民法典295', '民法典1165']));
    expect(a.topic).toBe('侵权');
  });

  it('tells a domestic-violence victim about protection and legal aid without a means test, and nothing of loans', async () => {
    const { answer: a } = await ask('老公家暴怎么办');
    expect(a.citations.some((c) => c.law === '反家庭暴力法')).toBe(true);
    expect(a.citations.some((c) => c.law.includes('民间借贷') || c.law === '商标法')).toBe(false);
    expect(a.legalAid?.hardshipRequired).toBe(false);
    expect(a.legalAid?.grounds).toEqual(['遭受虐待、遗弃或者家庭暴力的受害人主张相关权益']);
  });

  it('offers legal aid to someone who cannot afford a lawyer, citing 法律援助法 第31、32条', async () => {
    const poor = (await ask('我没钱请律师怎么办')).answer;
    expect(poor.legalAid?.url).toBe('/aid/precheck');
    expect(poor.citations.every((c) => c.law === '法律援助法' || c.law === '刑事诉讼法')).toBe(
      true,
    );
    const when = (await ask('什么情况可以申请法律援助？')).answer;
    expect(cited(when)).toEqual(expect.arrayContaining(['法律援助法31', '法律援助法32']));
    expect(when.legalAid).toBeDefined();
  });

  it('pre-fills the calculator from what the question states', async () => {
    const { answer: a } = await ask('借给朋友五万块钱不还怎么起诉');
    expect(a.topic).toBe('民间借贷');
    expect(a.tool?.url).toContain('principal=50000');
    expect(a.citations.some((c) => c.law === '民法典' && c.article === 1107)).toBe(false);
  });

  it('answers a follow-up on a new matter on its own, not with the first matter’s articles', async () => {
    const first = await ask('工伤认定需要什么材料');
    expect(first.answer.citations.some((c) => c.law === '工伤保险条例')).toBe(true);
    const next = await ask('借钱不还可以起诉吗', { conversationId: first.conversationId });
    expect(next.answer.topic).toBe('民间借贷');
    expect(next.answer.citations.some((c) => c.law === '工伤保险条例')).toBe(false);
  });

  it('keeps the matter for a follow-up that refines it', async () => {
    const first = await ask('公司拖欠工资三个月怎么办？');
    const next = await ask('那我可以去哪里投诉？', { conversationId: first.conversationId });
    expect(next.answer.topic).toBe('劳动争议');
  });

  it('answers a 繁体 question in 繁体, the clarifying question included', async () => {
    const { answer: a } = await ask('被公司辭退了怎麼賠償', { locale: 'zh-TW' });
    expect(a.issue?.id).toBe('labour-dismissal-compensation');
    expect(a.conclusion).toContain('經濟補償');
    expect(a.clarify?.question).toBe('您是否還在試用期內？');
    expect(a.citations[0]!.law).toBe('劳动合同法'); // keys stay simplified
  });
});
