/** @module Consultation actions: ask, reply, claim from the pool, classify (with legal-aid referral), rate. */
import type { SessionUser } from '../core/session.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError, conflict } from '../core/errors.js';
import { publish, type LiveEvent } from './live.js';
import { getTranscript } from '../qa/service.js';
import { findNameAndPhone } from '../auth/repository.js';
import {
  addEvent,
  getSettings,
  lawyerIdsOf,
  questionStore,
  type QuestionRow,
} from './repository.js';
import {
  claimFromHotline,
  claimFromPool,
  confirmDraftReferral,
  findCommunityPlace,
  findQuestion,
  findReferralOfQuestion,
  insertMessage,
  insertQuestion,
  insertReferral,
  rateOnce,
  setCategory,
} from './thread-repository.js';
import { commitTransition } from '../core/transition-save.js';
import { questionWorkflow } from './workflow.js';
import { noticeAsked, noticeReplied } from './notices.js';
import { getProfile } from './geography.js';
import type { QuestionCategory } from './tables.js';

/** The 智能问答 transcript of a conversation the user may read (the Q&A area's hand-off contract). */
async function loadTranscript(ctx: AppContext, user: SessionUser, conversationId: string) {
  try {
    return JSON.stringify(await getTranscript(ctx, conversationId, user));
  } catch (e) {
    if (e instanceof AppError && e.status < 500)
      throw AppError.of('conversation_not_found', '未找到该智能问答记录，或该记录不属于您');
    throw e;
  }
}

function liveEvent(type: LiveEvent['type'], q: QuestionRow, at: string): LiveEvent {
  return {
    type,
    questionId: q.id,
    communityId: q.community_id,
    citizenId: q.citizen_id,
    stage: q.stage,
    status: q.status,
    claimedBy: q.claimed_by,
    at,
  };
}

async function reload(ctx: AppContext, id: number): Promise<QuestionRow> {
  return findQuestion(ctx.db, id);
}

/** A resident asks; the question goes to her community's lawyers and the escalation clock starts. */
export async function ask(
  ctx: AppContext,
  user: SessionUser,
  input: { body: string; conversationId?: string | undefined },
): Promise<QuestionRow> {
  const profile = await getProfile(ctx, user.id);
  if (!profile) throw AppError.of('community_required', '请先选择您所在的社区（村）');
  const transcript = input.conversationId
    ? await loadTranscript(ctx, user, input.conversationId)
    : null;
  const now = ctx.now();
  const nowIso = now.toISOString();
  const [settings, lawyers] = await Promise.all([
    getSettings(ctx.db),
    lawyerIdsOf(ctx.db, profile.communityId),
  ]);
  // With no lawyer assigned the clock is already due: the next sweep offers it to the pool.
  const due = lawyers.length ? now.getTime() + settings.pool_after_minutes * 60_000 : now.getTime();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const questionId = await insertQuestion(trx, {
      citizen_id: user.id,
      community_id: profile.communityId,
      body: input.body,
      transcript,
      conversation_id: input.conversationId ?? null,
      stage: 'community',
      status: 'open',
      claimed_by: null,
      claimed_at: null,
      next_escalation_at: new Date(due).toISOString(),
      first_response_at: null,
      first_responder_id: null,
      category: null,
      rating: null,
      rating_comment: null,
      created_at: nowIso,
      updated_at: nowIso,
    });
    await addEvent(trx, questionId, 'asked', nowIso, user.id, { lawyers });
    await audit(
      trx,
      { actor: user, action: 'create', entity: 'consult_question', entityId: questionId },
      now,
    );
    await noticeAsked(trx, questionId, lawyers, now);
    return questionId;
  });
  const q = await reload(ctx, id);
  publish(ctx, liveEvent('asked', q, nowIso));
  return q;
}

const authorKind = (u: SessionUser) =>
  u.role === 'citizen'
    ? 'citizen'
    : u.role === 'admin' || u.role === 'aid_officer'
      ? 'staff'
      : 'lawyer';

/** Adds a message; the first one from a lawyer or staff member stops the clock and counts as the response. */
export async function postMessage(
  ctx: AppContext,
  user: SessionUser,
  q: QuestionRow,
  body: string,
) {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const kind = authorKind(user);
  const { messageId, first } = await ctx.db.transaction().execute(async (trx) => {
    const newMessageId = await insertMessage(trx, {
      question_id: q.id,
      author_id: user.id,
      author_kind: kind,
      body,
      created_at: nowIso,
    });
    // The first reply by a lawyer or staff member answers the question; losing that race to another
    // responder only means this reply is not the first.
    const first =
      kind !== 'citizen' &&
      questionWorkflow.can(q.status, 'answer', 'responder') &&
      (await commitTransition(trx, questionStore(q.stage), {
        id: q.id,
        event: 'answer',
        step: questionWorkflow.step(q, { type: 'answer', responderId: user.id }, 'responder', now),
        actor: user,
        now,
        ifStill: true,
      }));
    await audit(
      trx,
      { actor: user, action: 'reply', entity: 'consult_question', entityId: q.id },
      now,
    );
    if (kind !== 'citizen') await noticeReplied(trx, q, newMessageId, kind === 'staff', now);
    return { messageId: newMessageId, first };
  });
  const fresh = await reload(ctx, q.id);
  const ev = liveEvent('message', fresh, nowIso);
  ev.message = {
    id: messageId,
    authorKind: kind,
    authorName: user.displayName,
    body,
    createdAt: nowIso,
  };
  publish(ctx, ev);
  if (first) publish(ctx, liveEvent('answered', fresh, nowIso));
  return { id: messageId, first };
}

