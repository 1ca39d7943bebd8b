/** @module Complaint operations: file (the recipient online, or staff at the window), and the bureau's steps on the one engine. */
import { audit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { SessionUser } from '../../core/session.js';
import { commitTransition } from '../../core/transition-save.js';
import { enqueueNotification } from '../../notify/service.js';
import { RESULTS } from './workflow.js';
import type { AidApplication } from '../tables.js';
import {
  complaintStore,
  findComplaint,
  insertComplaint,
  type ComplaintView,
} from './repository.js';
import type { ComplaintInput } from './schema.js';
import { complaintWorkflow, type ComplaintEvent } from './workflow.js';

/** Who files: the applicant's own account online, or an officer of the case's agency / the bureau at the window. */
function filer(user: SessionUser, a: AidApplication) {
  if (user.role === 'citizen') {
    if (a.applicant_user_id !== user.id) throw AppError.of('complaint_not_allowed');
    return { channel: 'online', recordedBy: null };
  }
  if (user.role === 'admin' || (user.role === 'aid_officer' && user.agencyId === a.agency_id))
    return { channel: 'window', recordedBy: user.id };
  throw AppError.of('complaint_not_allowed');
}

export async function fileComplaint(
  ctx: AppContext,
  user: SessionUser,
  a: AidApplication,
  c: ComplaintInput,
  ip: string | null,
): Promise<number> {
  const by = filer(user, a);
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertComplaint(trx, {
      application_id: a.id,
      lawyer_id: a.assigned_lawyer_id,
      complainant_user_id: a.applicant_user_id,
      recorded_by: by.recordedBy,
      channel: by.channel,
      complainant_name: c.complainantName ?? a.applicant_name,
      complainant_phone: c.complainantPhone ?? a.applicant_phone,
      subject: c.subject,
      body: c.body,
      status: 'filed',
      agency_id: a.agency_id,
      filed_at: now,
      accepted_at: null,
      refused_reason: null,
      findings: null,
      investigated_at: null,
      result: null,
      conclusion: null,
      concluded_at: null,
      told_at: null,
      told_method: null,
      created_at: now,
      updated_at: now,
    });
    await audit(
      trx,
      {
        actor: user,
        action: 'create',
        entity: 'aid_complaint',
        entityId: id,
        detail: { applicationId: a.id, channel: by.channel },
        ip,
      },
      ctx.now(),
    );
    return id;
  });
}

/** The message the complainant receives: the refusal's reason, or the conclusion. */
export function complaintResultText(c: ComplaintView): string {
  if (c.status === 'refused') return `您的投诉不予受理。理由：${c.refused_reason ?? ''}`;
  const result = RESULTS[c.result as keyof typeof RESULTS] ?? '';
  return `您的投诉已处理：${result}。${c.conclusion ?? ''}`;
}

export async function fireComplaintEvent(
  ctx: AppContext,
  user: SessionUser,
  c: ComplaintView,
  e: ComplaintEvent,
  ip: string | null,
): Promise<ComplaintView> {
  const now = ctx.now();
  const step = complaintWorkflow.step(c, e, 'bureau', now);
  await ctx.db.transaction().execute(async (trx) => {
    await commitTransition(trx, complaintStore(c), {
      id: c.id,
      event: e.type,
      step,
      actor: user,
      now,
      ip,
      note: e.text ?? null,
    });
    // Art. 56: the complainant is told the result, in the same transaction as the step that records it.
    if (e.type === 'tell')
      await enqueueNotification(
        trx,
        {
          kind: 'aid.complaint_result',
          userId: c.complainant_user_id,
          phone: c.complainant_phone,
          title: '投诉处理结果',
          body: complaintResultText(c),
          refType: 'aid_complaint',
          refId: c.id,
          dedupeKey: `aid.complaint_result:${c.id}`,
        },
        now,
      );
  });
  return (await findComplaint(ctx.db, c.id))!;
}
