/**
 * @module Anonymous eligibility pre-check (pure): one question at a time over the answers so far, ending in
 * likely_eligible / not_eligible / needs_review with the deciding article and the materials to bring.
 */
import { WUHAN_DISTRICTS } from '../db/seed-agencies.js';

export interface Option {
  value: string;
  label: string;
}
export interface Question {
  id: keyof PrecheckAnswers;
  text: string;
  kind: 'choice' | 'number';
  options?: Option[];
  hint?: string;
}

export interface PrecheckAnswers {
  category?: string;
  matter?: string;
  special?: string;
  group?: string;
  region?: string;
  householdSize?: number;
  monthlyIncome?: number;
}

export type Verdict = 'likely_eligible' | 'not_eligible' | 'needs_review';
export interface PrecheckResult {
  verdict: Verdict;
  article: string;
  explanation: string;
  materials: string[];
  hardshipBasis: 'exempt' | 'commitment_or_proof' | 'none';
}

/** Art. 31 items, Art. 32 (no means test) items, with the matter keys the application form reuses. */
export const MATTERS: (Option & { article: string; noMeansTest?: boolean; labour?: boolean })[] = [
  { value: 'state_compensation', label: '请求国家赔偿', article: '第三十一条第一项' },
  {
    value: 'social_insurance',
    label: '请求给予社会保险待遇或者社会救助',
    article: '第三十一条第二项',
  },
  { value: 'pension', label: '请求发给抚恤金', article: '第三十一条第三项' },
  { value: 'maintenance', label: '请求给付赡养费、抚养费、扶养费', article: '第三十一条第四项' },
  {
    value: 'labour_pay',
    label: '请求确认劳动关系或者支付劳动报酬',
    article: '第三十一条第五项',
    labour: true,
  },
  {
    value: 'capacity',
    label: '请求认定公民无民事行为能力或者限制民事行为能力',
    article: '第三十一条第六项',
  },
  {
    value: 'injury',
    label: '工伤、交通事故、食品药品安全事故、医疗事故人身损害赔偿',
    article: '第三十一条第七项',
    labour: true,
  },
  { value: 'environment', label: '环境污染、生态破坏损害赔偿', article: '第三十一条第八项' },
  {
    value: 'hero',
    label: '英雄烈士近亲属维护英雄烈士的人格权益',
    article: '第三十二条第一项',
    noMeansTest: true,
  },
  {
    value: 'good_samaritan',
    label: '因见义勇为行为主张相关民事权益',
    article: '第三十二条第二项',
    noMeansTest: true,
  },
  {
    value: 'wrongful_conviction',
    label: '再审改判无罪请求国家赔偿',
    article: '第三十二条第三项',
    noMeansTest: true,
  },
  {
    value: 'domestic_violence',
    label: '遭受虐待、遗弃或者家庭暴力的受害人主张相关权益',
    article: '第三十二条第四项',
    noMeansTest: true,
  },
  { value: 'other', label: '其他事项', article: '第三十一条第九项' },
];

const CATEGORY: Question = {
  id: 'category',
  text: '您需要法律援助的是哪类事项？',
  kind: 'choice',
  options: [
    { value: 'civil', label: '民事、行政事项（讨薪、工伤、赡养抚养、赔偿等）' },
    { value: 'criminal_defence', label: '刑事案件的犯罪嫌疑人、被告人' },
    { value: 'criminal_victim', label: '刑事案件的被害人、自诉人、附带民事诉讼原告人' },
  ],
};
const MATTER: Question = {
  id: 'matter',
  text: '具体是哪一种事项？',
  kind: 'choice',
  options: MATTERS.map(({ value, label }) => ({ value, label })),
};
const SPECIAL: Question = {
  id: 'special',
  text: '犯罪嫌疑人、被告人是否属于下列情形？',
  kind: 'choice',
  hint: '属于这些情形的，公安机关、人民检察院、人民法院应当通知法律援助机构指派律师（第二十五条）',
  options: [
    { value: 'minor', label: '未成年人' },
    { value: 'disabled', label: '视力、听力、言语残疾人，或者不能完全辨认自己行为的成年人' },
    { value: 'life_or_death', label: '可能被判处无期徒刑、死刑' },
    { value: 'none', label: '以上都不是' },
  ],
};
const GROUP: Question = {
  id: 'group',
  text: '申请人是否属于下列人员？',
  kind: 'choice',
  hint: '属于这些人员的，免予核查经济困难状况（第四十二条）',
  options: [
    { value: 'no_income', label: '无固定生活来源的未成年人、老年人、残疾人等特定群体' },
    { value: 'assistance', label: '社会救助、司法救助或者优抚对象' },
    { value: 'migrant_worker', label: '进城务工人员（申请支付劳动报酬或者工伤赔偿）' },
    { value: 'none', label: '以上都不是' },
  ],
};
const REGION: Question = {
  id: 'region',
  text: '您的户籍或经常居住地在哪个区？',
  kind: 'choice',
  options: WUHAN_DISTRICTS.map((d) => ({ value: d, label: d })),
};
const SIZE: Question = { id: 'householdSize', text: '家庭共同生活的人口有几人？', kind: 'number' };
const INCOME: Question = {
  id: 'monthlyIncome',
  text: '家庭每月总收入约为多少元？',
  kind: 'number',
};

