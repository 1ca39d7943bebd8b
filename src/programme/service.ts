/**
 * @module The programme's 考核 and subsidies: the bureau keeps the standards as data, computes each adviser's
 * score for a period from consult's figures (src/consult/programme-contract.ts) plus the training and
 * complaints it enters, publishes it (draft → published, status-checked), and turns a published score into
 * a subsidy to approve and export. Every write is audited in its transaction.
 */
import { adviserConsultFigures } from '../consult/programme-contract.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError, badRequest, conflict, notFound } from '../core/errors.js';
import type { SessionUser } from '../core/session.js';
import { periodBounds } from './period.js';
import { heldBy } from './publicity/repository.js';
import * as repo from './repository.js';
import {
  computeScore,
  computeSubsidy,
  DEFAULT_STANDARD,
  METRICS,
  type Figures,
  type Standard,
  type SubsidyStandard,
} from './scoring.js';

export const DEFAULT_SUBSIDY: SubsidyStandard = {
  baseFen: 50_000,
  perServiceFen: 2_000,
  capFen: 80_000,
  passMark: 6_000,
};

export async function scoreStandard(ctx: AppContext): Promise<Standard> {
  return ((await repo.readStandard(ctx.db, 'score')) as Standard | null) ?? DEFAULT_STANDARD;
}

export async function subsidyStandard(ctx: AppContext): Promise<SubsidyStandard> {
  return (
    ((await repo.readStandard(ctx.db, 'subsidy')) as SubsidyStandard | null) ?? DEFAULT_SUBSIDY
  );
}

export async function saveScoreStandard(
  ctx: AppContext,
  actor: SessionUser,
  s: Standard,
): Promise<void> {
  const sum = (Object.keys(METRICS) as (keyof Standard)[]).reduce((n, k) => n + s[k].weight, 0);
  if (sum !== 100) throw badRequest('weights_not_100');
  await save(ctx, actor, 'score', s);
}

export const saveSubsidyStandard = (ctx: AppContext, actor: SessionUser, s: SubsidyStandard) =>
  save(ctx, actor, 'subsidy', s);

async function save(ctx: AppContext, actor: SessionUser, kind: 'score' | 'subsidy', body: object) {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.writeStandard(trx, kind, body, actor.id, at.toISOString());
    await audit(
      trx,
      {
        actor,
        action: 'update',
        entity: `programme_standard`,
        entityId: kind,
        detail: { ...body },
      },
      at,
    );
  });
}

/** The figures the standard weighs, from consult's counts and the bureau's own entries. */
export async function adviserFigures(
  ctx: AppContext,
  adviserId: number,
  period: string,
  entered: { training: number; complaints: number },
): Promise<{ figures: Figures; services: number }> {
  const { from, to } = periodBounds(period);
  const c = await adviserConsultFigures(ctx.db, adviserId, from, to);
  // 普法 activities she logged and held in the period are offline services too (issue 18 item 7).
  const activities = await heldBy(ctx.db, adviserId, from, to, ctx.now().toISOString());
  const services = c.offlineServices + activities;
  const figures: Figures = {
    responseRate: c.received ? Math.round((c.answered * 100) / c.received) : null,
    responseMinutes: c.answered ? Math.round(c.responseMinutesSum / c.answered) : null,
    rating: c.ratings ? Math.round((c.ratingSum * 100) / c.ratings) : null,
    offlineServices: services,
    training: entered.training,
    complaints: entered.complaints,
  };
  return { figures, services };
}

/** Computes (or recomputes) an adviser's draft. @throws 409 once published. */
export async function computeAdviserScore(
  ctx: AppContext,
  actor: SessionUser,
  input: { adviserId: number; period: string; training: number; complaints: number },
): Promise<number> {
  const adviser = await ctx.db
    .selectFrom('users')
    .select('role')
    .where('id', '=', input.adviserId)
    .executeTakeFirst();
  if (!adviser || adviser.role !== 'community_lawyer') throw notFound('该村(居)法律顾问');
  const { figures, services } = await adviserFigures(ctx, input.adviserId, input.period, input);
  const score = computeScore(await scoreStandard(ctx), figures);
  const at = ctx.now();
  const v = {
    total: score.total,
    parts: JSON.stringify({ parts: score.parts }),
    services,
    computed_by: actor.id,
    computed_at: at.toISOString(),
  };
  return ctx.db.transaction().execute(async (trx) => {
    const prior = await repo.findScore(trx, input.adviserId, input.period);
    let id: number;
    if (prior) {
      if (!(await repo.updateDraft(trx, prior.id, v))) throw conflict('score_published');
      id = prior.id;
    } else {
      id = await repo.insertScore(trx, {
        adviser_id: input.adviserId,
        period: input.period,
        status: 'draft',
        ...v,
      });
    }
    await audit(
      trx,
      {
        actor,
        action: 'update',
        entity: 'programme_score',
        entityId: id,
        detail: { total: score.total },
      },
      at,
    );
    return id;
  });
}

/** draft → published, and the subsidy it earns is set pending. @throws 409 when not a draft any more. */
export async function publishScore(ctx: AppContext, actor: SessionUser, id: number): Promise<void> {
  const sub = await subsidyStandard(ctx);
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const s = await repo.scoreById(trx, id);
    if (!s) throw notFound('考核结果');
    if (!(await repo.publishDraft(trx, id, actor.id, at.toISOString())))
      throw conflict('score_not_draft');
    await repo.insertSubsidy(trx, {
      score_id: id,
      adviser_id: s.adviser_id,
      period: s.period,
      amount_fen: computeSubsidy(sub, s.total, s.services),
      created_at: at.toISOString(),
    });
    await audit(
      trx,
      {
        actor,
        action: 'update',
        entity: 'programme_score',
        entityId: id,
        detail: { status: 'published' },
      },
      at,
    );
  });
}

export async function approve(ctx: AppContext, actor: SessionUser, id: number): Promise<void> {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.approveSubsidy(trx, id, actor.id, at.toISOString())))
      throw AppError.of('subsidy_not_pending');
    await audit(
      trx,
      {
        actor,
        action: 'update',
        entity: 'programme_subsidy',
        entityId: id,
        detail: { status: 'approved' },
      },
      at,
    );
  });
}
