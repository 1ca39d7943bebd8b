/**
 * @module The escalation clock: community lawyer → volunteer pool → 12348 hotline queue.
 * State lives in the database (`next_escalation_at`), so timers survive restarts; `sweep()` is run
 * every few seconds by the module's `start()` and by any number of server processes at once.
 */
import type { AppContext } from '../core/context.js';
import { publish } from './live.js';
import { noticeEscalated } from './notices.js';
import {
  addEvents,
  advanceStage,
  anythingDue,
  escalatePostgres,
  getSettings,
  lockDue,
} from './repository.js';

type Moved = { id: number; community_id: number; citizen_id: number };

export interface SweepResult {
  toPool: number[];
  toHotline: number[];
}

// Bounded passes: a backlog (after downtime) drains over several short transactions, not one long one.
const BATCH = 200;

/** One pass: escalates up to `limit` overdue questions per stage, each exactly once. */
export async function sweepOnce(ctx: AppContext, limit = BATCH): Promise<SweepResult> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  if (!(await anythingDue(ctx.db, nowIso))) return { toPool: [], toHotline: [] };
  const settings = await getSettings(ctx.db);
  const hotlineAt = new Date(now.getTime() + settings.hotline_after_minutes * 60_000).toISOString();
  let moved: { toPool: Moved[]; toHotline: Moved[] };
  if (ctx.dialect === 'postgres') {
    // pool → hotline first, so a question moved to the pool in this pass is not looked at twice;
    // each stage's move and its messages commit together.
    const toHotline = await ctx.db.transaction().execute(async (trx) => {
      const m = await escalatePostgres(trx, 'pool', 'hotline', null, nowIso, limit);
      await noticeEscalated(trx, m, 'hotline', now);
      return m;
    });
    const toPool = await ctx.db.transaction().execute(async (trx) => {
      const m = await escalatePostgres(trx, 'community', 'pool', hotlineAt, nowIso, limit);
      await noticeEscalated(trx, m, 'pool', now);
      return m;
    });
    moved = { toPool, toHotline };
  } else {
    moved = await ctx.db.transaction().execute(async (trx) => {
      const due = await lockDue(trx, ctx.dialect, nowIso, limit);
      const byId = new Map(due.map((d) => [d.id, d]));
      const pick = (stage: string) => due.filter((d) => d.stage === stage).map((d) => d.id);
      const toPool = await advanceStage(
        trx,
        pick('community'),
        'community',
        'pool',
        hotlineAt,
        nowIso,
      );
      const toHotline = await advanceStage(trx, pick('pool'), 'pool', 'hotline', null, nowIso);
      await noticeEscalated(
        trx,
        toPool.map((id) => byId.get(id)!),
        'pool',
        now,
      );
      await noticeEscalated(
        trx,
        toHotline.map((id) => byId.get(id)!),
        'hotline',
        now,
      );
      await addEvents(trx, toPool, 'escalated_pool', nowIso, { pid: process.pid });
      await addEvents(trx, toHotline, 'escalated_hotline', nowIso, { pid: process.pid });
      return {
        toPool: toPool.map((id) => byId.get(id)!),
        toHotline: toHotline.map((id) => byId.get(id)!),
      };
    });
  }
  for (const [list, stage] of [
    [moved.toPool, 'pool'],
    [moved.toHotline, 'hotline'],
  ] as const) {
    for (const q of list)
      publish(ctx, {
        type: 'escalated',
        questionId: q.id,
        communityId: q.community_id,
        citizenId: q.citizen_id,
        stage,
        status: 'open',
        claimedBy: null,
        at: nowIso,
      });
  }
  return { toPool: moved.toPool.map((q) => q.id), toHotline: moved.toHotline.map((q) => q.id) };
}

/** Runs passes of `batch` questions until nothing is due (a backlog after downtime drains in one call). */
export async function sweep(ctx: AppContext, batch = BATCH): Promise<SweepResult> {
  const total: SweepResult = { toPool: [], toHotline: [] };
  for (;;) {
    const r = await sweepOnce(ctx, batch);
    total.toPool.push(...r.toPool);
    total.toHotline.push(...r.toHotline);
    if (r.toPool.length + r.toHotline.length < batch) return total;
  }
}

/** Starts the periodic sweep; returns its stopper. */
export function startSweeper(
  ctx: AppContext,
  log: { error: (o: object, msg: string) => void },
  everyMs = 5_000,
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return; // a slow pass is never overlapped by the next one
    running = sweep(ctx)
      .catch((err: unknown) => log.error({ err }, 'consult escalation sweep failed'))
      .finally(() => (running = null));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
