import { describe, expect, it } from 'vitest';
import { addWorkdays, chinaDate, isWorkday, workdaysBetween } from './workdays.js';

describe('working days', () => {
  it('skips weekends and statutory holidays, and counts make-up Saturdays', () => {
    expect(isWorkday('2026-03-02')).toBe(true); // Monday
    expect(isWorkday('2026-03-07')).toBe(false); // Saturday
    expect(isWorkday('2026-10-05')).toBe(false); // 国庆 Monday
    expect(isWorkday('2026-10-10')).toBe(true); // 调休 Saturday
  });

  it('ends 15 working days from an ordinary Monday on the third Monday after', () => {
    expect(addWorkdays('2026-03-02', 15)).toBe('2026-03-23');
  });

  it('stretches a period across the National Day week', () => {
    // 9.30 (Wed) + 3 working days: 10.1–10.7 off, 10.8 Thu, 10.9 Fri, 10.10 Sat (调休).
    expect(addWorkdays('2026-09-30', 3)).toBe('2026-10-10');
    expect(workdaysBetween('2026-09-30', '2026-10-10')).toBe(3);
  });

  it('gives China’s date for a UTC instant late in the evening', () => {
    expect(chinaDate(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });
});
