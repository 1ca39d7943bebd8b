/** @module 劳动争议 scenario: 拖欠工资, 违法解除/经济补偿, 未签书面劳动合同, 加班费. */
import type { z } from 'zod';
import type { ScenarioSchema } from '../scenario-schema.js';

const type = (...v: string[]) => ({ q: 'disputeType', in: v });
const left = { q: 'stillEmployed', eq: false };
const staying = { q: 'stillEmployed', eq: true };
const lawfulEnd = {
  all: [left, { q: 'terminationWho', in: ['employer_lawful', 'employee_forced'] }],
};
const unlawfulEnd = { all: [left, { q: 'terminationWho', eq: 'employer_unlawful' }] };
const nextByType = [
  { when: type('noContract'), goto: 'contractSigned' },
  { when: type('wages'), goto: 'unpaidWages' },
  { when: type('overtime'), goto: 'workdayHours' },
  { when: type('dismissal'), goto: 'evidence' },
];
const hours = (id: string, text: string) => ({
  id,
  text,
  type: 'number' as const,
  min: 0,
  max: 3000,
  unit: '小时',
});

export const labourScenario: z.input<typeof ScenarioSchema> = {
  id: 'labour',
  title: '劳动争议',
  category: '劳动/工伤',
  summary: '拖欠工资、被辞退（违法解除/经济补偿）、未签书面劳动合同、加班费',
  questions: [
    {
      id: 'disputeType',
      text: '您遇到的主要是哪类劳动问题？',
      type: 'choice',
      options: [
        { value: 'wages', label: '单位拖欠工资' },
        { value: 'dismissal', label: '被单位辞退或解除劳动合同' },
        { value: 'noContract', label: '单位未与我签订书面劳动合同' },
        { value: 'overtime', label: '加班没有拿到加班费' },
      ],
    },
    {
      id: 'startDate',
      text: '您是哪一天入职（开始在该单位工作）的？',
      type: 'date',
      notFuture: true,
    },
    {
      id: 'monthlyWage',
      text: '您的月工资（离职或现在之前十二个月的平均应发工资）是多少？',
      type: 'money',
      min: 0,
      max: 1_000_000,
    },
    {
      id: 'stillEmployed',
      text: '您现在是否仍在该单位工作？',
      type: 'yesno',
      next: nextByType.map((n) => ({ when: { all: [staying, n.when] }, goto: n.goto })),
    },
    {
      id: 'endDate',
      text: '劳动关系是哪一天结束的（最后工作日）？',
      type: 'date',
      notFuture: true,
    },
    {
      id: 'terminationWho',
      text: '劳动关系是怎样结束的？',
      type: 'choice',
      options: [
        { value: 'employer_unlawful', label: '单位没有正当理由辞退我' },
        { value: 'employer_lawful', label: '单位因经营困难、合同到期不续签等原因解除或终止' },
        { value: 'employee_forced', label: '单位欠薪或不缴社保，我被迫提出解除' },
        { value: 'employee_voluntary', label: '我自己主动辞职' },
      ],
      next: nextByType,
    },
    {
      id: 'contractSigned',
      text: '单位后来是否与您补签了书面劳动合同？',
      type: 'yesno',
      next: [{ when: { q: 'contractSigned', eq: false }, goto: 'evidence' }],
    },
    {
      id: 'contractDate',
      text: '补签书面劳动合同是哪一天？',
      type: 'date',
      notFuture: true,
      then: 'evidence',
    },
    {
      id: 'unpaidWages',
      text: '单位一共拖欠您多少工资？',
      type: 'money',
      min: 1,
      max: 10_000_000,
      then: 'evidence',
    },
    hours('workdayHours', '工作日延长工作时间（加班）累计多少小时？'),
    hours('restDayHours', '休息日加班且没有补休，累计多少小时？'),
    hours('holidayHours', '法定节假日加班累计多少小时？'),
    {
      id: 'evidence',
      text: '您手上是否有劳动合同、工资条、银行流水、考勤记录或聊天记录等证据？',
      type: 'yesno',
    },
  ],
  articles: [
    {
      law: '劳动争议调解仲裁法',
      article: 5,
      why: '劳动争议可以协商、调解，不愿调解或调解不成的可以申请劳动仲裁，对裁决不服可以起诉。',
    },
    { law: '劳动争议调解仲裁法', article: 27, why: '劳动仲裁的申请时效为一年。' },
    {
      law: '劳动合同法',
      article: 30,
      when: type('wages'),
      why: '用人单位应当及时足额支付劳动报酬。',
    },
    {
      law: '劳动合同法',
      article: 85,
      when: type('wages'),
      why: '未及时足额支付劳动报酬的法律责任。',
    },
    {
      law: '劳动合同法',
      article: 10,
      when: type('noContract'),
      why: '建立劳动关系应当订立书面劳动合同。',
    },
    {
      law: '劳动合同法',
      article: 82,
      when: type('noContract'),
      why: '超过一个月不满一年未订立书面合同的，应当支付二倍工资。',
    },
    { law: '劳动合同法', article: 31, when: type('overtime'), why: '安排加班应当支付加班费。' },
    {
      law: '劳动法',
      article: 44,
      when: type('overtime'),
      why: '加班费按 150%、200%、300% 的标准支付。',
    },
    {
      law: '劳动合同法',
      article: 38,
      when: { all: [left, { q: 'terminationWho', eq: 'employee_forced' }] },
      why: '单位未及时足额支付报酬或未缴社保的，劳动者可以解除合同。',
    },
    {
      law: '劳动合同法',
      article: 46,
      when: lawfulEnd,
      why: '上述情形下用人单位应当支付经济补偿。',
    },
    {
      law: '劳动合同法',
      article: 47,
      when: { any: [lawfulEnd, unlawfulEnd] },
      why: '经济补偿按工作年限计算。',
    },
    {
      law: '劳动合同法',
      article: 48,
      when: unlawfulEnd,
      why: '违法解除时劳动者可以要求继续履行或者要求赔偿金。',
    },
    {
      law: '劳动合同法',
      article: 87,
      when: unlawfulEnd,
      why: '违法解除的赔偿金为经济补偿标准的二倍。',
    },
  ],
  calculations: [
    {
      calculator: 'wageArrears',
      when: type('wages'),
      inputs: { unpaidWages: { q: 'unpaidWages' } },
    },
    {
      calculator: 'severance',
      when: lawfulEnd,
      inputs: {
        serviceMonths: { monthsBetween: ['startDate', 'endDate'] },
        monthlyWage: { q: 'monthlyWage' },
      },
    },
    {
      calculator: 'unlawfulTermination',
      when: unlawfulEnd,
      inputs: {
        serviceMonths: { monthsBetween: ['startDate', 'endDate'] },
        monthlyWage: { q: 'monthlyWage' },
      },
    },
    {
      calculator: 'doubleWage',
      when: { all: [type('noContract'), { q: 'contractSigned', eq: true }] },
      inputs: {
        monthsWithoutContract: { monthsBetween: ['startDate', 'contractDate'] },
        monthlyWage: { q: 'monthlyWage' },
      },
    },
    {
      calculator: 'doubleWage',
      when: { all: [type('noContract'), { q: 'contractSigned', eq: false }, left] },
      inputs: {
        monthsWithoutContract: { monthsBetween: ['startDate', 'endDate'] },
        monthlyWage: { q: 'monthlyWage' },
      },
    },
    {
      calculator: 'doubleWage',
      when: { all: [type('noContract'), { q: 'contractSigned', eq: false }, staying] },
      inputs: {
        monthsWithoutContract: { monthsBetween: ['startDate', 'today'] },
        monthlyWage: { q: 'monthlyWage' },
      },
    },
    {
      calculator: 'overtime',
      when: type('overtime'),
      inputs: {
        monthlyWage: { q: 'monthlyWage' },
        workdayHours: { q: 'workdayHours' },
        restDayHours: { q: 'restDayHours' },
        holidayHours: { q: 'holidayHours' },
      },
    },
    { calculator: 'courtFee', inputs: { kind: { value: 'labour' }, amount: { value: 0 } } },
  ],
  issues: [
    { when: type('wages'), text: '单位是否拖欠您的劳动报酬，应付未付的数额是多少。' },
    { when: type('dismissal'), text: '单位解除劳动合同是否合法，您可以主张经济补偿还是赔偿金。' },
    { when: type('noContract'), text: '单位未订立书面劳动合同，是否应当支付二倍工资差额。' },
    { when: type('overtime'), text: '您的加班时长能否证明，单位应付的加班费是多少。' },
    {
      when: { all: [left, { q: 'terminationWho', eq: 'employee_voluntary' }] },
      text: '您主动辞职的，一般不能要求经济补偿。',
    },
  ],
  analysis: [
    { text: '您自 {{startDate}} 起在该单位工作，月工资 {{monthlyWage}}。' },
    {
      when: type('wages'),
      text: '单位应按月足额支付工资，拖欠 {{unpaidWages}} 的，您可以向劳动保障监察部门投诉，也可以直接申请劳动仲裁；劳动关系存续期间追讨欠薪不受一年时效限制。',
    },
    {
      when: unlawfulEnd,
      text: '单位无正当理由解除劳动合同属于违法解除。您可以要求继续履行劳动合同，也可以不要求继续履行而主张经济补偿标准二倍的赔偿金（已按下方计算）。解除理由是否合法由单位承担举证责任。',
    },
    { when: lawfulEnd, text: '依您所述的结束方式，单位应当依法支付经济补偿（计算见下方）。' },
    {
      when: { all: [left, { q: 'terminationWho', eq: 'employee_voluntary' }] },
      text: '主动辞职一般不产生经济补偿；但如果辞职是因为单位欠薪、未缴社保等原因，请在辞职时书面写明理由，可以主张经济补偿。',
    },
    {
      when: type('noContract'),
      text: '用工超过一个月未订立书面劳动合同的，自第二个月起单位应支付另一倍工资，最长十一个月；二倍工资差额的仲裁时效一般从未签合同的次月起逐月或自用工满一年时起算，请尽早主张。',
    },
    {
      when: type('overtime'),
      text: '加班费按小时工资和加班类别计算；请保存考勤、排班表、加班审批记录、工作群消息等证据，单位掌握的考勤记录可以申请由单位提供。',
    },
    {
      when: { q: 'evidence', eq: false },
      text: '您目前没有书面证据，请尽快收集工资流水、工牌、工作服、同事证言、聊天记录等能证明劳动关系和工资数额的材料。',
    },
  ],
  steps: [
    { text: '先与单位协商，或向单位劳动争议调解委员会、街道（乡镇）调解组织申请调解。' },
    { when: type('wages'), text: '向单位所在地劳动保障监察机构投诉拖欠工资（可拨打 12333）。' },
    {
      when: left,
      text: '向劳动争议仲裁委员会申请劳动仲裁（免费），请在期限前提出。',
      deadline: { from: 'endDate', years: 1, label: '劳动仲裁时效届满（劳动关系终止之日起一年）' },
    },
    {
      when: staying,
      text: '在职期间可随时就欠薪申请仲裁；其他请求自知道或应当知道权利被侵害之日起一年内提出。',
    },
    { text: '对仲裁裁决不服的，自收到裁决书之日起十五日内向人民法院起诉。' },
  ],
};
