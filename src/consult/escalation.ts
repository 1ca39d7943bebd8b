/**
 * @module The escalation clock: community lawyer → volunteer pool → 12348 hotline queue.
 * State lives in the database (`next_escalation_at`), so timers survive restarts; `sweep()` is run
 * every few seconds by the module's `start()` and by any number of server processes at once.
 */
import type { AppContext } from '../core/context.js';
import { publish } from './live.js';
import { addEvents, advanceStage, getSettings, lockDue, type DueRow } from './repository.js';

export interface SweepResult {
  toPool: number[];
  toHotline: number[];
}

const BATCH = 500;

/** One pass: escalates up to `limit` overdue questions, each exactly once. */
export async function sweepOnce(ctx: AppContext, limit = BATCH): Promise<SweepResult> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  let due: DueRow[] = [];
  const result = await ctx.db.transaction().execute(async (trx) => {
    due = await lockDue(trx, ctx.dialect, nowIso, limit);
    if (!due.length) return { toPool: [], toHotline: [] };
    const settings = await getSettings(trx);
    const hotlineAt = new Date(
      now.getTime() + settings.hotline_after_minutes * 60_000,
    ).toISOString();
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
    await addEvents(trx, toPool, 'escalated_pool', nowIso, { pid: process.pid });
    await addEvents(trx, toHotline, 'escalated_hotline', nowIso, { pid: process.pid });
    return { toPool, toHotline };
  });
  const byId = new Map(due.map((d) => [d.id, d]));
  for (const [ids, stage] of [
    [result.toPool, 'pool'],
    [result.toHotline, 'hotline'],
  ] as const) {
    for (const id of ids) {
      publish(ctx, {
        type: 'escalated',
        questionId: id,
        communityId: byId.get(id)!.community_id,
        citizenId: byId.get(id)!.citizen_id,
        stage,
        status: 'open',
        claimedBy: null,
        at: nowIso,
      });
    }
  }
  return result;
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
