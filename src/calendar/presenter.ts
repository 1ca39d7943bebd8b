/** @module What the admin calendar page sees: every year held, and one year's rest and working days with where each comes from. */
import type { CalendarDayView, CalendarView } from '../contracts/calendar.js';
import {
  calendarYears,
  SHIPPED_CALENDAR,
  type CalendarDayEdit,
  type CalendarYear,
} from '../core/time.js';

export const YEAR_STATUS_LABELS = {
  official: '已按国务院通知录入',
  provisional: '暂定（仅法定节日）',
};
export const DAY_KIND_LABELS = {
  holiday: '放假',
  workday: '调休上班',
  normal: '按平常（周末休息）',
};

export function presentCalendar(
  year: number,
  yearEdits: readonly CalendarYear[],
  dayEdits: readonly (CalendarDayEdit & { note: string })[],
): CalendarView {
  const edited = new Set(yearEdits.map((y) => y.year));
  const byDate = new Map<string, CalendarDayView>();
  const prefix = `${year}-`;
  const shipped = (dates: ReadonlySet<string>, kind: 'holiday' | 'workday') => {
    for (const date of dates)
      if (date.startsWith(prefix))
        byDate.set(date, {
          date,
          kind,
          kindLabel: DAY_KIND_LABELS[kind],
          note: '',
          origin: 'shipped',
        });
  };
  shipped(SHIPPED_CALENDAR.holidays, 'holiday');
  shipped(SHIPPED_CALENDAR.workdays, 'workday');
  for (const d of dayEdits)
    if (d.date.startsWith(prefix))
      byDate.set(d.date, { ...d, kindLabel: DAY_KIND_LABELS[d.kind], origin: 'bureau' });
  return {
    year,
    years: calendarYears().map((y) => ({
      ...y,
      statusLabel: YEAR_STATUS_LABELS[y.status],
      edited: edited.has(y.year),
    })),
    days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}
