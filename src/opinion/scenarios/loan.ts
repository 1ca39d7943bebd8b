/** @module 民间借贷 scenario: recovering a private loan and what interest the court supports. */
import type { z } from 'zod';
import type { ScenarioSchema } from '../scenario-schema.js';

const MJJD = '最高人民法院关于审理民间借贷案件适用法律若干问题的规定';
const interest = { q: 'interestAgreed', eq: true };

export const loanScenario: z.input<typeof ScenarioSchema> = {
  id: 'loan',
  title: '民间借贷',
  category: '民间借贷',
  summary: '借钱给别人不还、约定的利息是否受法律保护',
  questions: [
    { id: 'principal', text: '您实际借出的本金是多少？', type: 'money', min: 1, max: 100_000_000 },
    {
      id: 'lentDate',
      text: '借款是哪一天交付（转账或给付现金）的？',
      type: 'date',
      notFuture: true,
    },
    {
      id: 'interestAgreed',
      text: '双方是否书面约定了利息？',
      type: 'yesno',
      next: [{ when: { q: 'interestAgreed', eq: false }, goto: 'dueDate' }],
    },
    {
      id: 'agreedRate',
      text: '约定的年利率是多少（%）？（月利率 2 分即年利率 24%）',
      type: 'number',
      min: 0,
      max: 1000,
      unit: '%',
    },
    { id: 'dueDate', text: '约定的还款日期是哪一天？（没有约定请填写您催讨的日期）', type: 'date' },
    { id: 'hasIou', text: '您是否有借条、欠条或转账记录等凭证？', type: 'yesno' },
  ],
  articles: [
    { law: '民法典', article: 667, why: '借款合同的含义。' },
    { law: '民法典', article: 679, why: '自然人之间的借款合同自提供借款时成立。' },
    { law: '民法典', article: 675, why: '借款人应当按照约定期限返还借款。' },
    { law: '民法典', article: 680, why: '禁止高利放贷；没有约定利息的视为没有利息。' },
    { law: MJJD, article: 2, why: '起诉时应当提供借据、收据、欠条等债权凭证。' },
    {
      law: MJJD,
      article: 25,
      when: interest,
      why: '约定利率超过合同成立时一年期 LPR 四倍的部分不受支持。',
    },
    { law: '民法典', article: 188, why: '诉讼时效期间为三年。' },
  ],
  calculations: [
    {
      calculator: 'loanInterest',
      inputs: {
        principal: { q: 'principal' },
        agreedRate: { q: 'agreedRate', default: 0 },
        contractDate: { q: 'lentDate' },
        interestFrom: { q: 'lentDate' },
        interestTo: { today: true },
      },
    },
    {
      calculator: 'courtFee',
      inputs: { kind: { value: 'property' }, amount: { total: 'loanInterest' } },
    },
  ],
  issues: [
    { text: '借贷关系是否成立、本金 {{principal}} 能否全部收回。' },
    { when: interest, text: '约定年利率 {{agreedRate}} 是否超过法定上限。' },
    { when: { not: interest }, text: '没有约定利息的，借期内不能主张利息，逾期后可主张逾期利息。' },
  ],
  analysis: [
    { text: '您于 {{lentDate}} 出借本金 {{principal}}，约定还款日 {{dueDate}}。' },
    {
      when: interest,
      text: '利息以合同成立时一年期贷款市场报价利率（LPR）的四倍为上限，超出部分法院不予支持（计算见下方，计至今日）。',
    },
    {
      when: { q: 'hasIou', eq: false },
      text: '没有借条的，请尽快整理转账记录、聊天记录、录音、证人等证明借款事实的证据，或让对方补写借条。',
    },
  ],
  steps: [
    { text: '先书面催告对方还款（短信、微信、律师函均可，保留记录，催告可中断诉讼时效）。' },
    {
      text: '协商不成的，向被告住所地或合同履行地人民法院起诉。',
      deadline: {
        from: 'dueDate',
        years: 3,
        label: '诉讼时效参考届满日（自还款期限届满之日起三年）',
      },
    },
  ],
};
