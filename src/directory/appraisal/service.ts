/** @module 司法鉴定 case actions: register a commission (统一赋码) and apply workflow events; each change is an audit row. */
import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../core/session.js';
import { audit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import { AppError, badRequest, notFound } from '../../core/errors.js';
import { feeWaiverCheck } from '../notary/fee-waiver.js';
import { findEntry } from '../repository.js';
import { addWorkdays, chinaDate } from '../workdays.js';
import { appraisalStore, findCase } from './repository.js';
import {
  ACCEPT_WORKDAYS,
  ACCEPT_WORKDAYS_BY_LETTER,
  appraisalWorkflow,
  type AppraisalEvent,
} from './workflow.js';
import { commitTransition } from '../../core/transition-save.js';

/** 统一赋码: WHSJ-<year of commission>-<six-digit serial>. The serial is the row id, so it is unique without a counter to race on. */
export const caseCode = (year: string, id: number) => `WHSJ-${year}-${String(id).padStart(6, '0')}`;

export interface NewCase {
  institutionId: number;
  category: string;
  commissioner: string;
  summary: string;
  commissionedOn: string;
  byLetter: boolean;
  aidRecipient?: { idNumber: string; verificationCode: string } | undefined;
}

export async function registerCase(
  ctx: AppContext,
  actor: SessionUser,
  c: NewCase,
): Promise<{ id: number; code: string }> {
  const inst = await findEntry(ctx.db, c.institutionId);
  if (!inst || inst.kind !== 'appraisal_institution') throw notFound('司法鉴定机构');
  if (c.commissionedOn > chinaDate(ctx.now()))
    throw badRequest('date_in_future', '委托日期不能晚于今天');
  // Art. 53 relief on the recipient's own decision code; a code that does not fit is refused, not ignored.
  const feeWaiver = !!c.aidRecipient && (await feeWaiverCheck(ctx.db, { ...c.aidRecipient }));
  if (c.aidRecipient && !feeWaiver) throw AppError.of('aid_code_invalid');
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('appraisal_cases')
      .values({
        code: `PENDING-${randomUUID()}`,
        institution_id: c.institutionId,
        category: c.category,
        commissioner: c.commissioner,
        summary: c.summary,
        stage: 'commissioned',
        by_letter: c.byLetter ? 1 : 0,
        commissioned_on: c.commissionedOn,
        accept_due_on: addWorkdays(
          c.commissionedOn,
          c.byLetter ? ACCEPT_WORKDAYS_BY_LETTER : ACCEPT_WORKDAYS,
        ),
        accepted_on: null,
        due_on: null,
        extension_days: 0,
        opinion_on: null,
        archived_on: null,
        fee_waiver: feeWaiver ? 1 : 0,
        fee_waiver_basis: feeWaiver ? '法律援助决定书核验' : null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const code = caseCode(c.commissionedOn.slice(0, 4), r.id);
    await trx.updateTable('appraisal_cases').set({ code }).where('id', '=', r.id).execute();
    await audit(
      trx,
      {
        actor,
        action: 'create',
        entity: 'appraisal_case',
        entityId: r.id,
        detail: { code, institutionId: c.institutionId, feeWaiver },
      },
      ctx.now(),
    );
    return { id: r.id, code };
  });
}

export async function applyEvent(
  ctx: AppContext,
  actor: SessionUser,
  id: number,
  event: AppraisalEvent,
  days?: number,
  note?: string,
): Promise<void> {
  const c = await findCase(ctx.db, id);
  if (!c) throw notFound('鉴定案件');
  const now = ctx.now();
  const step = appraisalWorkflow.step(c, { type: event, days }, 'institution', now);
  await ctx.db.transaction().execute(async (trx) => {
    await commitTransition(trx, appraisalStore(c.extension_days), {
      id,
      event,
      step,
      actor,
      now,
      detail: { days: days ?? null, note: note ?? null },
    });
  });
}
