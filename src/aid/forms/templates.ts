/**
 * @module The standard forms of a legal-aid case as small declarative templates: each says when it may be
 * printed (the states where it makes sense) and which fields and paragraphs it shows. One renderer
 * (render.ts) lays them all out, so a form is data, not a function of its own.
 */
import { localDate } from '../clock.js';
import { CASE_TYPE_LABELS } from '../presenter.js';
import type { AidApplication } from '../tables.js';

/** What a form may show beyond the application row (names looked up at print time). */
export interface FormContext {
  a: AidApplication;
  agencyName: string;
  competentAgencyName: string;
  receivedAgencyName: string;
  lawyerName: string | null;
  /** The fee-waiver code when the latest decision is a grant (fee-waiver.ts); null for a refusal. */
  feeWaiverCode: string | null;
}

export interface FormTemplate {
  key: FormKey;
  title: (c: FormContext) => string;
  /** The states (by the row's own dates and status) in which the form makes sense. */
  available: (a: AidApplication) => boolean;
  /** Labelled lines printed as a table-like block under the title. */
  fields: (c: FormContext) => [label: string, value: string][];
  /** Paragraphs of text. */
  body: (c: FormContext) => string[];
  /** Signature lines at the foot (signed at the window or by the office). */
  signatures: (c: FormContext) => string[];
}

export const FORM_KEYS = [
  'application',
  'commitment',
  'oral_record',
  'supplement',
  'acceptance',
  'non_acceptance',
  'transfer',
  'decision',
  'assignment',
  'termination',
] as const;
export type FormKey = (typeof FORM_KEYS)[number];

const items = (json: string | null) => (json ? (JSON.parse(json) as string[]).join('、') : '');
const d = (iso: string | null | undefined) => (iso ? localDate(iso) : '');
const caseType = (a: AidApplication) => CASE_TYPE_LABELS[a.case_type] ?? a.case_type;
const HARDSHIP: Record<string, string> = {
  commitment: '个人诚信承诺',
  proof: '经济困难证明材料',
  exempt: '免予核查经济困难状况',
};
/** The office's seal line dated by the act the form records (not the row's last change). */
const officeSign = (c: FormContext, at: string | null) => [`${c.agencyName}（盖章）`, d(at)];
const applicantLines = (a: AidApplication): [string, string][] => [
  ['申请人', a.applicant_name],
  ['身份证号码', a.applicant_id_number],
  ['联系电话', a.applicant_phone],
  ['住所', a.applicant_address ?? ''],
];
const caseLines = (a: AidApplication): [string, string][] => [
  ['申请事项', caseType(a)],
  ['对方当事人', a.adverse_party ?? ''],
  ['案情及申请理由', a.case_facts],
];

const application: FormTemplate = {
  key: 'application',
  title: () => '法律援助申请表',
  available: (a) => a.status !== 'draft',
  fields: ({ a }) => [
    ...applicantLines(a),
    ...(a.proxy_name
      ? ([['代理人', `${a.proxy_name}（${a.proxy_relation ?? ''}）`]] as [string, string][])
      : []),
    ...caseLines(a),
    ['经济困难状况', HARDSHIP[a.hardship_basis] ?? a.hardship_basis],
    ['家庭人口 / 月收入', `${a.household_size ?? ''} 人 / ${a.household_monthly_income ?? ''} 元`],
    ['申请日期', d(a.received_at)],
  ],
  body: () => ['申请人保证以上所填内容真实。'],
  signatures: () => ['申请人（签名）：', '日期：'],
};

