/** @module Subsidy operations: the bureau's standards, computing a closed and evaluated case's subsidy, the approval step. */
import { audit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { SessionUser } from '../../core/session.js';
import { chinaDate } from '../../core/time.js';
import { commitTransition } from '../../core/transition-save.js';
import { isUniqueViolation } from '../../db/faults.js';
import { stageOf, subsidyAmount } from './compute.js';
import {
  caseWithEvaluation,
  findSubsidy,
  insertSubsidy,
  replaceStandard,
  standardOn,
  subsidyStore,
} from './repository.js';
import type { AidSubsidy } from './tables.js';
import { subsidyWorkflow, type SubsidyEvent } from './workflow.js';

export async function setStandard(
  ctx: AppContext,
  user: SessionUser,
  s: {
    caseType: string;
    stage: string;
    amount: number;
    effectiveFrom: string;
    note?: string | undefined;
  },
  ip: string | null,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await replaceStandard(trx, {
      case_type: s.caseType,
      stage: s.stage,
      amount: s.amount,
      effective_from: s.effectiveFrom,
      note: s.note ?? null,
      created_by: user.id,
      created_at: ctx.now().toISOString(),
    });
    await audit(
      trx,
      {
        actor: user,
        action: 'subsidy_standard_set',
        entity: 'aid_subsidy_standards',
        detail: s,
        ip,
      },
      ctx.now(),
    );
  });
}

type Case = NonNullable<Awaited<ReturnType<typeof caseWithEvaluation>>>;

/** The case must be closed and evaluated (一案一评) and the standard in force on its closing date set. */
export async function computeSubsidy(
  ctx: AppContext,
  user: SessionUser,
  a: Case,
  ip: string | null,
): Promise<number> {
  if (a.status !== 'evaluated' || a.combined === null || !a.assigned_lawyer_id || !a.closed_at)
    throw AppError.of('not_evaluated');
  const stage = stageOf(a);
  const std = await standardOn(ctx.db, a.case_type, stage, chinaDate(a.closed_at));
  if (!std) throw AppError.of('subsidy_standard_missing');
  const { grade, percent, amount } = subsidyAmount(std.amount, a.combined);
  const now = ctx.now().toISOString();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const id = await insertSubsidy(trx, {
        application_id: a.id,
        lawyer_id: a.assigned_lawyer_id!,
        agency_id: a.agency_id,
        case_type: a.case_type,
        stage,
        standard_id: std.id,
        standard_amount: std.amount,
        evaluation_combined: a.combined!,
        grade,
        percent,
        amount,
        status: 'computed',
        reject_reason: null,
        computed_by: user.id,
        computed_at: now,
        approved_by: null,
        approved_at: null,
        created_at: now,
        updated_at: now,
      });
      await audit(
        trx,
        {
          actor: user,
          action: 'compute',
          entity: 'aid_subsidy',
          entityId: id,
          detail: { amount },
          ip,
        },
        ctx.now(),
      );
      return id;
    });
  } catch (err) {
    // One subsidy per case: the database's unique constraint decides between two computing at once.
    if (isUniqueViolation(err)) throw AppError.of('subsidy_exists');
    throw err;
  }
}

export async function fireSubsidyEvent(
  ctx: AppContext,
  user: SessionUser,
  s: AidSubsidy,
  e: SubsidyEvent,
  ip: string | null,
): Promise<AidSubsidy> {
  const now = ctx.now();
  const step = subsidyWorkflow.step(s, { ...e, by: user.id }, 'bureau', now);
  await ctx.db.transaction().execute((trx) =>
    commitTransition(trx, subsidyStore(s), {
      id: s.id,
      event: e.type,
      step,
      actor: user,
      now,
      ip,
      note: e.reason ?? null,
    }),
  );
  return (await findSubsidy(ctx.db, s.id))!;
}
