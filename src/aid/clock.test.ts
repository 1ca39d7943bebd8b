import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  daysLeft,
  deadline,
  isOverdue,
  isWorkingDay,
  localDate,
} from './clock.js';

describe('local dates and month ends', () => {
  it('uses China Standard Time for the local date', () => {
    expect(localDate('2026-01-31T15:59:59Z')).toBe('2026-01-31');
    expect(localDate('2026-01-31T16:00:00Z')).toBe('2026-02-01');
  });
  it('adds calendar days across month and leap-year ends', () => {
    expect(addCalendarDays('2026-01-30', 2)).toBe('2026-02-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('holiday calendar', () => {
  it('treats holidays as rest days and 调休 weekends as working days', () => {
    expect(isWorkingDay('2026-10-05')).toBe(false); // 国庆
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up working day
    expect(isWorkingDay('2026-03-07')).toBe(false); // ordinary Saturday
    expect(isWorkingDay('2026-03-09')).toBe(true);
    expect(isWorkingDay('2025-01-26')).toBe(true); // Sunday, make-up before 春节 2025
  });
});

describe('deadline()', () => {
  it('counts 7 calendar days from the day after receipt (Art. 43)', () => {
    expect(deadline({ start: '2026-03-02', days: 7, mode: 'calendar' })).toBe('2026-03-09');
  });
  it('moves a calendar period ending on a rest day to the next working day', () => {
    // 2026-03-07 is a Saturday → Monday 03-09.
    expect(deadline({ start: '2026-02-28', days: 7, mode: 'calendar' })).toBe('2026-03-09');
    // Ends inside the 国庆 holiday → first working day after it.
    expect(deadline({ start: '2026-09-29', days: 3, mode: 'calendar' })).toBe('2026-10-08');
  });
  it('counts only working days in working mode, across 春节 2026', () => {
    // Fri 2026-02-13 + 3 working days: 02-14 (Sat, make-up) then 02-24, 02-25.
    expect(deadline({ start: '2026-02-13', days: 3, mode: 'working' })).toBe('2026-02-25');
    expect(deadline({ start: '2026-03-06', days: 5, mode: 'working' })).toBe('2026-03-13');
  });
  it('does not count paused days and returns null while still paused', () => {
    const pauses = [{ from: '2026-03-04', to: '2026-03-10' }];
    // 03-03 counted, 03-04..03-09 paused, then 03-10.. counts 6 more → 03-15 (Sunday) → Monday 03-16.
    expect(deadline({ start: '2026-03-02', days: 7, mode: 'calendar', pauses })).toBe('2026-03-16');
    expect(
      deadline({
        start: '2026-03-02',
        days: 7,
        mode: 'calendar',
        pauses: [{ from: '2026-03-04', to: null }],
      }),
    ).toBeNull();
  });
  it('flags overdue after the last day and counts days left', () => {
    expect(isOverdue('2026-03-09', new Date('2026-03-09T15:00:00Z'))).toBe(false); // 23:00 local, still on time
    expect(isOverdue('2026-03-09', new Date('2026-03-09T16:00:00Z'))).toBe(true);
    expect(daysLeft('2026-03-09', new Date('2026-03-07T02:00:00Z'))).toBe(2);
    expect(isOverdue(null, new Date())).toBe(false);
  });
});
