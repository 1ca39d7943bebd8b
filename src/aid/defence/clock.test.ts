/** The 通知辩护 clocks against dates worked out by hand on the 2026 calendar (清明: 4 to 6 April). */
import { describe, expect, it } from 'vitest';
import { defenceDueOn, defenceOverdue, forwardedLate, informedLate } from './clock.js';

describe('defence clock', () => {
  it('three days, not counting the day of receipt, running past rest days', () => {
    // Wed 04-01 + 3 = Sat 04-04; 04-04 to 04-06 are the 清明 holiday, so Tue 04-07.
    expect(defenceDueOn('2026-04-01T02:00:00Z')).toBe('2026-04-07');
    // 2026-04-12T17:00Z is Mon 04-13 01:00 in China: + 3 = Thu 04-16.
    expect(defenceDueOn('2026-04-12T17:00:00Z')).toBe('2026-04-16');
    // Thu 04-16 + 3 = Sun 04-19, so Mon 04-20.
    expect(defenceDueOn('2026-04-16T02:00:00Z')).toBe('2026-04-20');
  });

  it('overdue once China’s today is past the due date and the organ is not told', () => {
    const n = { status: 'assigned', due_on: '2026-04-07' };
    expect(defenceOverdue(n, new Date('2026-04-07T15:59:00Z'))).toBe(false); // 23:59 on the 7th
    expect(defenceOverdue(n, new Date('2026-04-07T16:00:00Z'))).toBe(true); // 00:00 on the 8th
    expect(defenceOverdue({ ...n, status: 'informed' }, new Date('2026-05-01T00:00:00Z'))).toBe(
      false,
    );
    expect(informedLate({ informed_at: '2026-04-07T15:00:00Z', due_on: '2026-04-07' })).toBe(false);
    expect(informedLate({ informed_at: '2026-04-07T16:30:00Z', due_on: '2026-04-07' })).toBe(true);
  });

  it('a forwarded request is late after 24 hours (Art. 39)', () => {
    const at = '2026-04-02T02:00:00.000Z';
    expect(forwardedLate({ organ_received_at: null, received_at: at })).toBeNull();
    expect(forwardedLate({ organ_received_at: '2026-04-01T02:00:00Z', received_at: at })).toBe(
      false,
    );
    expect(forwardedLate({ organ_received_at: '2026-04-01T01:59:00Z', received_at: at })).toBe(
      true,
    );
  });
});
