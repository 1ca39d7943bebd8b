/** @module Per-case statutory deadlines (Art. 43, 49) from the office settings and the clock module. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { deadline, isOverdue, localDate, type DayMode, type Pause } from './clock.js';
import type { AidApplication } from './tables.js';

export interface AidSettings {
  dayMode: DayMode;
  supplementDays: number;
  objectionWindowDays: number;
}

/** Defaults: the Law says 日 (calendar days); 补正 15 days and a 15-day 异议 window follow 北京条例 Art. 24 as a model. */
export const DEFAULT_SETTINGS: AidSettings = {
  dayMode: 'calendar',
  supplementDays: 15,
  objectionWindowDays: 15,
};

export const DECIDE_DAYS = 7;
export const ASSIGN_DAYS = 3;
export const OBJECTION_DECIDE_DAYS = 5;

export async function loadSettings(db: Kysely<Database>): Promise<AidSettings> {
  const rows = await db.selectFrom('aid_settings').selectAll().execute();
  const s: AidSettings = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    if (r.key === 'dayMode' && (r.value === 'calendar' || r.value === 'working'))
      s.dayMode = r.value;
    if (r.key === 'supplementDays') s.supplementDays = Number(r.value);
    if (r.key === 'objectionWindowDays') s.objectionWindowDays = Number(r.value);
  }
  return s;
}

export interface CaseDeadlines {
  /** Decision due (7 days from first receipt, 补正 time not counted); null while paused. */
  decideBy: string | null;
  assignBy: string | null;
  objectionDecideBy: string | null;
  supplementBy: string | null;
  paused: boolean;
  overdue: ('decide' | 'assign' | 'objection')[];
}

const UNDECIDED = new Set(['received', 'transferred', 'under_review', 'awaiting_supplement']);

export function caseDeadlines(a: AidApplication, s: AidSettings, now: Date): CaseDeadlines {
  const pauses = JSON.parse(a.pauses) as Pause[];
  const paused = pauses.some((p) => p.to === null);
  const decideBy = deadline({
    start: localDate(a.clock_started_at ?? a.received_at),
    days: DECIDE_DAYS,
    mode: s.dayMode,
    pauses,
  });
  const assignBy =
    a.decided_at && !a.urgent
      ? deadline({ start: localDate(a.decided_at), days: ASSIGN_DAYS, mode: s.dayMode })
      : a.decided_at
        ? localDate(a.decided_at) // 先行提供: aid starts at once, so the lawyer is due the same day
        : null;
  const objectionDecideBy = a.objection_raised_at
    ? deadline({
        start: localDate(a.objection_raised_at),
        days: OBJECTION_DECIDE_DAYS,
        mode: s.dayMode,
      })
    : null;
  const overdue: CaseDeadlines['overdue'] = [];
  if (UNDECIDED.has(a.status) && isOverdue(decideBy, now)) overdue.push('decide');
  if (a.status === 'granted' && isOverdue(assignBy, now)) overdue.push('assign');
  if (a.status === 'objection_raised' && isOverdue(objectionDecideBy, now))
    overdue.push('objection');
  return {
    decideBy,
    assignBy,
    objectionDecideBy,
    supplementBy: a.supplement_deadline,
    paused,
    overdue,
  };
}

/** Statuses whose clocks are running (candidates for the overdue list and reminders). */
export const CLOCKED_STATUSES = [...UNDECIDED, 'granted', 'objection_raised'];
