/**
 * @module Aid actions. `applyEvent` is the only code that writes an application's status: it runs the pure
 * `transition()`, then saves the record, the timeline step, the audit row and notifications in one transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { SessionUser } from '../core/session.js';
import type { AppContext } from '../core/context.js';
import { audit } from '../core/audit.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../core/errors.js';
import { consumeQuota, dayOf } from '../core/quota.js';
import type { Database } from '../db/schema.js';
import { pickLawyer, type Candidate } from './assignment.js';
import { deadline, localDate } from './clock.js';
import { cityAgencyId, competentAgencyId } from './competence.js';
import { MATTERS } from './precheck.js';
import { loadSettings } from './deadlines.js';
import {
  aidStore,
  countOpenCasesByLawyer,
  findAgencyId,
  findOpenDuplicate,
  insertApplication,
  insertNotification,
  listActiveRoster,
  loadApplication,
  ownIdNumbers,
  setRefNo,
} from './repository.js';
import type { ApplicationInput, EventInput } from './schema.js';
import type { AidApplication } from './tables.js';
import { BLANK_PROGRESS } from './blank.js';
import { transition } from './transition.js';
import { commitTransition } from '../core/transition-save.js';
import { transitionError } from '../core/workflow.js';
import { enqueueNotification } from '../notify/index.js';
import {
  DELIVERY_CHANNELS,
  type Actor,
  type AidEvent,
  type Effect,
  type Party,
} from './workflow.js';
import { linkReferral } from './referral-link.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * How the user relates to this application, which decides the workflow rows she may fire. The 司法行政部门
 * that set up the holding centre is `bureau` (Art. 49 objections are its): the city bureau for the city
 * centre's cases, the district bureau for its district centre's; the city bureau on a district case is
 * `admin`, which may act as an officer but leaves the objection to the district.
 */
export function partyOf(user: SessionUser, a: AidApplication, cityId: number | null): Party | null {
  if (user.role === 'admin') return a.agency_id === cityId ? 'bureau' : 'admin';
  if (user.role === 'justice_bureau' && user.agencyId === a.agency_id && a.agency_id !== cityId)
    return 'bureau';
  if (user.role === 'aid_officer' && user.agencyId === a.agency_id) return 'officer';
  if (user.role === 'aid_lawyer' && a.assigned_lawyer_id === user.id) return 'lawyer';
  if (user.role === 'citizen' && a.applicant_user_id === user.id) return 'applicant';
  return null;
}

export { loadApplication };

