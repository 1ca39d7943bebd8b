/** @module 离婚 scenario: 协议离婚 or 诉讼离婚, 共同财产分割 and 子女抚养. */
import type { z } from 'zod';
import type { ScenarioSchema } from '../scenario-schema.js';

const JTJ = '最高人民法院关于适用《民法典》婚姻家庭编的解释（一）';
const children = { q: 'hasChildren', eq: true };
const litigation = { q: 'agreement', eq: 'no' };
const payer = { all: [children, { q: 'custody', eq: true }] };

export const divorceScenario: z.input<typeof ScenarioSchema> = {
  id: 'divorce',
  title: '离婚（财产与子女抚养）',
  category: '婚姻家庭',
  summary: '协议离婚还是起诉离婚、共同财产怎么分、孩子归谁、抚养费多少',
  questions: [
    { id: 'marriageDate', text: '你们是哪一天登记结婚的？', type: 'date', notFuture: true },
    {
      id: 'agreement',
      text: '双方是否都同意离婚，并能就财产和子女问题达成一致？',
      type: 'choice',
      options: [
        { value: 'yes', label: '都同意，能协商一致' },
        { value: 'no', label: '对方不同意或谈不拢' },
      ],
    },
    {
      id: 'hasChildren',
      text: '你们是否有未成年子女？',
      type: 'yesno',
      next: [{ when: { q: 'hasChildren', eq: false }, goto: 'property' }],
    },
    {
      id: 'childCount',
      text: '未成年子女有几个？',
      type: 'number',
      integer: true,
      min: 1,
      max: 10,
      unit: '个',
    },
    {
      id: 'custody',
      text: '您是否希望由您直接抚养子女？',
      type: 'yesno',
      next: [{ when: { q: 'custody', eq: false }, goto: 'property' }],
    },
    { id: 'otherIncome', text: '对方的月收入大约是多少？', type: 'money', min: 0, max: 10_000_000 },
    {
      id: 'property',
      text: '婚后共同财产（房产、存款、车辆等）大约价值多少？（没有可填 0）',
      type: 'money',
      min: 0,
      max: 1_000_000_000,
    },
    {
      id: 'fault',
      text: '对方是否有下列过错？',
      type: 'choice',
      options: [
        { value: 'none', label: '没有' },
        { value: 'violence', label: '实施家庭暴力或虐待、遗弃家庭成员' },
        { value: 'bigamy', label: '重婚或与他人同居' },
        { value: 'other', label: '其他重大过错' },
      ],
    },
  ],
  articles: [
    {
      law: '民法典',
      article: 1076,
      when: { q: 'agreement', eq: 'yes' },
      why: '协议离婚应当签订书面离婚协议并亲自到婚姻登记机关申请。',
    },
    {
      law: '民法典',
      article: 1077,
      when: { q: 'agreement', eq: 'yes' },
      why: '离婚登记有三十日冷静期。',
    },
    {
      law: '民法典',
      article: 1079,
      when: litigation,
      why: '一方要求离婚的可以起诉，感情确已破裂、调解无效的应准予离婚。',
    },
    { law: '民法典', article: 1062, why: '婚姻关系存续期间所得的财产为夫妻共同财产。' },
    {
      law: '民法典',
      article: 1087,
      why: '共同财产协议处理，协议不成由法院按照顾子女、女方和无过错方的原则判决。',
    },
    {
      law: '民法典',
      article: 1084,
      when: children,
      why: '离婚后父母对子女仍有抚养、教育、保护的权利和义务。',
    },
    { law: '民法典', article: 1085, when: payer, why: '不直接抚养子女的一方应当负担抚养费。' },
    { law: JTJ, article: 49, when: payer, why: '抚养费一般按月总收入的 20%–30% 给付。' },
    {
      law: '民法典',
      article: 1091,
      when: { q: 'fault', in: ['violence', 'bigamy', 'other'] },
      why: '因对方重大过错离婚的，无过错方有权请求损害赔偿。',
    },
    {
      law: '诉讼费用交纳办法',
      article: 13,
      item: 2,
      points: [1],
      when: litigation,
      why: '离婚案件的受理费标准。',
    },
  ],
  calculations: [
    {
      calculator: 'childSupport',
      when: payer,
      inputs: { monthlyIncome: { q: 'otherIncome' }, children: { q: 'childCount' } },
    },
    {
      calculator: 'courtFee',
      when: litigation,
      inputs: { kind: { value: 'divorce' }, amount: { q: 'property' } },
    },
  ],
  issues: [
    { text: '婚后共同财产约 {{property}} 如何分割。' },
    { when: children, text: '{{childCount}} 名未成年子女由谁直接抚养，抚养费如何负担。' },
    {
      when: { q: 'fault', in: ['violence', 'bigamy', 'other'] },
      text: '对方存在过错，您能否请求离婚损害赔偿。',
    },
  ],
  analysis: [
    { text: '你们于 {{marriageDate}} 登记结婚。' },
    {
      when: { q: 'agreement', eq: 'yes' },
      text: '双方自愿离婚的，可以签订书面离婚协议，共同到婚姻登记机关申请；提交申请后有三十日冷静期，期满后三十日内双方须亲自到场领取离婚证，否则视为撤回申请。',
    },
    {
      when: litigation,
      text: '对方不同意离婚的，可以向人民法院起诉。第一次起诉法院判决不准离婚后，双方又分居满一年，再次起诉的，应当准予离婚。',
    },
    {
      when: payer,
      text: '由您直接抚养子女的，对方应负担抚养费；对方月收入 {{otherIncome}}，可参考下方计算主张。抚养费一般给付至子女十八周岁。',
    },
    {
      when: { q: 'fault', eq: 'violence' },
      text: '遭受家庭暴力的，可以报警、申请人身安全保护令，并保存报警记录、伤情照片、病历作为证据。',
    },
  ],
  steps: [
    {
      when: { q: 'agreement', eq: 'yes' },
      text: '双方携带身份证、户口簿、结婚证和离婚协议书到婚姻登记机关申请离婚登记；冷静期满后三十日内共同领取离婚证。',
      deadline: { from: 'today', days: 30, label: '若今日提交申请，冷静期届满日' },
    },
    {
      when: litigation,
      text: '向被告住所地人民法院起诉离婚，准备结婚证、财产证明、子女出生证明等材料。',
    },
    { text: '财产较多或情况复杂的，建议咨询律师；符合条件的可以申请法律援助。' },
  ],
};
