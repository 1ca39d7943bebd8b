import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  applyCalendarEdits,
  CALENDAR_YEARS,
  calendarDaysBetween,
  calendarWarning,
  OFFICIAL_CALENDAR,
  onCalendarGap,
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
    expect(CALENDAR_YEARS).toEqual([2025, 2026, 2027]);
  });

  it('adds working days without counting the start day, skipping the 国庆 block', () => {
    // Wed 2026-09-30 + 1 working day: 10-01…10-07 are off, 10-08 (Thu) is the first working day.
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-11-30', 15)).toBe('2026-12-21');
    expect(workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3); // 10-08, 10-09, 10-10
    expect(workingDaysBetween('2026-10-10', '2026-10-10')).toBe(0);
  });
});

describe('the calendar beyond the years it holds as official', () => {
  it('holds 2027 provisionally: 元旦 and 春节 (除夕–初三) rest, and periods into 2027 carry a warning', () => {
    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(isWorkingDay('2027-02-05')).toBe(false); // 除夕, Friday
    expect(isWorkingDay('2027-02-08')).toBe(false); // 初三, Monday
    expect(isWorkingDay('2027-02-09')).toBe(true);
    expect(calendarWarning('2026-12-20', '2027-01-15')).toMatchObject({ years: [2027] });
    expect(calendarWarning('2026-11-02', '2026-11-20')).toBeNull();
    expect(calendarWarning('2027-12-20', '2028-01-10')?.message).toContain(
      '2028 年节假日安排尚未录入',
    );
  });

  it('logs a working-day count that crosses a year not held as official, once per year', () => {
    const seen: number[][] = [];
    onCalendarGap((w) => seen.push(w.years));
    addWorkingDays('2026-12-20', 15);
    addWorkingDays('2026-12-21', 15);
    addWorkingDays('2026-11-02', 5);
    onCalendarGap(null);
    expect(seen).toEqual([[2027]]);
  });

  it('lays the bureau’s edits over the shipped file: a year made official, a date made a rest day', () => {
    try {
      applyCalendarEdits(
        [
          {
            year: 2027,
            status: 'official',
            source: '国办发明电〔2026〕X号',
            enteredOn: '2026-12-02',
          },
        ],
        [
          { date: '2027-02-09', kind: 'holiday' },
          { date: '2027-02-20', kind: 'workday' },
        ],
      );
      expect(isWorkingDay('2027-02-09')).toBe(false);
      expect(isWorkingDay('2027-02-20')).toBe(true); // Saturday, 调休
      expect(OFFICIAL_CALENDAR.holidays.has('2027-02-09')).toBe(true);
      expect(calendarWarning('2026-12-20', '2027-01-15')).toBeNull();
    } finally {
      applyCalendarEdits([], []);
    }
    expect(isWorkingDay('2027-02-09')).toBe(true);
    expect(calendarWarning('2026-12-20', '2027-01-15')).not.toBeNull();
  });
});