const commitment: FormTemplate = {
  key: 'commitment',
  title: () => '经济困难状况个人诚信承诺书',
  available: (a) => a.status !== 'draft' && a.hardship_basis === 'commitment',
  fields: ({ a }) => [
    ...applicantLines(a),
    ['家庭人口', `${a.household_size ?? ''} 人`],
    ['家庭月收入', `${a.household_monthly_income ?? ''} 元`],
  ],
  body: ({ a }) => [
    `本人${a.applicant_name}申请法律援助，承诺所申报的家庭经济状况真实、准确、完整，本人确属经济困难，无能力支付法律服务费用。`,
    '本人知悉：根据《中华人民共和国法律援助法》第六十四条，以欺骗或者其他不正当手段获得法律援助的，由司法行政部门责令其支付已实施法律援助的费用，并处三千元以下罚款；构成犯罪的，依法追究刑事责任。',
  ],
  signatures: () => ['承诺人（签名）：', '日期：'],
};

const oralRecord: FormTemplate = {
  key: 'oral_record',
  title: () => '口头申请法律援助笔录',
  available: (a) => a.channel === 'oral' && a.status !== 'draft',
  fields: ({ a }) => [['记录时间', d(a.received_at)], ...applicantLines(a), ...caseLines(a)],
  body: ({ receivedAgencyName }) => [
    `以上内容由${receivedAgencyName}工作人员根据申请人口头陈述记录，已向申请人宣读，申请人确认无误。`,
  ],
  signatures: () => ['申请人（签名或捺印）：', '记录人（签名）：', '日期：'],
};

const supplement: FormTemplate = {
  key: 'supplement',
  title: () => '法律援助申请补正材料告知书',
  available: (a) => a.supplement_requested_at !== null,
  fields: ({ a }) => [
    ['申请人', a.applicant_name],
    ['申请事项', caseType(a)],
    ['告知日期', d(a.supplement_requested_at)],
    ['补正期限', d(a.supplement_deadline)],
  ],
  body: ({ a }) => [
    `你提交的法律援助申请材料不齐全，请于补正期限前补充下列材料：${items(a.supplement_items)}`,
    '逾期未按要求补充材料的，视为撤回申请（《中华人民共和国法律援助法》第四十三条）。',
  ],
  signatures: (c) => officeSign(c, c.a.supplement_requested_at),
};

const acceptance: FormTemplate = {
  key: 'acceptance',
  title: () => '法律援助申请受理通知书',
  available: (a) => a.accepted_at !== null,
  fields: ({ a }) => [
    ['申请人', a.applicant_name],
    ['申请事项', caseType(a)],
    ['受理日期', d(a.accepted_at)],
  ],
  body: ({ a }) => [
    `你于${d(a.received_at)}提出的法律援助申请，本机构已予受理，将依法进行审查并作出决定。`,
    ...(a.tolerant_items
      ? [
          `本申请为容缺受理，审查照常进行；请于${a.tolerant_deadline ?? ''}前补交下列材料：${items(a.tolerant_items)}。`,
        ]
      : []),
  ],
  signatures: (c) => officeSign(c, c.a.accepted_at),
};

/** 不予受理: refused at intake (never accepted, no 先行提供), so no review and no decision on the merits. */
const refusedAtIntake = (a: AidApplication) =>
  a.decided_at !== null && a.accepted_at === null && a.urgent === 0;

const nonAcceptance: FormTemplate = {
  key: 'non_acceptance',
  title: () => '法律援助申请不予受理通知书',
  available: refusedAtIntake,
  fields: ({ a }) => [
    ['申请人', a.applicant_name],
    ['申请事项', caseType(a)],
    ['申请日期', d(a.received_at)],
    ['通知日期', d(a.decided_at)],
  ],
  body: ({ a }) => [
    `你于${d(a.received_at)}提出的法律援助申请，本机构决定不予受理。`,
    `理由：${a.decision_reasons ?? ''}`,
    '如对本决定有异议，可以依照《中华人民共和国法律援助法》第四十九条向设立本机构的司法行政部门提出。',
  ],
  signatures: (c) => officeSign(c, c.a.decided_at),
};

