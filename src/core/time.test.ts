import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  CALENDAR_YEARS,
  calendarDaysBetween,
  chinaDate,
  chinaMonth,
  isWorkingDay,
  workingDaysBetween,
} from './time.js';

describe('China time', () => {
  it('dates an instant in Beijing time: 15:59 UTC is still today, 16:00 UTC is tomorrow', () => {
    expect(chinaDate(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01');
    expect(chinaDate(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02');
    expect(chinaDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
    expect(chinaMonth('2026-11-30T16:30:00Z')).toBe('2026-12');
  });

  it('counts calendar days across month, year and leap-day ends', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(calendarDaysBetween('2026-12-25', '2027-01-05')).toBe(11);
    expect(calendarDaysBetween('2027-01-05', '2026-12-25')).toBe(-11);
  });

  it('knows the holiday calendar: 国庆 is rest, its 调休 Saturday works, an ordinary weekend rests', () => {
    expect(isWorkingDay('2026-10-05')).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2026-11-28')).toBe(false); // ordinary Saturday
    expect(isWorkingDay('2026-11-30')).toBe(true);
    expect(CALENDAR_YEARS).toEqual([2025, 2026]);
  });

  it('adds working days without counting the start day, skipping the 国庆 block', () => {
    // Wed 2026-09-30 + 1 working day: 10-01…10-07 are off, 10-08 (Thu) is the first working day.
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-11-30', 15)).toBe('2026-12-21');
    expect(workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3); // 10-08, 10-09, 10-10
    expect(workingDaysBetween('2026-10-10', '2026-10-10')).toBe(0);
  });
});