/** Creates the record (online by the citizen; at the window or orally by an officer) and submits it. */
export async function createApplication(
  ctx: AppContext,
  user: SessionUser,
  input: ApplicationInput,
  ip: string | null,
): Promise<AidApplication> {
  const officer = user.role === 'aid_officer' || user.role === 'admin';
  if (!officer && user.role !== 'citizen') throw forbidden();
  checkHardship(input);
  if (input.preferredLawyerIds.length === 1)
    throw badRequest('preferred_lawyers_too_few', '点援制须选择两名以上律师');
  const competent = await competentAgencyId(ctx.db, input.handlingDistrict);
  const receiving = officer
    ? (user.agencyId ?? input.receivingAgencyId ?? competent)
    : (input.receivingAgencyId ?? competent);
  const agency = await findAgencyId(ctx.db, receiving);
  if (!agency) throw badRequest('agency_not_found', '指定的法律援助机构不存在');
  if (!officer) await refuseOthersId(ctx, user.id, input);
  if (!input.confirmDuplicate) await refuseRepeat(ctx, officer ? null : user.id, input);
  const now = ctx.now();
  const iso = now.toISOString();
  const h = input.hardship;
  return ctx.db.transaction().execute(async (trx) => {
    // Officers file for walk-in applicants; the daily allowance is a citizen's own.
    if (!officer)
      await consumeQuota(
        trx,
        {
          subject: `user:${user.id}`,
          kind: 'aid_applications',
          period: dayOf(now),
          amount: 1,
          limit: ctx.config.AID_APPLICATIONS_PER_DAY,
        },
        `每个账户每天最多提交 ${ctx.config.AID_APPLICATIONS_PER_DAY} 份法律援助申请，请明天再试`,
      );
    const id = await insertApplication(trx, {
      ref_no: null,
      status: 'draft',
      channel: officer ? (input.channel === 'oral' ? 'oral' : 'window') : 'online',
      applicant_user_id: officer ? null : user.id,
      created_by: user.id,
      applicant_name: input.applicant.name,
      applicant_id_number: input.applicant.idNumber.toUpperCase(),
      applicant_phone: input.applicant.phone,
      applicant_address: input.applicant.address ?? null,
      proxy_name: input.proxy?.name ?? null,
      proxy_relation: input.proxy?.relation ?? null,
      proxy_id_number: input.proxy?.idNumber.toUpperCase() ?? null,
      adverse_party: input.adverseParty || null,
      case_type: input.caseType,
      case_category: input.caseCategory,
      case_facts: input.caseFacts,
      is_litigation: input.isLitigation ? 1 : 0,
      handling_organ: input.handlingOrgan ?? null,
      handling_district: input.handlingDistrict,
      max_penalty_life_or_death: input.lifeOrDeath ? 1 : 0,
      hardship_basis: h.basis,
      commitment_name: h.basis === 'commitment' ? h.signedName : null,
      commitment_at: h.basis === 'commitment' ? iso : null,
      exempt_article: h.basis === 'exempt' ? h.article : null,
      household_size: input.householdSize ?? null,
      household_monthly_income: input.monthlyIncome ?? null,
      home_service: input.homeService ? 1 : 0,
      preferred_lawyer_ids: JSON.stringify(input.preferredLawyerIds),
      received_agency_id: receiving,
      agency_id: receiving,
      competent_agency_id: competent,
      received_at: iso,
      ...BLANK_PROGRESS,
      created_at: iso,
      updated_at: iso,
    });
    const refNo = `武援申〔${now.getUTCFullYear()}〕${String(id).padStart(6, '0')}号`;
    await setRefNo(trx, id, refNo);
    await linkReferral(trx, id, input.referralId, user);
    await audit(
      trx,
      { actor: user, action: 'create', entity: 'aid_application', entityId: id, ip },
      now,
    );
    const row = (await loadApplication(trx, id))!;
    const actor: Actor = {
      party: officer ? 'officer' : 'applicant',
      userId: user.id,
      role: user.role,
    };
    return applyInTrx(
      trx,
      row,
      actor,
      user,
      { type: 'submit', note: input.channel === 'oral' ? '口头申请，工作人员记录' : undefined },
      now,
      ip,
    );
  });
}

/**
 * Art. 40: an account applies for its own matter, or as a proxy it records (name, relation, ID). Accounts
 * carry no ID number, so "its own" is the one it applied under before without a proxy; an account's first
 * application fixes it.
 */
async function refuseOthersId(ctx: AppContext, userId: number, input: ApplicationInput) {
  if (input.proxy) return;
  const own = await ownIdNumbers(ctx.db, userId);
  if (own.length > 0 && !own.includes(input.applicant.idNumber.toUpperCase()))
    throw badRequest(
      'aid_own_id_only',
      '该账户此前以另一身份证号为本人申请过法律援助；为他人申请的，请填写代理人信息及与申请人的关系（第四十条）',
    );
}

/**
 * A second, identical application while the first is open is most often a double tap or a retry: answer
 * 409 with the first one's number so the citizen can look it up, unless she confirms (confirmDuplicate).
 */
async function refuseRepeat(ctx: AppContext, owner: number | null, input: ApplicationInput) {
  const dup = await findOpenDuplicate(ctx.db, {
    idNumber: input.applicant.idNumber.toUpperCase(),
    caseType: input.caseType,
    caseFacts: input.caseFacts,
    ownerUserId: owner,
  });
  if (dup)
    throw conflict(
      'duplicate_application',
      `已有一份相同的申请正在办理（${dup.ref_no ?? `#${dup.id}`}），请勿重复提交；确需再次提交的，请确认后提交`,
      { existingId: dup.id, refNo: dup.ref_no },
    );
}

/**
 * Why an exemption article does not fit the matter, or null when it does: Art. 25 covers only the accused
 * whom the organs must notify us of; Art. 42(三) only 进城务工人员 claiming 劳动报酬 or 工伤 damages; Art. 32
 * protects rights (英雄烈士, 见义勇为, 国家赔偿 after acquittal, 家暴 victims), never a defence.
 */
