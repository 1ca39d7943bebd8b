/** @module Background sweep: withdraw applications whose 补正 deadline passed, and remind officers of due/overdue steps. */
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { addCalendarDays, daysLeft, localDate } from './clock.js';
import { CLOCKED_STATUSES, caseDeadlines, loadSettings } from './deadlines.js';
import { noticeDeliveries } from '../notify/index.js';
import { remindOfficers } from './officer-reminders.js';
import { applyEvent } from './service.js';

export interface SweepResult {
  withdrawn: number[];
  /** Expired applications another sweep (or an officer) had already moved on. */
  skipped: number[];
  /** Expired applications that raised an error; logged, the sweep went on with the rest. */
  failed: number[];
  reminders: number;
}

/** What the sweep reports to (the server's logger; silent when not given). */
export interface SweepLog {
  error(obj: object, msg: string): void;
}

const silent: SweepLog = { error: () => undefined };

const STEP_LABEL = {
  decide: '作出是否给予法律援助的决定',
  assign: '指派法律援助人员',
  objection: '对异议作出决定',
} as const;

export async function sweepAid(ctx: AppContext, log: SweepLog = silent): Promise<SweepResult> {
  const now = ctx.now();
  await recordSmsDeliveries(ctx, log);
  const { withdrawn, skipped, failed } = await withdrawExpired(ctx, localDate(now), log);
  const reminders = await remind(ctx, now, log);
  return { withdrawn, skipped, failed, reminders };
}

/**
 * A 补正 notice that went out only by SMS is delivered once the gateway took it: record that, so the
 * period runs from then and 视为撤回 becomes possible. One the outbox could not send stays undelivered
 * until staff record a paper notice.
 */
async function recordSmsDeliveries(ctx: AppContext, log: SweepLog): Promise<void> {
  const waiting = await ctx.db
    .selectFrom('aid_applications')
    .select('id')
    .where('status', '=', 'awaiting_supplement')
    .where('supplement_delivered_at', 'is', null)
    .execute();
  for (const { id } of waiting) {
    const sent = (
      await noticeDeliveries(ctx.db, 'aid_application', id, 'aid.request_supplement')
    ).some((d) => d.channel === 'sms' && d.status === 'sent');
    if (!sent) continue;
    try {
      await applyEvent(ctx, id, null, { type: 'record_delivery', deliveryChannel: 'sms' });
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'invalid_transition'))
        log.error({ err, applicationId: id }, 'aid sweep: recording an SMS delivery failed');
    }
  }
}

/** Each expired application on its own: one that fails is logged and skipped, never the whole pass. */
async function withdrawExpired(ctx: AppContext, today: string, log: SweepLog) {
  const expired = await ctx.db
    .selectFrom('aid_applications')
    .select('id')
    .where('status', '=', 'awaiting_supplement')
    .where('supplement_delivered_at', 'is not', null)
    .where('supplement_deadline', '<', today)
    .execute();
  const out = { withdrawn: [] as number[], skipped: [] as number[], failed: [] as number[] };
  for (const { id } of expired) {
    try {
      await applyEvent(ctx, id, null, { type: 'supplement_expired' });
      out.withdrawn.push(id);
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid_transition') out.skipped.push(id);
      else {
        out.failed.push(id);
        log.error(
          { err, applicationId: id },
          'aid sweep: withdrawing an expired application failed',
        );
      }
    }
  }
  return out;
}

async function remind(ctx: AppContext, now: Date, log: SweepLog): Promise<number> {
  const today = localDate(now);
  const settings = await loadSettings(ctx.db);
  const open = await ctx.db
    .selectFrom('aid_applications')
    .selectAll()
    .where('status', 'in', CLOCKED_STATUSES)
    .execute();
  // Reminders already written, read once (not per case) so a pass stays one query plus one batch insert.
  const sent = new Set(
    (
      await ctx.db
        .selectFrom('aid_notifications')
        .select(['application_id', 'kind', 'due_date'])
        .where('due_date', 'is not', null)
        .where('due_date', '>=', addCalendarDays(today, -60))
        .execute()
    ).map((n) => `${n.application_id}/${n.kind}/${n.due_date}`),
  );
  const rows = [];
  for (const a of open) {
    let d: ReturnType<typeof caseDeadlines>;
    try {
      d = caseDeadlines(a, settings, now);
    } catch (err) {
      log.error({ err, applicationId: a.id }, 'aid sweep: computing deadlines failed');
      continue;
    }
    const due =
      a.status === 'granted'
        ? (['assign', d.assignBy] as const)
        : a.status === 'objection_raised'
          ? (['objection', d.objectionDecideBy] as const)
          : (['decide', d.decideBy] as const);
    const [step, date] = due;
    if (!date || daysLeft(date, now) > 1) continue;
    const late = daysLeft(date, now) < 0;
    // One "due soon" and one "overdue" reminder per step and due date.
    const kind = `${late ? 'overdue' : 'reminder'}_${step}`;
    if (sent.has(`${a.id}/${kind}/${date}`)) continue;
    rows.push({
      agency_id: a.agency_id,
      user_id: null,
      application_id: a.id,
      kind,
      message: `${a.ref_no ?? ''} ${late ? '已超期' : '即将到期'}：应于 ${date} 前${STEP_LABEL[step]}`,
      due_date: date,
      created_at: now.toISOString(),
      read_at: null,
    });
  }
  // The officers' own messages first: if the pass stops before the office list below is written, the
  // next pass repeats both, and the outbox's keys keep the officers from hearing it twice.
  await remindOfficers(
    ctx.db,
    rows.map((r) => ({
      agencyId: r.agency_id,
      applicationId: r.application_id,
      kind: r.kind,
      dueDate: r.due_date,
      message: r.message,
    })),
    now,
  );
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db
      .insertInto('aid_notifications')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}
