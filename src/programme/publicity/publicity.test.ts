/**
 * The 普法 registry over the API: campaigns, activities logged by advisers and the bureau (inside the
 * campaign's dates), results recorded after the event, the public calendar (upcoming only, no personal data),
 * an adviser's held activities counted among her offline services in the 考核, and the dashboard totals in
 * China dates — every figure worked by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/app.js';
import { json, setUpArea, type Area } from '../../test/consult.js';
import { Activities, PublicActivities } from '../../contracts/programme.js';
import { publicityTotals } from '../index.js';

let t: TestApp;
let area: Area;
let citizen: Session;
let wages = 0;
let constitution = 0;
let lectureId = 0;

beforeAll(async () => {
  t = await createTestApp();
  // 10:00 on 10 December 2026 in Beijing
  t.clock.set('2026-12-10T02:00:00Z');
  area = await setUpArea(t);
  citizen = await t.signIn('citizen');
});
afterAll(async () => t.close());

const campaign = (body: Record<string, unknown>) =>
  json<{ id: number; error?: { code: string } }>(
    t,
    area.admin,
    'POST',
    '/admin/programme/campaigns',
    body,
  );
const activity = (s: Session, body: Record<string, unknown>) =>
  json<{ id: number; error?: { code: string; message: string } }>(
    t,
    s,
    'POST',
    '/programme/activities',
    {
      kind: 'lecture',
      place: '珞珈山社区活动室',
      startTime: '14:00',
      endTime: '16:00',
      organiser: '珞南街道司法所',
      ...body,
    },
  );

describe('campaigns and activities', () => {
  it('opens campaigns and refuses one that ends before it starts', async () => {
    const w = await campaign({ name: '百日护薪', fromDate: '2026-10-01', toDate: '2026-12-31' });
    expect(w.status).toBe(200);
    wages = w.body.id;
    const c = await campaign({ name: '宪法宣传周', fromDate: '2026-12-01', toDate: '2026-12-07' });
    constitution = c.body.id;
    expect(
      (await campaign({ name: '错', fromDate: '2026-12-08', toDate: '2026-12-07' })).status,
    ).toBe(400);
    const list = await json<{ items: { name: string }[] }>(
      t,
      undefined,
      'GET',
      '/programme/campaigns',
    );
    expect(list.body.items.map((x) => x.name)).toEqual(['宪法宣传周', '百日护薪']);
  });

  it('logs activities inside the campaign only, by advisers and the bureau, not by residents', async () => {
    const a = await activity(area.lawyerA, {
      campaignId: wages,
      title: '农民工工资支付条例讲座',
      date: '2026-10-20',
      lawyers: ['李律师'],
    });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    lectureId = a.body.id;
    const out = await activity(area.lawyerA, {
      campaignId: constitution,
      title: '宪法进社区',
      date: '2026-12-08',
    });
    expect([out.status, out.body.error?.code, out.body.error?.message]).toEqual([
      400,
      'activity_outside_campaign',
      '活动日期应在“宪法宣传周”的活动期间（2026-12-01 至 2026-12-07）内',
    ]);
    const none = await activity(area.lawyerA, {
      campaignId: 9999,
      title: '无主题',
      date: '2026-12-08',
    });
    expect(none.body.error?.code).toBe('campaign_not_found');
    expect(
      (await activity(citizen, { campaignId: wages, title: '群众', date: '2026-12-20' })).status,
    ).toBe(403);
    for (const [s, body] of [
      [
        area.admin,
        {
          campaignId: wages,
          kind: 'school',
          title: '法治进校园',
          date: '2026-11-15',
          audience: 300,
        },
      ],
      [
        area.lawyerA,
        { campaignId: wages, kind: 'community', title: '讨薪维权进社区', date: '2026-12-20' },
      ],
      // 07:00 on 4 December in Beijing is 23:00 on 3 December UTC
      [
        area.lawyerB,
        {
          campaignId: constitution,
          title: '宪法晨读',
          date: '2026-12-04',
          startTime: '07:00',
          endTime: '08:00',
          audience: 50,
        },
      ],
    ] as const)
      expect((await activity(s, body)).status).toBe(200);
  });

  it('records the audience and photos afterwards, by the one who logged it or the bureau', async () => {
    const url = `/programme/activities/${lectureId}/result`;
    expect((await json(t, area.lawyerB, 'PUT', url, { audience: 1, photoCount: 1 })).status).toBe(
      404,
    );
    expect((await json(t, area.lawyerA, 'PUT', url, { audience: 120, photoCount: 6 })).status).toBe(
      200,
    );
    const mine = await json<{
      items: {
        title: string;
        audience: number;
        photoCount: number;
        date: string;
        startTime: string;
      }[];
    }>(t, area.lawyerA, 'GET', '/programme/activities/mine');
    expect(
      mine.body.items.map((a) => [a.title, a.date, a.startTime, a.audience, a.photoCount]),
    ).toEqual([
      ['讨薪维权进社区', '2026-12-20', '14:00', 0, 0],
      ['农民工工资支付条例讲座', '2026-10-20', '14:00', 120, 6],
    ]);
    expect(Activities.parse(mine.body).items[1]?.lawyers).toEqual(['李律师']);
  });
});

describe('the public calendar', () => {
  it('shows what has not ended yet, without the lawyers or who logged it', async () => {
    const r = await json<{ items: Record<string, unknown>[] }>(
      t,
      undefined,
      'GET',
      '/programme/activities/public',
    );
    expect(r.body.items).toEqual([
      {
        id: expect.any(Number),
        campaign: '百日护薪',
        kind: 'community',
        kindLabel: '进社区',
        title: '讨薪维权进社区',
        place: '珞珈山社区活动室',
        date: '2026-12-20',
        startTime: '14:00',
        endTime: '16:00',
        organiser: '珞南街道司法所',
      },
    ]);
    // The contract is strict: an answer carrying any other field (a lawyer, an account) fails it.
    expect(PublicActivities.parse(r.body).items.length).toBe(1);
    const from = await json<{ items: { title: string }[] }>(
      t,
      undefined,
      'GET',
      '/programme/activities/public?from=2026-12-04',
    );
    expect(from.body.items.map((a) => a.title)).toEqual(['宪法晨读', '讨薪维权进社区']);
  });
});

describe('the 考核 and the dashboard', () => {
  const offline = async () => {
    const r = await json<{ id: number }>(t, area.admin, 'POST', '/admin/programme/scores', {
      adviserId: area.lawyerA.userId,
      period: '2026-Q4',
      training: 0,
      complaints: 0,
    });
    const list = await json<{
      items: {
        id: number;
        total: number;
        services: number;
        parts: { metric: string; figure: number; points: number }[];
      }[];
    }>(t, area.admin, 'GET', '/admin/programme/scores?period=2026-Q4');
    const s = list.body.items.find((x) => x.id === r.body.id);
    return [s?.services, s?.parts.find((p) => p.metric === 'offlineServices')?.points, s?.total];
  };

  it("counts the adviser's held activities among her offline services, not the ones still to come", async () => {
    // On 10 December only the October lecture was held: 1 of 12 × 15 points = 1.25 → 125; no complaint → 1000
    expect(await offline()).toEqual([1, 125, 1125]);
    await relogin('2027-01-05T02:00:00Z');
    // The 20 December visit has now been held too: 2 of 12 × 15 = 2.50 → 250; total 1250
    expect(await offline()).toEqual([2, 250, 1250]);
  });

  it('totals activities, audience and campaigns over China dates', async () => {
    expect(await publicityTotals(t.ctx.db, { from: '2026-10-01', to: '2026-12-31' })).toEqual({
      activities: 4,
      audience: 470,
      campaigns: 2,
      byKind: {
        lecture: { activities: 2, audience: 170 },
        community: { activities: 1, audience: 0 },
        enterprise: { activities: 0, audience: 0 },
        school: { activities: 1, audience: 300 },
        other: { activities: 0, audience: 0 },
      },
    });
    const day = await publicityTotals(t.ctx.db, { from: '2026-12-04', to: '2026-12-04' });
    expect([day.activities, day.audience, day.campaigns]).toEqual([1, 50, 1]);
    expect(
      (await publicityTotals(t.ctx.db, { from: '2026-12-03', to: '2026-12-03' })).activities,
    ).toBe(0);
  });
});

/** Moves the clock and signs the admin in again (sessions expire over weeks), keeping the account. */
async function relogin(iso: string) {
  t.clock.set(iso);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: area.admin.username, password: 'correct-horse-9' },
  });
  const sid = res.cookies.find((c) => c.name === 'sid');
  area.admin.headers = {
    cookie: `sid=${sid?.value ?? ''}`,
    'x-csrf-token': res.json<{ user: { csrfToken: string } }>().user.csrfToken,
  };
}