/**
 * First to claim takes the question: a pool volunteer in the pool, one 12348 staff member in the hotline
 * queue. A second claim gets 409, never a shared question.
 */
export async function claim(ctx: AppContext, user: SessionUser, q: QuestionRow) {
  const nowIso = ctx.now().toISOString();
  const hotline = q.stage === 'hotline';
  const won = await ctx.db.transaction().execute(async (trx) => {
    const took = hotline
      ? await claimFromHotline(trx, q.id, user.id, nowIso)
      : await claimFromPool(trx, q.id, user.id, nowIso);
    if (!took) return false;
    await addEvent(trx, q.id, hotline ? 'claimed_hotline' : 'claimed', nowIso, user.id);
    await audit(
      trx,
      {
        actor: user,
        action: hotline ? 'claim_hotline' : 'claim',
        entity: 'consult_question',
        entityId: q.id,
      },
      ctx.now(),
    );
    return true;
  });
  if (!won)
    throw conflict(
      'already_claimed',
      hotline ? '该咨询已被其他 12348 工作人员认领' : '该咨询已被其他律师认领',
    );
  const fresh = await reload(ctx, q.id);
  publish(ctx, liveEvent('claimed', fresh, nowIso));
  return fresh;
}

/** Sets the case category; a 法律援助 referral also creates a prefilled draft application for the resident. */
export async function classify(
  ctx: AppContext,
  user: SessionUser,
  q: QuestionRow,
  category: QuestionCategory,
  caseType?: string,
) {
  const nowIso = ctx.now().toISOString();
  const fields = category === 'legal_aid' ? await referralFields(ctx, q, user, caseType) : null;
  return ctx.db.transaction().execute(async (trx) => {
    await setCategory(trx, q.id, category, nowIso);
    await addEvent(trx, q.id, 'classified', nowIso, user.id, { category });
    await audit(
      trx,
      {
        actor: user,
        action: 'classify',
        entity: 'consult_question',
        entityId: q.id,
        detail: { category },
      },
      ctx.now(),
    );
    if (!fields) return { referralId: null };
    const existing = await findReferralOfQuestion(trx, q.id);
    if (existing) return { referralId: existing.id };
    const referralId = await insertReferral(trx, {
      question_id: q.id,
      citizen_id: q.citizen_id,
      lawyer_id: user.id,
      fields: JSON.stringify(fields),
      status: 'draft',
      created_at: nowIso,
      confirmed_at: null,
    });
    await addEvent(trx, q.id, 'referred', nowIso, user.id, { referralId });
    await audit(
      trx,
      { actor: user, action: 'create', entity: 'consult_referral', entityId: referralId },
      ctx.now(),
    );
    return { referralId };
  });
}

/** The fields an aid application can be prefilled with, taken from the resident's account and question. */
async function referralFields(
  ctx: AppContext,
  q: QuestionRow,
  lawyer: SessionUser,
  caseType: string | undefined,
) {
  const citizen = await findNameAndPhone(ctx.db, q.citizen_id);
  const place = await findCommunityPlace(ctx.db, q.community_id);
  return {
    applicantName: citizen.display_name,
    phone: citizen.phone,
    district: place.district,
    street: place.street,
    community: place.name,
    caseSummary: q.body.slice(0, 1000),
    source: '法指针社区律师转介',
    consultQuestionId: q.id,
    referringLawyer: lawyer.displayName,
    ...(caseType ? { caseType } : {}),
  };
}

export async function rate(
  ctx: AppContext,
  user: SessionUser,
  q: QuestionRow,
  score: number,
  comment: string | undefined,
) {
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await rateOnce(trx, q.id, { score, comment: comment ?? null, at: nowIso })))
      throw conflict('already_rated', '您已评价过该咨询');
    await addEvent(trx, q.id, 'rated', nowIso, user.id, { score });
    await audit(
      trx,
      { actor: user, action: 'rate', entity: 'consult_question', entityId: q.id },
      ctx.now(),
    );
  });
}

export async function confirmReferral(ctx: AppContext, user: SessionUser, id: number) {
  const nowIso = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await confirmDraftReferral(trx, id, nowIso)))
      throw conflict('already_confirmed', '该转介已确认');
    await audit(
      trx,
      { actor: user, action: 'confirm', entity: 'consult_referral', entityId: id },
      ctx.now(),
    );
  });
  return { applyUrl: `/aid/apply?referral=${id}` };
}
