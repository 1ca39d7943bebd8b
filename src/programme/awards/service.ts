/**
 * @module The 品牌 awards: an adviser files for the studio award, a lawyer for her firm's; the bureau moves the
 * application through awards/workflow.ts. Every step is commitTransition's status-checked save (timeline step
 * and audit row in the same transaction; of two racing steps one wins, the other gets 409). Scores and
 * objections are written in the step's transaction, behind the row lock its UPDATE takes.
 */
import { audit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import type { SessionUser } from '../../core/session.js';
import { chinaDate } from '../../core/time.js';
import { commitTransition, type TransitionStore } from '../../core/transition-save.js';
import { isUniqueViolation } from '../../db/faults.js';
import { mayFireAs, maySeeAward } from './policy.js';
import * as repo from './repository.js';
import {
  awardWorkflow,
  type AwardEvent,
  type AwardEventType,
  type AwardRecord,
  type AwardStatus,
} from './workflow.js';
import type { AwardKind } from '../tables.js';

const STORE: TransitionStore<AwardStatus> = {
  entity: 'programme_award',
  raceMessage: '该申报刚被其他操作处理，状态已改变，请刷新后重试',
  table: 'programme_awards',
  addStep: (trx, s) => repo.addStep(trx, s),
};

/** Who may file which award: 工作室 by a 村(居)法律顾问, 示范律所 by a lawyer on behalf of her firm. */
const FILERS: Record<AwardKind, readonly string[]> = {
  studio: ['community_lawyer'],
  firm: ['community_lawyer', 'aid_lawyer'],
};

export interface ApplyInput {
  kind: AwardKind;
  nominee: string;
  district?: string | undefined;
  materials: string;
}

export async function apply(
  ctx: AppContext,
  user: SessionUser,
  input: ApplyInput,
): Promise<number> {
  if (!FILERS[input.kind].includes(user.role)) throw AppError.of('award_not_eligible');
  const now = ctx.now();
  const at = now.toISOString();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const id = await repo.insertAward(trx, {
        kind: input.kind,
        year: Number(chinaDate(now).slice(0, 4)),
        applicant_id: user.id,
        nominee: input.nominee.trim(),
        district: input.district?.trim() || null,
        materials: input.materials.trim(),
        status: 'submitted',
        reason: null,
        inspection_mean: null,
        publicity_days: null,
        publicity_from: null,
        publicity_until: null,
        awarded_at: null,
        created_at: at,
        updated_at: at,
      });
      await repo.addStep(trx, {
        id,
        event: 'submit',
        from: 'new',
        to: 'submitted',
        at,
        actorId: user.id,
        actorRole: user.role,
        note: null,
      });
      await audit(
        trx,
        {
          actor: user,
          action: 'create',
          entity: 'programme_award',
          entityId: id,
          detail: { kind: input.kind },
        },
        now,
      );
      return id;
    });
  } catch (e) {
    // One application per applicant, kind and year: the unique index decides between two at once.
    if (isUniqueViolation(e)) throw AppError.of('award_duplicate');
    throw e;
  }
}

/** The application if `user` may see it (404 otherwise, so hidden ones are not revealed). */
export async function visibleAward(
  ctx: AppContext,
  user: SessionUser,
  id: number,
): Promise<AwardRecord> {
  const a = await repo.loadAward(ctx.db, id);
  if (!a || !maySeeAward(user, a)) throw notFound('该申报');
  return a;
}

/** Fires one event of the table on application `id`, with what the event writes beside the row. */
export async function fire(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  event: AwardEvent & { type: AwardEventType },
  ip?: string,
): Promise<void> {
  const a = await visibleAward(ctx, user, id);
  const now = ctx.now();
  const step = awardWorkflow.step(a, event, mayFireAs(user, a), now);
  if (
    event.type === 'score' &&
    (await repo.scoresOf(ctx.db, id)).some((s) => s.inspector_id === user.id)
  )
    throw AppError.of('award_already_scored');
  const note = event.reason ?? event.objection ?? null;
  // A decision covers the objections pending when it was read: one that got in meanwhile (it moves
  // updated_at) makes the decision lose with 409, so the bureau never decides an objection unread.
  const deciding = event.type === 'uphold' || event.type === 'dismiss';
  const store = deciding ? { ...STORE, still: { updated_at: a.updated_at } } : STORE;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await commitTransition(trx, store, {
        id,
        event: event.type,
        step,
        actor: user,
        now,
        ip: ip ?? null,
        note: event.type === 'score' ? `${event.score}` : note,
        detail: event.type === 'score' ? { score: event.score } : {},
      });
      const at = now.toISOString();
      if (event.type === 'score')
        await repo.insertScore(trx, {
          award_id: id,
          inspector_id: user.id,
          score: event.score!,
          note: null,
          at,
        });
      if (event.type === 'finish_inspection') {
        // Read behind the row lock the step took: every score that got in before it is counted.
        const scores = await repo.scoresOf(trx, id);
        const sum = scores.reduce((n, s) => n + s.score, 0);
        await repo.setMean(trx, id, Math.round((sum * 100) / scores.length));
      }
      if (event.type === 'object')
        await repo.insertObjection(trx, {
          award_id: id,
          user_id: user.id,
          body: event.objection!.trim(),
          at,
        });
      if (event.type === 'uphold' || event.type === 'dismiss')
        await repo.decideObjections(trx, id, event.type === 'uphold' ? 'upheld' : 'dismissed');
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw AppError.of('award_already_scored');
    throw e;
  }
}

/** 授牌 for every 公示 whose window has passed without a pending objection (the hourly sweep). */
export async function awardDue(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  let n = 0;
  for (const { id } of await repo.publicityEnded(ctx.db, chinaDate(now))) {
    const a = await repo.loadAward(ctx.db, id);
    if (!a) continue;
    const r = awardWorkflow.transition(a, { type: 'award' }, 'system', now);
    if (!r.ok) continue;
    const moved = await ctx.db.transaction().execute((trx) =>
      commitTransition(trx, STORE, {
        id,
        event: 'award',
        step: r,
        actor: null,
        now,
        ifStill: true,
      }),
    );
    if (moved) n += 1;
  }
  return n;
}
