/**
 * @module Statutory holidays and make-up working days (调休) in mainland China, as data. Source: the State
 * Council General Office's annual 部分节假日安排 notices for 2025 and 2026, transcribed by hand — the bureau
 * should check each year against the published notice and add the next year when it appears. A year missing
 * here is treated as having only weekends off (see `WORKDAY_CALENDAR_YEARS`).
 */

const range = (from: string, days: number): string[] => {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  for (let i = 0; i < days; i++) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
};

/** Days off that would otherwise be working days (or fall on weekends inside a holiday block). */
export const HOLIDAYS: ReadonlySet<string> = new Set([
  // 2025
  '2025-01-01',
  ...range('2025-01-28', 8), // 春节 1.28–2.4
  ...range('2025-04-04', 3), // 清明
  ...range('2025-05-01', 5), // 劳动节
  ...range('2025-05-31', 3), // 端午
  ...range('2025-10-01', 8), // 国庆、中秋
  // 2026
  ...range('2026-01-01', 3), // 元旦
  ...range('2026-02-15', 9), // 春节 2.15–2.23
  ...range('2026-04-04', 3), // 清明
  ...range('2026-05-01', 5), // 劳动节
  ...range('2026-06-19', 3), // 端午
  ...range('2026-09-25', 3), // 中秋
  ...range('2026-10-01', 7), // 国庆
]);

/** Weekend days that are working days because of 调休. */
export const MAKEUP_WORKDAYS: ReadonlySet<string> = new Set([
  '2025-01-26',
  '2025-02-08',
  '2025-04-27',
  '2025-09-28',
  '2025-10-11',
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
]);

export const WORKDAY_CALENDAR_YEARS = [2025, 2026];
