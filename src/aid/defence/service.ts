/** @module The 通知辩护 operations: register a notice, assign / reassign / inform (the one engine and save), duty shifts. */
import type { Transaction } from 'kysely';
import { audit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import { AppError, badRequest } from '../../core/errors.js';
import type { SessionUser } from '../../core/session.js';
import { commitTransition } from '../../core/transition-save.js';
import { isUniqueViolation } from '../../db/faults.js';
import type { Database } from '../../db/schema.js';
import { enqueueNotification } from '../../notify/service.js';
import { defenceDueOn } from './clock.js';
import {
  activeRosterEntry,
  defenceStore,
  findNotice,
  insertConsultation,
  insertNotice,
  insertShift,
} from './repository.js';
import { LIFE_OR_DEATH_GROUNDS, type NoticeInput } from './schema.js';
import type { AidDefenceNotice } from './tables.js';
import { defenceWorkflow, type DefenceEvent } from './workflow.js';

/** Runs `write`; a unique-constraint refusal becomes the given 409 (after the transaction rolled back). */
async function uniquely<T>(
  write: () => Promise<T>,
  code: 'defence_notice_exists' | 'duty_shift_taken',
) {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw AppError.of(code);
    throw err;
  }
}

export async function registerNotice(
  ctx: AppContext,
  user: SessionUser,
  agencyId: number,
  n: NoticeInput,
  ip: string | null,
): Promise<number> {
  const now = ctx.now().toISOString();
  return uniquely(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const id = await insertNotice(trx, {
          kind: n.kind,
          organ_type: n.organType,
          organ_name: n.organName,
          organ_contact: n.organContact ?? null,
          notice_no: n.noticeNo ?? null,
          person_name: n.personName,
          person_id_number: n.personIdNumber ?? null,
          charge: n.charge ?? null,
          stage: n.stage,
          ground: n.ground,
          agency_id: agencyId,
          organ_received_at: n.organReceivedAt ? new Date(n.organReceivedAt).toISOString() : null,
          received_at: now,
          due_on: defenceDueOn(now),
          status: 'received',
          lawyer_id: null,
          assigned_at: null,
          informed_at: null,
          inform_method: null,
          inform_note: null,
          created_by: user.id,
          created_at: now,
          updated_at: now,
        });
        await audit(
          trx,
          { actor: user, action: 'create', entity: 'aid_defence_notice', entityId: id, ip },
          ctx.now(),
        );
        return id;
      }),
    'defence_notice_exists',
  );
}

/** The lawyer must be active on the agency's roster; life-or-death cases need three years (Art. 26). */
async function checkLawyer(ctx: AppContext, n: AidDefenceNotice, lawyerId: number | undefined) {
  if (!lawyerId) return;
  const entry = await activeRosterEntry(ctx.db, n.agency_id, lawyerId);
  if (!entry) throw badRequest('lawyer_not_on_roster');
  if (LIFE_OR_DEATH_GROUNDS.has(n.ground) && entry.years_experience < 3)
    throw badRequest(
      'lawyer_excluded',
      '可能判处无期徒刑、死刑的案件须指派具有三年以上刑事辩护经历的律师（第二十六条）',
    );
}

/** The assigned lawyer and (where it gave a mobile number) the organ hear of the assignment (Art. 36). */
async function notifyAssigned(
  trx: Transaction<Database>,
  n: AidDefenceNotice,
  lawyerId: number,
  now: Date,
): Promise<void> {
  const what = `${n.organ_name}${n.notice_no ? `（${n.notice_no}）` : ''}`;
  const common = { kind: 'aid.defence_assigned', refType: 'aid_defence_notice', refId: n.id };
  await enqueueNotification(
    trx,
    {
      ...common,
      userId: lawyerId,
      title: '法律援助指派',
      body: `您已被指派承办${what}通知的法律援助案件，请于${n.due_on}前与办案机关联系。`,
      dedupeKey: `aid.defence_assigned:${n.id}:${lawyerId}`,
    },
    now,
  );
  if (n.organ_contact)
    await enqueueNotification(
      trx,
      {
        ...common,
        phone: n.organ_contact,
        title: '法律援助机构指派通知',
        body: `贵机关${n.notice_no ? `（${n.notice_no}）` : ''}通知的法律援助案件已指派律师承办，指派函随后送达。`,
        dedupeKey: `aid.defence_assigned:${n.id}:${lawyerId}:organ`,
      },
      now,
    );
}

export async function fireNoticeEvent(
  ctx: AppContext,
  user: SessionUser,
  n: AidDefenceNotice,
  e: DefenceEvent,
  ip: string | null,
): Promise<AidDefenceNotice> {
  await checkLawyer(ctx, n, e.lawyerId);
  const now = ctx.now();
  const step = defenceWorkflow.step(n, e, 'officer', now);
  await ctx.db.transaction().execute(async (trx) => {
    await commitTransition(trx, defenceStore(n), {
      id: n.id,
      event: e.type,
      step,
      actor: user,
      now,
      ip,
      note: e.note ?? null,
      detail: e.lawyerId ? { lawyerId: e.lawyerId } : {},
    });
    if (e.lawyerId) await notifyAssigned(trx, n, e.lawyerId, now);
  });
  return (await findNotice(ctx.db, n.id))!;
}

export async function addShift(
  ctx: AppContext,
  user: SessionUser,
  agencyId: number,
  s: { lawyerId: number; placeType: string; placeName: string; onDate: string; period: string },
  ip: string | null,
): Promise<number> {
  if (!(await activeRosterEntry(ctx.db, agencyId, s.lawyerId)))
    throw badRequest('lawyer_not_on_roster');
  return uniquely(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const id = await insertShift(trx, {
          agency_id: agencyId,
          lawyer_id: s.lawyerId,
          place_type: s.placeType,
          place_name: s.placeName,
          on_date: s.onDate,
          period: s.period,
          created_by: user.id,
          created_at: ctx.now().toISOString(),
        });
        await audit(
          trx,
          { actor: user, action: 'create', entity: 'aid_duty_shift', entityId: id, ip },
          ctx.now(),
        );
        return id;
      }),
    'duty_shift_taken',
  );
}

export async function recordConsultation(
  ctx: AppContext,
  user: SessionUser,
  shiftId: number,
  c: { personName: string; service: string; summary: string },
): Promise<number> {
  return insertConsultation(ctx.db, {
    shift_id: shiftId,
    at: ctx.now().toISOString(),
    person_name: c.personName,
    service: c.service,
    summary: c.summary,
    created_by: user.id,
  });
}
