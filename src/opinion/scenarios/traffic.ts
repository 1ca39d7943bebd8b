/** @module 交通事故人身损害赔偿 scenario: injury or death caused by a motor vehicle. */
import type { z } from 'zod';
import type { ScenarioSchema } from '../scenario-schema.js';

const died = { q: 'outcome', eq: 'died' };
const money = (id: string, text: string) => ({
  id,
  text,
  type: 'money' as const,
  min: 0,
  max: 100_000_000,
});
const days = (id: string, text: string) => ({
  id,
  text,
  type: 'number' as const,
  integer: true,
  min: 0,
  max: 3650,
  unit: '天',
});
const RSSH = '最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释';

export const trafficScenario: z.input<typeof ScenarioSchema> = {
  id: 'traffic',
  title: '交通事故人身损害赔偿',
  category: '交通事故',
  summary: '被机动车撞伤或家人因交通事故死亡：赔偿项目、交强险与责任比例',
  questions: [
    { id: 'accidentDate', text: '交通事故发生在哪一天？', type: 'date', notFuture: true },
    {
      id: 'outcome',
      text: '受害人的情况是？',
      type: 'choice',
      options: [
        { value: 'injured', label: '受伤' },
        { value: 'died', label: '死亡' },
      ],
    },
    {
      id: 'liability',
      text: '交警事故认定书认定的对方责任是？',
      type: 'choice',
      options: [
        { value: 'full', label: '对方全部责任' },
        { value: 'major', label: '对方主要责任' },
        { value: 'equal', label: '同等责任' },
        { value: 'minor', label: '对方次要责任' },
      ],
    },
    { id: 'insured', text: '对方机动车是否投保了交强险？', type: 'yesno' },
    {
      id: 'age',
      text: '受害人在定残或死亡时的年龄是多少周岁？',
      type: 'number',
      integer: true,
      min: 0,
      max: 120,
      unit: '周岁',
    },
    money('medicalFee', '已经花费的医疗费（有票据的）一共多少？'),
    { ...days('hospitalDays', '住院一共多少天？'), next: [{ when: died, goto: 'hasDependant' }] },
    days('lostWorkDays', '因伤误工多少天？'),
    money('dailyIncome', '受伤前平均每天收入多少（没有固定收入可按行业平均）？'),
    days('nursingDays', '需要护理多少天？'),
    money('nursingDaily', '护理人员每天的护理费（或其误工收入）多少？'),
    money('transportFee', '就医产生的交通费（有票据）一共多少？'),
    money('nutritionFee', '医嘱营养费多少？'),
    {
      id: 'appraised',
      text: '是否已经做过伤残等级鉴定？',
      type: 'yesno',
      next: [{ when: { q: 'appraised', eq: false }, goto: 'hasDependant' }],
    },
    {
      id: 'grade',
      text: '鉴定的伤残等级是几级？（一级最重，十级最轻）',
      type: 'number',
      integer: true,
      min: 1,
      max: 10,
      unit: '级',
    },
    {
      id: 'hasDependant',
      text: '受害人是否有需要其扶养的未成年子女或无劳动能力的亲属？',
      type: 'yesno',
      next: [{ when: { q: 'hasDependant', eq: false }, goto: 'mentalDamages' }],
    },
    {
      id: 'dependantAge',
      text: '被扶养人现在多少周岁？（有多人的，填写年龄最小的一位）',
      type: 'number',
      integer: true,
      min: 0,
      max: 120,
      unit: '周岁',
    },
    {
      id: 'supporters',
      text: '对这位被扶养人负有扶养义务的一共几人（含受害人）？',
      type: 'number',
      integer: true,
      min: 1,
      max: 10,
      unit: '人',
    },
    money('mentalDamages', '您打算主张的精神损害抚慰金是多少？（没有可填 0）'),
  ],
  articles: [
    {
      law: '道路交通安全法',
      article: 76,
      why: '机动车事故先由交强险在责任限额内赔偿，不足部分按过错责任承担。',
    },
    { law: '民法典', article: 1213, why: '交强险、商业险与侵权人的赔偿顺序。' },
    { law: '民法典', article: 1179, why: '人身损害应当赔偿的项目。' },
    {
      law: '民法典',
      article: 1183,
      when: { q: 'mentalDamages', gt: 0 },
      why: '严重精神损害可以请求精神损害赔偿。',
    },
    { law: RSSH, article: 7, when: { not: died }, why: '误工费的计算。' },
    { law: RSSH, article: 8, when: { not: died }, why: '护理费的计算。' },
    {
      law: RSSH,
      article: 12,
      when: { q: 'appraised', eq: true },
      why: '残疾赔偿金按伤残等级和年龄计算。',
    },
    { law: RSSH, article: 14, when: died, why: '丧葬费按六个月职工月平均工资计算。' },
    { law: RSSH, article: 15, when: died, why: '死亡赔偿金按二十年计算，六十周岁以上递减。' },
    {
      law: RSSH,
      article: 17,
      // 被扶养人生活费 is part of 死亡赔偿金 or 残疾赔偿金 (Art. 16): only with a death or a disability.
      when: {
        all: [{ q: 'hasDependant', eq: true }, { any: [died, { q: 'appraised', eq: true }] }],
      },
      why: '被扶养人生活费的计算。',
    },
    { law: '民法典', article: 188, why: '向法院请求保护民事权利的诉讼时效为三年。' },
  ],
  calculations: [
    {
      calculator: 'trafficAccident',
      inputs: {
        medicalFee: { q: 'medicalFee' },
        hospitalDays: { q: 'hospitalDays' },
        lostWorkDays: { q: 'lostWorkDays', default: 0 },
        dailyIncome: { q: 'dailyIncome', default: 0 },
        nursingDays: { q: 'nursingDays', default: 0 },
        nursingDaily: { q: 'nursingDaily', default: 0 },
        transportFee: { q: 'transportFee', default: 0 },
        nutritionFee: { q: 'nutritionFee', default: 0 },
        disabilityGrade: { q: 'grade', default: 0 },
        age: { q: 'age' },
        died: { q: 'outcome', map: { died: true, injured: false } },
        dependantAges: { list: ['dependantAge'] },
        supporters: { q: 'supporters', default: 1 },
        mentalDamages: { q: 'mentalDamages' },
        liability: { q: 'liability' },
        insured: { q: 'insured' },
      },
    },
    {
      calculator: 'courtFee',
      inputs: { kind: { value: 'property' }, amount: { total: 'trafficAccident' } },
    },
  ],
  issues: [
    { text: '按事故认定（{{liability}}），对方应当承担的赔偿数额。' },
    { when: { q: 'insured', eq: true }, text: '交强险在限额内先行赔付的部分。' },
    {
      when: { all: [{ not: died }, { q: 'appraised', eq: false }] },
      text: '是否构成伤残需要鉴定，残疾赔偿金暂无法计算。',
    },
  ],
  analysis: [
    { text: '事故发生于 {{accidentDate}}，事故认定为{{liability}}。' },
    {
      when: { q: 'insured', eq: true },
      text: '对方车辆投保交强险的，保险公司在医疗费用 1.8 万元、死亡伤残 18 万元限额内先行赔付，超出部分按责任比例由对方（或其商业三者险）承担。',
    },
    {
      when: { q: 'insured', eq: false },
      text: '对方未投保交强险的，应由其在交强险限额范围内先行承担赔偿责任，再按责任比例承担超出部分。',
    },
    {
      when: { all: [{ not: died }, { q: 'appraised', eq: false }] },
      text: '伤情稳定后可委托司法鉴定机构评定伤残等级；构成伤残的，还可主张残疾赔偿金和被扶养人生活费。',
    },
    {
      when: died,
      text: '近亲属可以主张死亡赔偿金、丧葬费、被扶养人生活费以及办理丧事的交通、误工等合理费用。',
    },
  ],
  steps: [
    {
      text: '收集事故认定书、病历、医疗费票据、误工证明、护理证明、交通费票据，并申请公安交警部门调解或与保险公司协商。',
    },
    {
      text: '协商不成的，向事故发生地或被告住所地人民法院起诉（诉讼时效三年）。',
      deadline: {
        from: 'accidentDate',
        years: 3,
        label: '诉讼时效参考届满日（自知道损害之日起三年，伤情确诊或定残的，可从此时起算）',
      },
    },
  ],
};
