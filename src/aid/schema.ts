/** @module Request schemas of the aid area (zod, strict: unknown fields are refused). */
import { z } from 'zod';
import { CoercedId, Id, IdNumber, IsoDate, Mobile, Pagination } from '../core/schemas.js';
import { WUHAN_DISTRICTS } from '../db/seed-agencies.js';
import { MATTERS } from './precheck.js';
import { TERMINATION_GROUNDS } from './workflow.js';

const REGIONS = ['武汉市', ...WUHAN_DISTRICTS] as [string, ...string[]];
const name = z.string().trim().min(1).max(50);

/** The 承诺书 shown to the applicant; signing it means ticking the box and typing one's own name. */
export const COMMITMENT_TEXT =
  '本人承诺：所填写的家庭经济状况真实、准确、完整，本人家庭经济困难，符合法律援助经济困难标准。' +
  '如有虚假，法律援助机构将终止法律援助（《中华人民共和国法律援助法》第四十八条）；' +
  '以欺骗或者其他不正当手段获得法律援助的，由司法行政部门责令支付已实际支出的法律援助费用，并处三千元以下罚款（第六十四条）。';

export const CASE_TYPES = [
  ...MATTERS.map((m) => m.value),
  'criminal_defence',
  'criminal_victim',
  'appeal_retrial',
] as unknown as [string, ...string[]];

const Hardship = z.discriminatedUnion('basis', [
  z.strictObject({ basis: z.literal('commitment'), committed: z.literal(true), signedName: name }),
  z.strictObject({ basis: z.literal('proof'), description: z.string().trim().max(500).optional() }),
  z.strictObject({
    basis: z.literal('exempt'),
    article: z.enum([
      '第三十二条',
      '第二十五条',
      '第四十二条第一项',
      '第四十二条第二项',
      '第四十二条第三项',
    ]),
  }),
]);

export const ApplicationSchema = z.strictObject({
  channel: z.enum(['online', 'window', 'oral']).optional(),
  applicant: z.strictObject({
    name,
    idNumber: IdNumber,
    phone: Mobile,
    address: z.string().trim().max(200).optional(),
  }),
  proxy: z
    .strictObject({ name, relation: z.string().trim().min(1).max(30), idNumber: IdNumber })
    .optional(),
  adverseParty: z.string().trim().max(100).optional(),
  caseCategory: z.enum(['civil', 'administrative', 'criminal_defence', 'criminal_victim']),
  caseType: z.enum(CASE_TYPES),
  caseFacts: z.string().trim().min(10).max(5000),
  isLitigation: z.boolean(),
  handlingOrgan: z.string().trim().max(100).optional(),
  handlingDistrict: z.enum(REGIONS),
  lifeOrDeath: z.boolean().default(false),
  hardship: Hardship,
  householdSize: z.number().int().min(1).max(30).optional(),
  monthlyIncome: z.number().int().min(0).max(10_000_000).optional(),
  homeService: z.boolean().default(false),
  preferredLawyerIds: z.array(Id).max(5).default([]),
  receivingAgencyId: Id.optional(),
  /** The 法指针 referral (consult) the resident confirmed, when the form was prefilled from one. */
  referralId: Id.optional(),
  /** Submit although an identical application is still open (the first try answers 409 duplicate_application). */
  confirmDuplicate: z.boolean().default(false),
});
export type ApplicationInput = z.infer<typeof ApplicationSchema>;

export const EventSchema = z.strictObject({
  type: z.enum([
    'transfer',
    'correct_competence',
    'accept',
    'accept_tolerant',
    'record_papers',
    'refuse_acceptance',
    'request_supplement',
    'supplement',
    'supplement_expired',
    'record_delivery',
    'withdraw',
    'decide_grant',
    'decide_refuse',
    'grant_urgent',
    'assign',
    'request_lawyer_change',
    'refuse_lawyer_change',
    'reassign',
    'start',
    'terminate',
    'close',
    'raise_objection',
    'uphold_objection',
    'reject_objection',
    'review_again',
    'restore_assignment',
  ]),
  note: z.string().trim().max(2000).optional(),
  reasons: z.string().trim().max(5000).optional(),
  items: z.array(z.string().trim().min(1).max(200)).max(30).optional(),
  supplementDays: z.number().int().min(1).max(90).optional(),
  urgentGround: z.string().trim().max(500).optional(),
  lawyerId: Id.optional(),
  ground: z.enum(Object.keys(TERMINATION_GROUNDS) as [string, ...string[]]).optional(),
  report: z.string().trim().max(10000).optional(),
  economicAmount: z.number().min(0).max(1e10).optional(),
  deliveryChannel: z.enum(['in_person', 'post', 'sms']).optional(),
  /** correct_competence: the office found competent. */
  agencyId: Id.optional(),
});
export type EventInput = z.infer<typeof EventSchema>;

const Score = z.number().int().min(0).max(100);
export const EvaluationSchema = z.strictObject({
  satisfaction: Score.optional(),
  fileScore: Score,
  hearingScore: Score.nullable().default(null),
  courtScore: Score.nullable().default(null),
});
export const CitizenFeedbackSchema = z.strictObject({
  satisfaction: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});
export const NoteSchema = z.strictObject({ body: z.string().trim().min(1).max(5000) });

export const PrecheckSchema = z.strictObject({
  answers: z.strictObject({
    category: z.string().max(40).optional(),
    matter: z.string().max(40).optional(),
    special: z.string().max(40).optional(),
    group: z.string().max(40).optional(),
    region: z.string().max(20).optional(),
    householdSize: z.number().int().min(1).max(30).optional(),
    monthlyIncome: z.number().min(0).max(10_000_000).optional(),
  }),
});

export const RosterSchema = z.strictObject({
  userId: Id,
  agencyId: Id.optional(),
  specialties: z.array(z.string().trim().min(1).max(30)).min(1).max(10),
  yearsExperience: z.number().int().min(0).max(60),
  famous: z.boolean().default(false),
  active: z.boolean().default(true),
  conflictParties: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
});

export const HardshipLineSchema = z.strictObject({
  region: z.enum(REGIONS),
  monthlyPerCapita: z.number().int().min(1).max(100_000),
  effectiveFrom: IsoDate,
  source: z.string().trim().min(2).max(200),
});

export const SettingsSchema = z.strictObject({
  dayMode: z.enum(['calendar', 'working']).optional(),
  supplementDays: z.number().int().min(1).max(90).optional(),
  objectionWindowDays: z.number().int().min(1).max(365).optional(),
});

export const LedgerQuery = z.strictObject({
  ...Pagination,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  status: z.string().max(40).optional(),
  agencyId: CoercedId.optional(),
  basis: z.enum(['commitment', 'proof', 'exempt']).optional(),
  q: z.string().trim().max(50).optional(),
  format: z.enum(['json', 'xlsx', 'csv']).default('json'),
  /** An unmasked export (staff only, with a stated purpose; audited as export_personal_data). */
  unmasked: z.enum(['true']).optional(),
  purpose: z.string().trim().min(4).max(200).optional(),
});
export type LedgerFilter = z.infer<typeof LedgerQuery>;

export const StatsQuery = z.strictObject({ from: IsoDate, to: IsoDate });