export function exemptionMismatch(input: ApplicationInput): string | null {
  const h = input.hardship;
  if (h.basis !== 'exempt') return null;
  const defence = input.caseCategory === 'criminal_defence';
  if (h.article === '第二十五条' && !defence)
    return '第二十五条只适用于应当通知辩护的犯罪嫌疑人、被告人';
  if (h.article === '第四十二条第三项' && !LABOUR_MATTERS.has(input.caseType))
    return '第四十二条第三项只适用于进城务工人员请求支付劳动报酬或者工伤赔偿';
  if (h.article === '第三十二条' && defence)
    return '第三十二条所列情形不适用于刑事辩护，请选择第二十五条或其他依据';
  return null;
}
const LABOUR_MATTERS = new Set(MATTERS.filter((m) => m.labour).map((m) => m.value));

function checkHardship(input: ApplicationInput): void {
  const mismatch = exemptionMismatch(input);
  if (mismatch) throw badRequest('exemption_mismatch', mismatch);
  const h = input.hardship;
  if (h.basis !== 'commitment') return;
  if (h.signedName !== input.applicant.name && h.signedName !== input.proxy?.name)
    throw badRequest(
      'commitment_name_mismatch',
      '承诺书须由申请人（或代理人）本人签名，签名应与姓名一致',
    );
}

/** Fires one workflow event for a signed-in user, or for the system sweep when `user` is null. */
export async function applyEvent(
  ctx: AppContext,
  id: number,
  user: SessionUser | null,
  input: EventInput | { type: 'evaluate' },
  ip: string | null = null,
  /** Extra writes that belong to the same step (e.g. the 一案一评 record), run in the same transaction. */
  also?: (trx: Transaction<Database>, a: AidApplication) => Promise<void>,
): Promise<AidApplication> {
  const now = ctx.now();
  const settings = await loadSettings(ctx.db);
  return ctx.db.transaction().execute(async (trx) => {
    const a = await loadApplication(trx, id);
    if (!a) throw notFound('申请');
    const party: Party | null = user ? partyOf(user, a, await cityAgencyId(trx)) : 'system';
    if (!party) throw notAParty(user, a, input.type);
    const inp = input as EventInput;
    if (
      inp.type === 'correct_competence' &&
      inp.agencyId &&
      !(await findAgencyId(trx, inp.agencyId))
    )
      throw badRequest('agency_not_found', '指定的法律援助机构不存在');
    const { supplementDays, ...rest } = inp;
    const ev: AidEvent = { ...rest, objectionWindowDays: settings.objectionWindowDays };
    // 补正: the period from today; a notice delivered later (record_delivery) runs its period from then.
    if (
      inp.type === 'request_supplement' ||
      inp.type === 'record_delivery' ||
      inp.type === 'accept_tolerant'
    )
      ev.supplementDeadline =
        deadline({
          start: localDate(now),
          days: supplementDays ?? settings.supplementDays,
          mode: settings.dayMode,
        }) ?? undefined;
    if (
      (inp.type === 'assign' || inp.type === 'reassign') &&
      (party === 'officer' || party === 'bureau')
    )
      Object.assign(ev, await chooseLawyer(trx, a, inp.lawyerId));
    const actor: Actor = { party, userId: user?.id ?? null, role: user?.role ?? 'system' };
    const updated = await applyInTrx(trx, a, actor, user, ev, now, ip);
    if (also) await also(trx, updated);
    return updated;
  });
}

async function applyInTrx(
  trx: Transaction<Database>,
  a: AidApplication,
  actor: Actor,
  user: SessionUser | null,
  ev: AidEvent,
  now: Date,
  ip: string | null,
): Promise<AidApplication> {
  const r = transition(a, ev, actor, now);
  if (!r.ok) throw transitionError(r, a.status, ev.type);
  const iso = now.toISOString();
  const updated = { ...a, ...r.patch, status: r.next, updated_at: iso };
  await commitTransition(trx, aidStore(updated.agency_id), {
    id: a.id,
    event: ev.type,
    step: r,
    actor: user,
    actorRole: actor.role,
    now,
    ip,
    note: stepNote(ev),
  });
  await notify(trx, updated, ev.type, r.effects, now);
  return updated;
}

/**
 * Why a user who is no party may not act: 404 for a record she may not see, but 409 for the receiving
 * agency's officers after a transfer (they received it, so it exists for them; it is just no longer theirs).
 */
function notAParty(user: SessionUser | null, a: AidApplication, event: string): AppError {
  const received = user?.role === 'aid_officer' && user.agencyId === a.received_agency_id;
  if (!received) return notFound('申请');
  return conflict('invalid_transition', '该申请已转交有管辖权的法律援助机构办理', {
    from: a.status,
    event,
  });
}

