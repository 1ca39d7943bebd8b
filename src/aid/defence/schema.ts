/** @module Request schemas of the 通知辩护 sub-area (zod, strict) and the Chinese names of their choices. */
import { z } from 'zod';
import { CoercedId, Id, IdNumber, IsoDate } from '../../core/schemas.js';
import { INFORM_METHODS } from './workflow.js';

export const ORGAN_TYPES = {
  police: '公安机关',
  procuratorate: '人民检察院',
  court: '人民法院',
  detention: '看守所等监管场所',
} as const;
export const STAGES = {
  investigation: '侦查',
  prosecution: '审查起诉',
  trial: '审判',
  death_review: '死刑复核',
} as const;
/** The circumstances under which the organ must notify the centre (Art. 25 ¶1, Art. 28) or another ground. */
export const GROUNDS = {
  minor: '未成年人（第二十五条第一款第一项）',
  disabled_senses: '视力、听力、言语残疾人（第二十五条第一款第二项）',
  mental: '不能完全辨认自己行为的成年人（第二十五条第一款第三项）',
  life_or_death: '可能被判处无期徒刑、死刑（第二十五条第一款第四项）',
  death_review: '申请法律援助的死刑复核案件被告人（第二十五条第一款第五项）',
  absent_trial: '缺席审判案件被告人（第二十五条第一款第六项）',
  other: '其他适用普通程序审理的刑事案件被告人（第二十五条第二款）等',
  victim_or_forward: '被羁押人申请法律援助（第三十九条转交）',
} as const;
/** Grounds on which only a lawyer of three years' practice may be assigned (Art. 26). */
export const LIFE_OR_DEATH_GROUNDS = new Set(['life_or_death', 'death_review']);
export const PLACE_TYPES = {
  court: '人民法院',
  procuratorate: '人民检察院',
  detention_centre: '看守所',
} as const;
export const DUTY_SERVICES = {
  consultation: '法律咨询',
  procedure_advice: '程序选择建议',
  plea: '认罪认罚见证、提出意见',
  custody_change: '申请变更强制措施',
  application_forwarded: '代为转交法律援助申请',
} as const;

const keys = <T extends object>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const text = (max: number) => z.string().trim().min(1).max(max);

export const NoticeSchema = z
  .strictObject({
    kind: z.enum(['notice', 'forward']),
    organType: z.enum(keys(ORGAN_TYPES)),
    organName: text(100),
    organContact: z.string().trim().max(50).optional(),
    noticeNo: z.string().trim().min(1).max(60).optional(),
    personName: text(50),
    personIdNumber: IdNumber.optional(),
    charge: z.string().trim().max(100).optional(),
    stage: z.enum(keys(STAGES)),
    ground: z.enum(keys(GROUNDS)),
    /** For a forwarded request: when the organ or the detention centre received it (ISO instant). */
    organReceivedAt: z.iso.datetime({ offset: true }).optional(),
    agencyId: Id.optional(),
  })
  .refine((n) => n.kind !== 'forward' || n.organReceivedAt, {
    message: '转交的申请须填写办案机关或监管场所收到申请的时间',
    path: ['organReceivedAt'],
  });
export type NoticeInput = z.infer<typeof NoticeSchema>;

export const NoticeEventSchema = z.strictObject({
  type: z.enum(['assign', 'reassign', 'inform']),
  lawyerId: Id.optional(),
  method: z.enum(keys(INFORM_METHODS)).optional(),
  note: z.string().trim().max(1000).optional(),
});

export const NoticeQuery = z.strictObject({
  status: z.enum(['received', 'assigned', 'informed']).optional(),
  overdue: z.enum(['true']).optional(),
  agencyId: CoercedId.optional(),
});

export const ShiftSchema = z.strictObject({
  lawyerId: Id,
  placeType: z.enum(keys(PLACE_TYPES)),
  placeName: text(100),
  onDate: IsoDate,
  period: z.enum(['am', 'pm']),
  agencyId: Id.optional(),
});

export const ShiftQuery = z.strictObject({ from: IsoDate, to: IsoDate });

export const ConsultationSchema = z.strictObject({
  personName: text(50),
  service: z.enum(keys(DUTY_SERVICES)),
  summary: text(2000),
});
