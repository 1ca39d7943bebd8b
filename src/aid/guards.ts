/**
 * @module The legal-aid workflow's named guards. Each returns null when satisfied, or why not (a Chinese
 * reason, or a code of its own). RECORD_GUARDS read only the record, so the UI can leave out an action
 * they would refuse (e.g. 受理 at an office that is not competent) instead of offering a button that fails.
 */
import type { Guard as CoreGuard } from '../core/workflow.js';
import { localDate } from './clock.js';
import type { AidApplication } from './tables.js';
import { TERMINATION_GROUNDS, type AidEvent } from './workflow-types.js';

export type Guard = CoreGuard<AidApplication, AidEvent>;

const text = (s: string | undefined) => (s ?? '').trim().length > 0;

const RECORD: Record<string, Guard> = {
  notAtCompetentAgency: (a) =>
    a.agency_id !== a.competent_agency_id ? null : '本机构即为有管辖权的受理机构，无需转交',
  // Art. 38: only the competent office accepts, decides or grants 先行提供; a receiving office forwards.
  atCompetentAgency: (a) =>
    a.agency_id === a.competent_agency_id
      ? null
      : {
          code: 'aid_not_competent',
          message: '本机构对该事项没有管辖权（第三十八条），请转交有管辖权的法律援助机构',
        },
  // Art. 43 ¶2: the missing papers are told 一次性 — one notice (补正 or the 容缺 list), never a second.
  firstSupplement: (a) =>
    a.supplement_count === 0 && a.tolerant_items === null
      ? null
      : {
          code: 'aid_supplement_once',
          message: '补正通知只能一次性告知，本申请已告知过需补充的材料',
        },
  // 视为撤回 is a consequence of a notice the applicant received, never of one sent into the void.
  supplementDelivered: (a) =>
    a.supplement_delivered_at
      ? null
      : { code: 'aid_notice_undelivered', message: '补正通知尚未送达申请人，不能视为撤回' },
  papersOutstanding: (a) =>
    a.tolerant_items !== null && a.tolerant_completed_at === null
      ? null
      : '本申请没有容缺受理后待补交的材料',
  wasTerminatedWithLawyer: (a) =>
    a.terminated_at && a.assigned_lawyer_id
      ? null
      : '只有终止援助后异议成立的案件才能恢复原法律援助人员承办',
};

const PAYLOAD: Record<string, Guard> = {
  hasMissingItems: (_a, e) =>
    e.items && e.items.filter((i) => i.trim()).length > 0 && e.supplementDeadline
      ? null
      : '须一次性列明全部需补充的材料并设定期限',
  supplementDeadlinePassed: (a, _e, now) =>
    a.supplement_deadline && localDate(now) > a.supplement_deadline ? null : '补正期限尚未届满',
  hasDeliveryChannel: (_a, e) =>
    e.deliveryChannel ? null : '请选择送达方式（当面领取、邮寄或短信）',
  hasReasons: (_a, e) => (text(e.reasons) ? null : '须写明决定理由'),
  hasNewCompetentAgency: (a, e) =>
    e.agencyId && e.agencyId !== a.competent_agency_id
      ? null
      : '请选择经更正后有管辖权的法律援助机构（应与原机构不同）',
  hasUrgentGround: (_a, e) =>
    text(e.urgentGround) ? null : '先行提供法律援助须写明紧急情形（第四十四条）',
  hasLawyer: (_a, e) => (e.lawyerId ? null : '须指定法律援助人员'),
  validTerminationGround: (_a, e) =>
    e.ground && e.ground in TERMINATION_GROUNDS && text(e.reasons)
      ? null
      : '终止须依第四十八条所列情形并说明理由',
  hasClosingReport: (_a, e) => (text(e.report) ? null : '结案须提交办理情况报告（第五十条）'),
  hasObjectionText: (_a, e) => (text(e.note) ? null : '请写明异议内容和理由'),
  withinObjectionWindow: (a, e, now) => {
    const since = a.terminated_at ?? a.decided_at;
    if (!since || e.objectionWindowDays === undefined) return null;
    const days = (now.getTime() - Date.parse(since)) / 86_400_000;
    return days <= e.objectionWindowDays
      ? null
      : `已超过提出异议的期限（${e.objectionWindowDays}日）`;
  },
  hasChangeReason: (_a, e) => (text(e.note) ? null : '请说明更换法律援助人员的理由'),
};

/** Guards by name. */
export const GUARDS: Record<string, Guard> = { ...RECORD, ...PAYLOAD };
/** The guards that read only the record (see the module note). */
export const RECORD_GUARDS: ReadonlySet<string> = new Set(Object.keys(RECORD));
