/**
 * @module What a letter says about legal aid, from the facts entered (法律援助法): which 第三十一条 matter the
 * case is, that hardship is still a condition for it, that 进城务工人员 asking for 劳动报酬 or 工伤 damages are
 * only spared the means check (第四十二条第（三）项), and that the only exemptions from the hardship condition
 * are those of 第三十二条 (a 家庭暴力 victim among them). Rules are data: a scenario, a condition, a sentence
 * and the 项 it rests on, quoted in the letter.
 */
import type { ArticleKey } from './calculators/types.js';
import { holds } from './engine.js';
import type { Answers, Condition, Scenario } from './scenario-schema.js';

const AID = '法律援助法';

export interface AidRule {
  scenarios: string[];
  when?: Condition;
  text: string;
  articles: (ArticleKey & { why: string })[];
}

const art31 = (item: number, what: string) => ({
  law: AID,
  article: 31,
  item,
  why: `${what}属于可以申请法律援助的事项，须符合经济困难条件。`,
});
const ART32 = {
  law: AID,
  article: 32,
  why: '不受经济困难条件限制的情形仅限本条所列。',
};
const ART42 = {
  law: AID,
  article: 42,
  item: 3,
  why: '进城务工人员申请支付劳动报酬或者请求工伤事故人身损害赔偿的，免予核查经济困难状况。',
};
const ONLY_32 =
  '不受经济困难条件限制的，只有法律援助法第三十二条规定的情形（如遭受虐待、遗弃或者家庭暴力的受害人主张相关权益、因见义勇为行为主张相关民事权益）。';
const violence: Condition = { q: 'fault', eq: 'violence' };
const pay: Condition = { q: 'disputeType', in: ['wages', 'overtime'] };

/** In order: the first sentence that applies names the matter, the later ones add the exemptions. */
export const AID_RULES: AidRule[] = [
  {
    scenarios: ['labour'],
    when: pay,
    text: '请求支付劳动报酬，因经济困难没有委托代理人的，可以申请法律援助（法律援助法第三十一条第（五）项）。',
    articles: [art31(5, '请求支付劳动报酬')],
  },
  {
    scenarios: ['labour'],
    when: { not: pay },
    text: '劳动争议中请求确认劳动关系或者支付劳动报酬的，因经济困难没有委托代理人，可以申请法律援助（法律援助法第三十一条第（五）项）；其他请求是否给予法律援助，以法律援助机构审查为准。',
    articles: [art31(5, '请求确认劳动关系或者支付劳动报酬')],
  },
  {
    scenarios: ['work-injury', 'traffic'],
    text: '请求工伤、交通事故人身损害赔偿，因经济困难没有委托代理人的，可以申请法律援助（法律援助法第三十一条第（七）项）。',
    articles: [art31(7, '工伤、交通事故人身损害赔偿')],
  },
  {
    scenarios: ['divorce'],
    when: { q: 'hasChildren', eq: true },
    text: '请求给付抚养费、扶养费，因经济困难没有委托代理人的，可以申请法律援助（法律援助法第三十一条第（四）项）。',
    articles: [art31(4, '请求给付抚养费、扶养费')],
  },
  {
    scenarios: ['divorce'],
    when: violence,
    text: '遭受家庭暴力、虐待或者遗弃的受害人主张相关权益，申请法律援助不受经济困难条件的限制（法律援助法第三十二条第（四）项）。',
    articles: [ART32],
  },
  {
    scenarios: ['loan'],
    text: '民间借贷纠纷不在法律援助法第三十一条列举的事项之内，是否属于当地法规、规章规定的援助事项，可拨打 12348 咨询。',
    articles: [],
  },
  {
    scenarios: ['labour'],
    when: pay,
    text: '进城务工人员申请支付劳动报酬的，有材料证明身份即免予核查经济困难状况（法律援助法第四十二条第（三）项），但仍须符合法律援助条件。',
    articles: [ART42],
  },
  {
    scenarios: ['work-injury'],
    text: '进城务工人员请求工伤事故人身损害赔偿的，有材料证明身份即免予核查经济困难状况（法律援助法第四十二条第（三）项），但仍须符合法律援助条件。',
    articles: [ART42],
  },
  {
    scenarios: ['labour', 'work-injury', 'traffic', 'loan'],
    text: ONLY_32,
    articles: [ART32],
  },
  { scenarios: ['divorce'], when: { not: violence }, text: ONLY_32, articles: [ART32] },
];

export interface AidAdvice {
  text: string;
  articles: (ArticleKey & { why: string })[];
}

/** The legal-aid paragraph of a letter and the articles it cites, for the answers on the path taken. */
export function legalAidAdvice(s: Scenario, a: Answers): AidAdvice {
  const rules = AID_RULES.filter(
    (r) => r.scenarios.includes(s.id) && (!r.when || holds(r.when, a)),
  );
  return {
    text: `${rules.map((r) => r.text).join('')}可先在线预审是否符合法律援助条件。`,
    articles: rules.flatMap((r) => r.articles),
  };
}

/** Every article the rules of a scenario may cite (the startup check looks them up). */
export function legalAidArticleKeys(scenarioId: string): ArticleKey[] {
  return AID_RULES.filter((r) => r.scenarios.includes(scenarioId)).flatMap((r) => r.articles);
}
