/** The bureau's calendar edits: admin only, audited, and every area's working-day count follows them at once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadline } from '../aid/clock.js';
import { addWorkingDays, calendarWarning, isWorkingDay } from '../core/time.js';
import { createTestApp, type Session, type TestApp } from '../test/app.js';

let t: TestApp;
let admin: Session;
const url = '/api/v1/admin/calendar';
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-02T01:00:00Z');
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

describe('the admin calendar', () => {
  it('lists the years held, 2027 as provisional with its source and entry date', async () => {
    const r = await t.request({ method: 'GET', url: `${url}?year=2027`, session: admin });
    expect(r.statusCode).toBe(200);
    const y = r.json().years.find((x: { year: number }) => x.year === 2027);
    expect(y).toMatchObject({ status: 'provisional', enteredOn: '2026-12-02', edited: false });
    expect(y.source).toContain('全国年节及纪念日放假办法');
    const days = r.json().days.map((d: { date: string }) => d.date);
    expect(days).toContain('2027-02-05');
    expect(days.every((d: string) => d.startsWith('2027-'))).toBe(true);
  });

  it('changes a date and a year for every area at once, and undoes the date', async () => {
    expect(isWorkingDay('2027-02-09')).toBe(true);
    const day = await t.request({
      method: 'PUT',
      url: `${url}/days/2027-02-09`,
      payload: { kind: 'holiday', note: '春节补休（据通知）' },
      session: admin,
    });
    expect(day.statusCode, day.body).toBe(200);
    expect(day.json().days.find((d: { date: string }) => d.date === '2027-02-09')).toMatchObject({
      kind: 'holiday',
      origin: 'bureau',
    });
    expect(isWorkingDay('2027-02-09')).toBe(false);
    expect(addWorkingDays('2027-02-04', 1)).toBe('2027-02-10');
    // The legal-aid clock counts on the same calendar (its own day-number loop over core/time.ts's).
    expect(deadline({ start: '2027-02-04', days: 1, mode: 'working' })).toBe('2027-02-10');
    const year = await t.request({
      method: 'PUT',
      url: `${url}/years/2027`,
      payload: { status: 'official', source: '国务院办公厅关于2027年部分节假日安排的通知' },
      session: admin,
    });
    expect(year.json().years.find((x: { year: number }) => x.year === 2027)).toMatchObject({
      status: 'official',
      edited: true,
    });
    expect(calendarWarning('2026-12-20', '2027-01-20')).toBeNull();
    const undo = await t.request({
      method: 'DELETE',
      url: `${url}/days/2027-02-09`,
      session: admin,
    });
    expect(undo.statusCode).toBe(200);
    expect(isWorkingDay('2027-02-09')).toBe(true);
    expect(deadline({ start: '2027-02-04', days: 1, mode: 'working' })).toBe('2027-02-09');
    const again = await t.request({
      method: 'DELETE',
      url: `${url}/days/2027-02-09`,
      session: admin,
    });
    expect(again.statusCode).toBe(404);
    const trail = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity', 'in', ['calendar_day', 'calendar_year'])
      .orderBy('id')
      .execute();
    expect(trail.map((r) => `${r.entity}:${r.action}`)).toEqual([
      'calendar_day:update',
      'calendar_year:update',
      'calendar_day:delete',
    ]);
  });

  it('refuses other roles and bad input with 4xx', async () => {
    const officer = await t.signIn('aid_officer');
    expect((await t.request({ method: 'GET', url, session: officer })).statusCode).toBe(403);
    const bad = await t.request({
      method: 'PUT',
      url: `${url}/days/2027-02-30`,
      payload: { kind: 'holiday' },
      session: admin,
    });
    expect(bad.statusCode).toBe(400);
    const noSource = await t.request({
      method: 'PUT',
      url: `${url}/years/2028`,
      payload: { status: 'official', source: '' },
      session: admin,
    });
    expect(noSource.statusCode).toBe(400);
  });
});
