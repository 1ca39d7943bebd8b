/**
 * @module The delivery worker: claims due outbox rows (each goes to one process), holds non-urgent ones
 * through quiet hours, sends each through its channel's provider, and records the outcome with a backoff.
 * A process that dies mid-send leaves its rows leased; when the lease runs out another process takes them.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../core/context.js';
import {
  claimDue,
  findPreference,
  insertLog,
  releaseExpiredLeases,
  settle,
  type OutboxRow,
  type SendOutcome,
} from './repository.js';
import type { Provider, SendResult } from './providers.js';
import { parseQuietHours, quietUntil, windowOf } from './quiet-hours.js';

/** Minutes to wait after the 1st, 2nd, … failed attempt. */
const BACKOFF_MIN = [1, 5, 15, 60, 240];
const LEASE_MS = 60_000;
const BATCH = 50;

export const workerId = (): string =>
  `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  held: number;
}

function afterFailure(
  row: OutboxRow,
  r: Extract<SendResult, { ok: false }>,
  maxAttempts: number,
  now: Date,
): SendOutcome {
  if (!r.retry || row.attempts >= maxAttempts) return { status: 'failed', error: r.error };
  const wait = BACKOFF_MIN[Math.min(row.attempts - 1, BACKOFF_MIN.length - 1)] ?? 240;
  return {
    status: 'pending',
    error: r.error,
    nextAttemptAt: new Date(now.getTime() + wait * 60_000).toISOString(),
  };
}

/** The end of the recipient's quiet hours (their own, else the bureau's), or null to send now. */
async function holdUntil(ctx: AppContext, row: OutboxRow, now: Date): Promise<Date | null> {
  if (row.urgent) return null;
  const pref = row.user_id ? await findPreference(ctx.db, row.user_id) : undefined;
  const own = pref ? windowOf(pref.quiet_start, pref.quiet_end) : null;
  return quietUntil(now, own ?? parseQuietHours(ctx.config.NOTIFY_QUIET_HOURS));
}

/** Sends one claimed row and records the outcome (not at all when another process took the lease meanwhile). */
async function deliverOne(
  ctx: AppContext,
  row: OutboxRow,
  provider: Provider,
  worker: string,
  report: DeliveryReport,
): Promise<void> {
  const now = ctx.now();
  const held = await holdUntil(ctx, row, now);
  if (held) {
    // Not an attempt: put it back for the morning without counting it.
    await ctx.db
      .transaction()
      .execute((trx) =>
        settle(
          trx,
          row,
          worker,
          { status: 'pending', nextAttemptAt: held.toISOString() },
          now.toISOString(),
          -1,
        ),
      );
    report.held++;
    return;
  }
  const r = await provider.send(row);
  const outcome: SendOutcome = r.ok
    ? { status: 'sent' }
    : afterFailure(row, r, ctx.config.NOTIFY_MAX_ATTEMPTS, now);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await settle(trx, row, worker, outcome, at))) return;
    await insertLog(trx, {
      outboxId: row.id,
      at,
      provider: provider.name,
      outcome:
        outcome.status === 'sent' ? 'sent' : outcome.status === 'failed' ? 'failed' : 'retry',
      detail: outcome.error ?? null,
    });
  });
  if (outcome.status === 'sent') report.sent++;
  else if (outcome.status === 'failed') report.failed++;
  else report.retried++;
}

/** One round: give back expired leases, claim what is due, send it. */
export async function deliverDue(
  ctx: AppContext,
  providers: Record<'sms' | 'wechat', Provider>,
  worker: string,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, held: 0 };
  const now = ctx.now();
  await releaseExpiredLeases(ctx.db, now.toISOString());
  const lease = new Date(now.getTime() + LEASE_MS).toISOString();
  const rows = await claimDue(ctx.db, ctx.dialect, worker, now.toISOString(), lease, BATCH);
  for (const row of rows) {
    if (row.channel === 'inapp') continue;
    await deliverOne(ctx, row, providers[row.channel], worker, report);
  }
  return report;
}
