/**
 * @module A legal-aid referral after the resident's consent: the prefill of her aid application (name,
 * phone, matter type, her account of the case as facts) for her alone, and the referring lawyer's list of
 * referrals with where each application now stands (read through aid's `referralOutcomes`).
 */
import { referralOutcomes } from '../aid/referral-link.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import type { SessionUser } from '../core/session.js';
import type { ReferralPrefill, ReferralList } from '../contracts/consult.js';
import { findQuestion, findReferral } from './thread-repository.js';

/** What the referral captured when the lawyer classified the question as 法律援助. */
interface ReferralFields {
  applicantName?: string;
  phone?: string | null;
  district?: string;
  caseSummary?: string;
  caseType?: string;
}

/** The most the aid form takes as facts (its schema's limit). */
const FACTS_MAX = 5000;

/** The resident's own words: the question, then what she asked in 智能问答 (not the machine's answers). */
export function factsOf(body: string, transcript: string | null): string {
  let asked: string[] = [];
  if (transcript) {
    const t = JSON.parse(transcript) as { turns?: { question?: unknown }[] };
    asked = (t.turns ?? [])
      .map((x) => (typeof x.question === 'string' ? x.question.trim() : ''))
      .filter((x) => x && x !== body.trim());
  }
  const text = asked.length
    ? `${body.trim()}\n\n智能问答中所述：\n${asked.map((q, i) => `${i + 1}. ${q}`).join('\n')}`
    : body.trim();
  return text.slice(0, FACTS_MAX);
}

const CRIMINAL = new Set(['criminal_defence', 'criminal_victim']);

/**
 * The aid form's prefill, for the resident who consented to the referral only (404 for anyone else, 409
 * `referral_not_confirmed` before she confirmed). Each read is on the audit trail.
 */
export async function referralPrefill(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  ip: string | null,
): Promise<ReferralPrefill> {
  const r = await findReferral(ctx.db, id);
  if (!r || r.citizen_id !== user.id) throw notFound('转介');
  if (r.status !== 'confirmed') throw AppError.of('referral_not_confirmed');
  const fields = JSON.parse(r.fields) as ReferralFields;
  const q = await findQuestion(ctx.db, r.question_id);
  await audit(
    ctx.db,
    {
      actor: user,
      action: 'read_personal_data',
      entity: 'consult_referral',
      entityId: r.id,
      detail: { purpose: 'aid_prefill' },
      ip,
    },
    ctx.now(),
  );
  const caseType = fields.caseType ?? null;
  return {
    referralId: r.id,
    applicant: { name: fields.applicantName ?? '', phone: fields.phone ?? '' },
    caseType,
    // Only a criminal matter fixes the category; for the others the resident chooses (民事 or 行政).
    caseCategory: caseType && CRIMINAL.has(caseType) ? caseType : null,
    caseFacts: factsOf(q.body, q.transcript),
    handlingDistrict: fields.district ?? null,
  };
}

/** The referrals a lawyer made (an administrator sees all), newest first, with the aid outcome. */
export async function listReferrals(ctx: AppContext, user: SessionUser): Promise<ReferralList> {
  let q = ctx.db
    .selectFrom('consult_referrals')
    .select(['id', 'question_id', 'status', 'created_at', 'confirmed_at', 'lawyer_id']);
  if (user.role !== 'admin') q = q.where('lawyer_id', '=', user.id);
  const rows = await q.orderBy('id', 'desc').limit(500).execute();
  const outcomes = await referralOutcomes(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => {
      const o = outcomes.get(r.id);
      return {
        id: r.id,
        questionId: r.question_id,
        status: r.status,
        statusLabel: r.status === 'confirmed' ? '群众已同意转介' : '待群众确认',
        createdAt: r.created_at,
        confirmedAt: r.confirmed_at,
        aid: o ? { applicationId: o.applicationId, status: o.status, label: o.label } : null,
      };
    }),
  };
}