function stepNote(ev: AidEvent): string | null {
  const parts = [
    ev.note,
    ev.reasons,
    ev.urgentGround,
    ev.report && '已提交办理情况报告',
    ev.type === 'record_delivery' && ev.deliveryChannel
      ? `送达方式：${DELIVERY_CHANNELS[ev.deliveryChannel]}`
      : undefined,
    ev.items?.length ? `需补充：${ev.items.join('；')}（${ev.supplementDeadline} 前）` : undefined,
  ];
  const s = parts.filter((p): p is string => !!p && p.trim().length > 0).join('；');
  return s || null;
}

/**
 * The step's messages: to the office and the lawyer in the aid lists; to the applicant through the one
 * outbox — the inbox for an account, SMS to the phone on the application either way — so a window
 * applicant without an account hears of a 补正 or a decision too (Art. 43 ¶2).
 */
async function notify(
  trx: Transaction<Database>,
  a: AidApplication,
  event: string,
  effects: Effect[],
  now: Date,
): Promise<void> {
  const iso = now.toISOString();
  for (const e of effects) {
    const message = `${a.ref_no ?? ''} ${e.message}`.trim();
    if (e.kind === 'notify_applicant') {
      await enqueueNotification(
        trx,
        {
          kind: `aid.${event}`,
          userId: a.applicant_user_id,
          phone: a.applicant_phone,
          title: '法律援助申请进展',
          body: `您的法律援助申请${message}`,
          refType: 'aid_application',
          refId: a.id,
          dedupeKey: `aid.${event}:${a.id}:${iso}`,
        },
        now,
      );
      continue;
    }
    const target =
      e.kind === 'notify_agency'
        ? { agency_id: a.agency_id, user_id: null }
        : { agency_id: null, user_id: a.assigned_lawyer_id };
    if (target.agency_id === null && target.user_id === null) continue;
    await insertNotification(trx, {
      ...target,
      application_id: a.id,
      kind: e.kind,
      message,
      due_date: null,
      created_at: iso,
      read_at: null,
    });
  }
}

/** Candidates from the agency's roster with their open load. */
export async function rosterCandidates(db: Db, agencyId: number): Promise<Candidate[]> {
  const rows = await listActiveRoster(db, agencyId);
  const loads = await countOpenCasesByLawyer(db);
  const load = new Map(loads.map((l) => [l.assigned_lawyer_id, Number(l.n)]));
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.display_name,
    specialties: JSON.parse(r.specialties) as string[],
    yearsExperience: r.years_experience,
    famous: r.famous === 1,
    conflictParties: JSON.parse(r.conflict_parties) as string[],
    openLoad: load.get(r.user_id) ?? 0,
  }));
}

/** The specialty a case needs, from its category and type. */
export const specialtyOf = (a: Pick<AidApplication, 'case_category' | 'case_type'>): string =>
  a.case_category.startsWith('criminal')
    ? 'criminal'
    : ['labour_pay', 'injury', 'social_insurance'].includes(a.case_type)
      ? 'labour'
      : a.case_category === 'administrative'
        ? 'administrative'
        : 'civil';

async function chooseLawyer(
  trx: Transaction<Database>,
  a: AidApplication,
  requested?: number,
): Promise<{ lawyerId: number; byChoice: boolean }> {
  const roster = (await rosterCandidates(trx, a.agency_id)).filter(
    (c) => c.userId !== a.assigned_lawyer_id,
  );
  const need = {
    specialty: specialtyOf(a),
    lifeOrDeath: a.max_penalty_life_or_death === 1,
    adverseParty: a.adverse_party,
    preferred: JSON.parse(a.preferred_lawyer_ids) as number[],
  };
  if (requested) {
    const c = roster.find((x) => x.userId === requested);
    if (!c)
      throw badRequest('lawyer_not_on_roster', '该律师不在本机构法律援助人员名册中或不可指派');
    const picked = pickLawyer([c], { ...need, preferred: [] });
    if (!picked)
      throw AppError.of('lawyer_excluded', '该律师不符合承办条件（第二十六条或利益冲突）');
    return {
      lawyerId: requested,
      byChoice: need.preferred.length >= 2 && need.preferred.includes(requested),
    };
  }
  const p = pickLawyer(roster, need);
  if (!p) throw conflict('no_lawyer_available', '本机构名册中暂无符合条件的法律援助人员');
  return { lawyerId: p.lawyer.userId, byChoice: p.byChoice };
}