const transfer: FormTemplate = {
  key: 'transfer',
  title: () => '法律援助申请转交函',
  available: (a) => a.transferred_at !== null,
  fields: ({ a, receivedAgencyName, competentAgencyName }) => [
    ['申请人', a.applicant_name],
    ['申请事项', caseType(a)],
    ['收件机构', receivedAgencyName],
    ['转交至', competentAgencyName],
    ['转交日期', d(a.transferred_at)],
  ],
  body: ({ competentAgencyName }) => [
    `${competentAgencyName}：现将该法律援助申请及相关材料转交你机构，请依法审查办理。`,
  ],
  signatures: ({ a, receivedAgencyName }) => [`${receivedAgencyName}（盖章）`, d(a.transferred_at)],
};

const decision: FormTemplate = {
  key: 'decision',
  title: ({ feeWaiverCode }) => (feeWaiverCode ? '给予法律援助决定书' : '不予法律援助决定书'),
  available: (a) => a.decided_at !== null && !refusedAtIntake(a),
  fields: ({ a, feeWaiverCode }) => [
    ['申请人', a.applicant_name],
    ['申请事项', caseType(a)],
    ['申请日期', d(a.received_at)],
    ['决定日期', d(a.decided_at)],
    ...(feeWaiverCode ? ([['减免费用核验码', feeWaiverCode]] as [string, string][]) : []),
  ],
  body: ({ a, feeWaiverCode }) => [
    feeWaiverCode
      ? '经审查，你的法律援助申请符合《中华人民共和国法律援助法》规定的条件，本机构决定给予法律援助。'
      : '经审查，你的法律援助申请不符合《中华人民共和国法律援助法》规定的条件，本机构决定不予法律援助。',
    `理由：${a.decision_reasons ?? ''}`,
    feeWaiverCode
      ? '受援人办理公证、司法鉴定时，可凭本决定书及减免费用核验码申请减免费用（第五十三条）。'
      : '如对本决定有异议，可以依照第四十九条向设立本机构的司法行政部门提出。',
  ],
  signatures: (c) => officeSign(c, c.a.decided_at),
};

const assignment: FormTemplate = {
  key: 'assignment',
  title: () => '指派通知书（公函）',
  available: (a) => a.assigned_lawyer_id !== null,
  fields: ({ a, lawyerName }) => [
    ['受援人', a.applicant_name],
    ['联系电话', a.applicant_phone],
    ['申请事项', caseType(a)],
    ['对方当事人', a.adverse_party ?? ''],
    ['指派律师', lawyerName ?? ''],
    ['指派日期', d(a.assigned_at)],
  ],
  body: ({ lawyerName }) => [
    `兹指派${lawyerName ?? ''}律师承办本法律援助案件，请依法及时提供符合标准的法律援助服务（第四十六条）。`,
  ],
  signatures: (c) => officeSign(c, c.a.assigned_at),
};

const termination: FormTemplate = {
  key: 'termination',
  title: () => '终止法律援助决定书',
  available: (a) => a.terminated_at !== null,
  fields: ({ a }) => [
    ['受援人', a.applicant_name],
    ['申请事项', caseType(a)],
    ['终止日期', d(a.terminated_at)],
  ],
  body: ({ a }) => [
    `依照《中华人民共和国法律援助法》第四十八条，本机构决定终止法律援助。理由：${a.termination_reason ?? a.termination_ground ?? ''}`,
    '如对本决定有异议，可以依照第四十九条向设立本机构的司法行政部门提出。',
  ],
  signatures: (c) => officeSign(c, c.a.terminated_at),
};

export const FORMS: Record<FormKey, FormTemplate> = {
  application,
  commitment,
  oral_record: oralRecord,
  supplement,
  acceptance,
  non_acceptance: nonAcceptance,
  transfer,
  decision,
  assignment,
  termination,
};

/** The forms that may be printed for the case as it stands. */
export const availableForms = (a: AidApplication): FormKey[] =>
  FORM_KEYS.filter((k) => FORMS[k].available(a));
