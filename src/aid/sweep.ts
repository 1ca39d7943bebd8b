/** @module Background sweep: withdraw applications whose 补正 deadline passed, and remind officers of due/overdue steps. */
import type { AppContext } from '../core/context.js';
import { addCalendarDays, daysLeft, localDate } from './clock.js';
import { CLOCKED_STATUSES, caseDeadlines, loadSettings } from './deadlines.js';
import { applyEvent } from './service.js';

export interface SweepResult {
  withdrawn: number[];
  reminders: number;
}

const STEP_LABEL = {
  decide: '作出是否给予法律援助的决定',
  assign: '指派法律援助人员',
  objection: '对异议作出决定',
} as const;

export async function sweepAid(ctx: AppContext): Promise<SweepResult> {
  const now = ctx.now();
  const today = localDate(now);
  const expired = await ctx.db
    .selectFrom('aid_applications')
    .select('id')
    .where('status', '=', 'awaiting_supplement')
    .where('supplement_deadline', '<', today)
    .execute();
  const withdrawn: number[] = [];
  for (const { id } of expired) {
    await applyEvent(ctx, id, null, { type: 'supplement_expired' });
    withdrawn.push(id);
  }
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
    const d = caseDeadlines(a, settings, now);
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
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db
      .insertInto('aid_notifications')
      .values(rows.slice(i, i + 500))
      .execute();
  const reminders = rows.length;
  return { withdrawn, reminders };
}