const BASE_MATERIALS = [
  '法律援助申请表（可在线填写）',
  '申请人身份证件',
  '与案件有关的材料（合同、判决书、证据等）',
];
const HARDSHIP_MATERIALS = ['经济困难状况说明或个人诚信承诺书（第四十一条）'];
const PROXY_NOTE = '由他人代为申请的，还需代理人身份证件和代理权限证明';

/** The hardship line (monthly yuan per person) in force for a region, or null when none is set. */
export type LineLookup = (region: string) => number | null;

/** Returns the next question, or the result once the answers decide it. */
export function precheckStep(
  ans: PrecheckAnswers,
  line: LineLookup,
): { question: Question } | { result: PrecheckResult } {
  if (!ans.category) return { question: CATEGORY };
  const matter = MATTERS.find((m) => m.value === ans.matter);
  if (ans.category === 'civil') {
    if (!matter) return { question: MATTER };
    if (matter.noMeansTest)
      return done(
        'likely_eligible',
        `法律援助法${matter.article}`,
        `${matter.label}，不受经济困难条件的限制。`,
        'none',
      );
  }
  if (ans.category === 'criminal_defence') {
    if (!ans.special) return { question: SPECIAL };
    if (ans.special !== 'none')
      return done(
        'likely_eligible',
        '法律援助法第二十五条',
        '办案机关应当通知法律援助机构指派律师担任辩护人，无须审查经济状况。',
        'none',
      );
  }
  if (!ans.group) return { question: GROUP };
  if (ans.group === 'migrant_worker' && !(matter?.labour ?? false))
    return meansTest(ans, line, '进城务工人员仅在请求支付劳动报酬或者工伤赔偿时免予核查；');
  if (ans.group !== 'none')
    return done(
      'likely_eligible',
      '法律援助法第四十二条',
      '属于免予核查经济困难状况的人员，请携带身份或资格证明（如低保证、残疾证、劳动关系证明）。',
      'exempt',
    );
  return meansTest(ans, line, '');
}

function meansTest(
  ans: PrecheckAnswers,
  line: LineLookup,
  prefix: string,
): { question: Question } | { result: PrecheckResult } {
  if (!ans.region) return { question: REGION };
  if (!ans.householdSize || ans.householdSize < 1) return { question: SIZE };
  if (ans.monthlyIncome === undefined || ans.monthlyIncome < 0) return { question: INCOME };
  const limit = line(ans.region);
  const article = articleFor(ans);
  if (limit === null)
    return done(
      'needs_review',
      article,
      `${prefix}${ans.region}尚未设置经济困难标准，请向法律援助机构咨询。`,
      'commitment_or_proof',
    );
  const perCapita = Math.round(ans.monthlyIncome / ans.householdSize);
  if (perCapita <= limit)
    return done(
      'likely_eligible',
      `${article}、第三十四条`,
      `${prefix}家庭人均月收入约 ${perCapita} 元，不高于${ans.region}经济困难标准（${limit} 元）。`,
      'commitment_or_proof',
    );
  if (perCapita <= Math.round(limit * 1.2))
    return done(
      'needs_review',
      '法律援助法第三十四条、第四十一条',
      `${prefix}家庭人均月收入约 ${perCapita} 元，略高于标准（${limit} 元），需结合家庭支出等情况审查。`,
      'commitment_or_proof',
    );
  return done(
    'not_eligible',
    '法律援助法第三十四条',
    `${prefix}家庭人均月收入约 ${perCapita} 元，高于${ans.region}经济困难标准（${limit} 元）。您仍可获得免费法律咨询（第二十三条）。`,
    'commitment_or_proof',
  );
}

function articleFor(ans: PrecheckAnswers): string {
  if (ans.category === 'criminal_defence') return '法律援助法第二十四条';
  if (ans.category === 'criminal_victim') return '法律援助法第二十九条';
  return `法律援助法${MATTERS.find((m) => m.value === ans.matter)?.article ?? '第三十一条'}`;
}

function done(
  verdict: Verdict,
  article: string,
  explanation: string,
  basis: PrecheckResult['hardshipBasis'],
): { result: PrecheckResult } {
  const materials = [
    ...BASE_MATERIALS,
    ...(basis === 'commitment_or_proof' ? HARDSHIP_MATERIALS : []),
    PROXY_NOTE,
  ];
  return { result: { verdict, article, explanation, materials, hardshipBasis: basis } };
}
