/** @module 工伤 scenario: 工伤认定, 劳动能力鉴定 and the 工伤保险待遇 that follow. */
import type { z } from 'zod';
import type { ScenarioSchema } from '../scenario-schema.js';

const died = { q: 'outcome', eq: 'died' };
const injured = { q: 'outcome', eq: 'injured' };
const graded = { all: [injured, { q: 'appraised', eq: true }] };
const notRecognised = { q: 'recognised', in: ['no', 'applying'] };

export const workInjuryScenario: z.input<typeof ScenarioSchema> = {
  id: 'work-injury',
  title: '工伤',
  category: '劳动/工伤',
  summary: '上下班或工作中受伤、职业病：工伤认定、伤残等级与工伤保险待遇',
  questions: [
    {
      id: 'outcome',
      text: '受伤职工现在的情况是？',
      type: 'choice',
      options: [
        { value: 'injured', label: '受伤（已治疗或正在治疗）' },
        { value: 'died', label: '因工死亡' },
      ],
    },
    {
      id: 'injuryDate',
      text: '事故伤害发生（或确诊职业病）是哪一天？',
      type: 'date',
      notFuture: true,
    },
    {
      id: 'recognised',
      text: '是否已经认定为工伤？',
      type: 'choice',
      options: [
        { value: 'yes', label: '已认定为工伤' },
        { value: 'applying', label: '正在申请' },
        { value: 'no', label: '还没有申请' },
      ],
    },
    {
      id: 'insured',
      text: '单位是否为职工缴纳了工伤保险？',
      type: 'yesno',
      next: [{ when: died, goto: 'monthlyWage' }],
    },
    {
      id: 'appraised',
      text: '是否已经做过劳动能力鉴定（评定伤残等级）？',
      type: 'yesno',
      next: [{ when: { q: 'appraised', eq: false }, goto: 'monthlyWage' }],
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
      id: 'monthlyWage',
      text: '受伤前十二个月的平均月工资是多少？',
      type: 'money',
      min: 0,
      max: 1_000_000,
    },
  ],
  articles: [
    { law: '工伤保险条例', article: 14, why: '应当认定为工伤的情形。' },
    {
      law: '工伤保险条例',
      article: 17,
      when: notRecognised,
      why: '工伤认定申请的期限：单位 30 日内，职工或近亲属一年内。',
    },
    { law: '工伤保险条例', article: 33, when: injured, why: '停工留薪期内原工资福利待遇不变。' },
    {
      law: '工伤保险条例',
      article: 35,
      when: { all: [graded, { q: 'grade', lte: 4 }] },
      why: '一级至四级伤残的待遇。',
    },
    {
      law: '工伤保险条例',
      article: 36,
      when: { all: [graded, { q: 'grade', gte: 5 }, { q: 'grade', lte: 6 }] },
      why: '五级、六级伤残的待遇。',
    },
    {
      law: '工伤保险条例',
      article: 37,
      when: { all: [graded, { q: 'grade', gte: 7 }] },
      why: '七级至十级伤残的待遇。',
    },
    {
      law: '工伤保险条例',
      article: 39,
      when: died,
      why: '因工死亡的丧葬补助金、供养亲属抚恤金和一次性工亡补助金。',
    },
    {
      law: '工伤保险条例',
      article: 62,
      when: { q: 'insured', eq: false },
      why: '单位未参加工伤保险的，由单位按同等标准支付待遇。',
    },
    { law: '工伤保险条例', article: 64, why: '“本人工资”按平均工资的 60%–300% 计算。' },
  ],
  calculations: [
    {
      calculator: 'workInjury',
      when: { any: [graded, died] },
      inputs: {
        monthlyWage: { q: 'monthlyWage' },
        disabilityGrade: { q: 'grade', default: 0 },
        died: { q: 'outcome', map: { died: true, injured: false } },
      },
    },
  ],
  issues: [
    { when: notRecognised, text: '事故能否认定为工伤，申请期限是否届满。' },
    { when: graded, text: '按 {{grade}} 伤残可以享受哪些工伤保险待遇，数额多少。' },
    {
      when: { all: [injured, { q: 'appraised', eq: false }] },
      text: '伤情稳定后需要进行劳动能力鉴定，才能确定伤残待遇。',
    },
    { when: died, text: '近亲属可以领取的工亡待遇。' },
    { when: { q: 'insured', eq: false }, text: '单位未缴纳工伤保险，待遇由单位承担。' },
  ],
  analysis: [
    { text: '事故发生于 {{injuryDate}}，受伤前月工资 {{monthlyWage}}。' },
    {
      when: notRecognised,
      text: '单位应在事故发生之日起 30 日内申请工伤认定；单位未申请的，职工或近亲属可以在一年内直接向人力资源和社会保障部门申请。',
    },
    {
      when: { all: [injured, { q: 'appraised', eq: false }] },
      text: '伤情相对稳定后，可向劳动能力鉴定委员会申请鉴定；鉴定结论出来后才能计算一次性伤残补助金等待遇。',
    },
    {
      when: graded,
      text: '已鉴定为 {{grade}} 伤残，一次性伤残补助金由工伤保险基金按本人工资的法定月数支付（计算见下方）。',
    },
    {
      when: { q: 'insured', eq: false },
      text: '单位应参保而未参保的，上述待遇全部由单位按同等标准支付，可通过劳动仲裁主张。',
    },
  ],
  steps: [
    {
      when: notRecognised,
      text: '向单位所在地人力资源和社会保障部门提出工伤认定申请（准备劳动关系证明、医疗诊断证明）。',
      deadline: { from: 'injuryDate', years: 1, label: '职工或近亲属申请工伤认定的期限' },
    },
    {
      when: { all: [injured, { q: 'appraised', eq: false }] },
      text: '伤情稳定后申请劳动能力鉴定。',
    },
    { text: '单位拒不支付待遇的，可申请劳动仲裁（自知道权利被侵害之日起一年内）。' },
  ],
};
