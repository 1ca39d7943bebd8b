import { describe, expect, it } from 'vitest';
import { precheckStep, type PrecheckAnswers } from './precheck.js';

const line = (region: string) => (region === '江岸区' ? 1800 : null);
const run = (a: PrecheckAnswers) => precheckStep(a, line);
const result = (a: PrecheckAnswers) => {
  const r = run(a);
  if (!('result' in r)) throw new Error(`expected a result, got question ${r.question.id}`);
  return r.result;
};

describe('pre-check', () => {
  it('asks one question at a time, starting with the category', () => {
    expect(run({})).toMatchObject({ question: { id: 'category' } });
    expect(run({ category: 'civil' })).toMatchObject({ question: { id: 'matter' } });
    expect(run({ category: 'civil', matter: 'labour_pay' })).toMatchObject({
      question: { id: 'group' },
    });
    expect(run({ category: 'civil', matter: 'labour_pay', group: 'none' })).toMatchObject({
      question: { id: 'region' },
    });
  });
  it('Art. 32 matters need no means test', () => {
    expect(result({ category: 'civil', matter: 'domestic_violence' })).toMatchObject({
      verdict: 'likely_eligible',
      article: '法律援助法第三十二条第四项',
      hardshipBasis: 'none',
    });
  });
  it('Art. 25 criminal defendants are notified without a means test', () => {
    expect(result({ category: 'criminal_defence', special: 'minor' })).toMatchObject({
      verdict: 'likely_eligible',
      article: '法律援助法第二十五条',
    });
  });
  it('migrant workers claiming pay are exempt from checks (Art. 42), but not for other matters', () => {
    expect(
      result({ category: 'civil', matter: 'labour_pay', group: 'migrant_worker' }),
    ).toMatchObject({
      verdict: 'likely_eligible',
      article: '法律援助法第四十二条',
      hardshipBasis: 'exempt',
    });
    expect(
      run({ category: 'civil', matter: 'maintenance', group: 'migrant_worker' }),
    ).toMatchObject({ question: { id: 'region' } });
  });
  it('compares income per person with the region line', () => {
    const base = {
      category: 'civil',
      matter: 'maintenance',
      group: 'none',
      region: '江岸区',
      householdSize: 3,
    };
    expect(result({ ...base, monthlyIncome: 5000 })).toMatchObject({
      verdict: 'likely_eligible',
      article: '法律援助法第三十一条第四项、第三十四条',
    });
    expect(result({ ...base, monthlyIncome: 6000 })).toMatchObject({ verdict: 'needs_review' });
    expect(result({ ...base, monthlyIncome: 9000 })).toMatchObject({
      verdict: 'not_eligible',
      article: '法律援助法第三十四条',
    });
    expect(result({ ...base, region: '汉南区', monthlyIncome: 1 })).toMatchObject({
      verdict: 'needs_review',
    });
  });
  it('criminal victims are means-tested under Art. 29 and lists materials', () => {
    const r = result({
      category: 'criminal_victim',
      group: 'none',
      region: '江岸区',
      householdSize: 1,
      monthlyIncome: 1000,
    });
    expect(r.article).toContain('第二十九条');
    expect(r.materials.join()).toContain('承诺书');
  });
});
