import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { consultStatistics, figuresOf } from './metrics.js';
import { bulletinPeriod } from './bulletin.js';
import type { Bulletin } from '../contracts/consult.js';
import { json, setUpArea, type Area } from '../test/consult.js';

let t: TestApp;
let area: Area;
let lawyerC: Session;
let communityC: number;
beforeAll(async () => {
  t = await createTestApp();
  area = await setUpArea(t);
  lawyerC = await t.signIn('community_lawyer', { displayName: '陈律师' });
  const street = await json<{ id: number }>(t, area.admin, 'POST', '/consult/admin/streets', {
    district: '江岸区',
    name: '大智街道',
  });
  communityC = (
    await json<{ id: number }>(t, area.admin, 'POST', '/consult/admin/communities', {
      streetId: street.body.id,
      name: '三阳路社区',
      lawyerIds: [lawyerC.userId],
    })
  ).body.id;
  // registration: A registered and active, B registered but not active, C never registered → 1 of 3
  await json(t, area.admin, 'PUT', `/consult/admin/lawyers/${area.lawyerA.userId}`, {
    registered: true,
    active: true,
    inPool: false,
  });
  await json(t, area.admin, 'PUT', `/consult/admin/lawyers/${area.lawyerB.userId}`, {
    registered: true,
    active: false,
    inPool: false,
  });
  await seed();
});
afterAll(() => t.close());

const MIN = 60_000;
/** [community, created (UTC), minutes to first reply or null, rating] — worked by hand below. */
function rows(): [number, string, number | null, number | null][] {
  return [
    [area.communityA, '2026-10-05T02:00:00.000Z', 4, 5],
    [area.communityA, '2026-10-10T02:00:00.000Z', 6, 4],
    [area.communityB, '2026-10-12T02:00:00.000Z', 10, null],
    [communityC, '2026-10-15T02:00:00.000Z', 2, null],
    [communityC, '2026-10-20T02:00:00.000Z', null, null],
    // 1 October 00:30 in Beijing: October
    [area.communityA, '2026-09-30T16:30:00.000Z', 8, null],
    // 1 November 00:30 in Beijing: not October
    [area.communityA, '2026-10-31T16:30:00.000Z', 100, null],
  ];
}

async function seed() {
  for (const [community, created, minutes, rating] of rows()) {
    const answered =
      minutes === null ? null : new Date(Date.parse(created) + minutes * MIN).toISOString();
    await t.ctx.db
      .insertInto('consult_questions')
      .values({
        citizen_id: area.resident.userId,
        community_id: community,
        body: '测试问题',
        transcript: null,
        conversation_id: null,
        stage: 'community',
        status: answered ? 'answered' : 'open',
        claimed_by: null,
        claimed_at: null,
        next_escalation_at: null,
        first_response_at: answered,
        first_responder_id: answered ? area.lawyerA.userId : null,
        category: null,
        rating,
        rating_comment: null,
        created_at: created,
        updated_at: created,
      })
      .execute();
  }
  for (const [date, kind, count] of [
    ['2026-10-03', 'lecture', 2],
    ['2026-10-15', 'mediation', 3],
    ['2026-10-31', 'lecture', 1],
    ['2026-11-01', 'lecture', 5],
  ] as const)
    await t.ctx.db
      .insertInto('consult_offline_logs')
      .values({
        lawyer_id: area.lawyerA.userId,
        community_id: area.communityA,
        kind,
        date,
        count,
        note: null,
        created_at: `${date}T08:00:00Z`,
      })
      .execute();
}

describe('figures', () => {
  it('computes mean, median and nearest-rank p90', () => {
    const at = (m: number | null) => ({
      created_at: '2026-10-01T00:00:00Z',
      first_response_at:
        m === null ? null : new Date(Date.parse('2026-10-01T00:00:00Z') + m * MIN).toISOString(),
    });
    expect(figuresOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(at))).toMatchObject({
      meanMinutes: 5.5,
      medianMinutes: 5.5,
      p90Minutes: 9,
    });
    expect(figuresOf([at(3), at(null)])).toMatchObject({
      questions: 2,
      answered: 1,
      responseRate: 0.5,
      p90Minutes: 3,
    });
    expect(figuresOf([])).toMatchObject({ questions: 0, responseRate: null, meanMinutes: null });
  });
});

describe('October bulletin, worked by hand', () => {
  // October (Beijing time): 6 questions; replies after 4, 6, 10, 2, 8 minutes, one unanswered.
  // sorted 2,4,6,8,10 → mean 6, median 6, p90 = 5th of 5 = 10; rate 5/6.
  it('gives the city figures', async () => {
    const s = await consultStatistics(t.ctx.db, { from: '2026-10-01', to: '2026-10-31' });
    expect(s.online).toEqual({
      questions: 6,
      answered: 5,
      responseRate: 5 / 6,
      meanMinutes: 6,
      medianMinutes: 6,
      p90Minutes: 10,
    });
    expect(s.offline.total).toBe(6);
    expect(s.offline.items.find((i) => i.kind === 'lecture')?.count).toBe(3);
    expect(s.offline.items.find((i) => i.kind === 'mediation')?.count).toBe(3);
    expect(s.registration).toEqual({ assigned: 3, registeredActive: 1, rate: 1 / 3 });
    expect(s.rating).toEqual({ count: 2, mean: 4.5 });
  });

  it('splits by district, street, community and lawyer', async () => {
    const by = async (g: string) =>
      (
        await json<{
          items: {
            name: string;
            questions: number;
            answered: number;
            meanMinutes: number | null;
            medianMinutes: number | null;
            p90Minutes: number | null;
          }[];
        }>(t, area.admin, 'GET', `/consult/metrics?from=2026-10-01&to=2026-10-31&by=${g}`)
      ).body.items;
    const d = await by('district');
    // 洪山区: 4, 6, 10, 8 → mean 7, median 7, p90 10; 江岸区: one of two answered, 2 minutes
    expect(d).toEqual([
      expect.objectContaining({
        name: '洪山区',
        questions: 4,
        answered: 4,
        meanMinutes: 7,
        medianMinutes: 7,
        p90Minutes: 10,
      }),
      expect.objectContaining({
        name: '江岸区',
        questions: 2,
        answered: 1,
        meanMinutes: 2,
        responseRate: 0.5,
      }),
    ]);
    expect((await by('street')).map((x) => [x.name, x.questions])).toEqual([
      ['洪山区珞南街道', 4],
      ['江岸区大智街道', 2],
    ]);
    expect((await by('community')).map((x) => [x.name, x.questions])).toEqual([
      ['洪山区珞南街道珞珈山社区', 3],
      ['江岸区大智街道三阳路社区', 2],
      ['洪山区珞南街道马房山社区', 1],
    ]);
    const l = await by('lawyer');
    expect(l.find((x) => x.name === '李律师')).toMatchObject({ questions: 3, meanMinutes: 6 });
    // 陈律师's community question was answered by 李律师: it is not her response (考核 credits
    // whoever answered), nor her rating; 李律师's offline services are his.
    expect(l.find((x) => x.name === '陈律师')).toMatchObject({
      questions: 2,
      answered: 0,
      responseRate: 0,
      meanMinutes: null,
      ratings: 0,
      offlineServices: 0,
    });
    expect(l.find((x) => x.name === '李律师')).toMatchObject({ offlineServices: 6 });
  });

  it('shows the bulletin and exports it to Excel', async () => {
    const b = await json<{
      bulletin: { online: { questions: number }; districts: { name: string; questions: number }[] };
    }>(t, area.admin, 'GET', '/consult/bulletin/2026-10');
    expect(b.body.bulletin.online.questions).toBe(6);
    expect(b.body.bulletin.districts).toHaveLength(13);
    expect(b.body.bulletin.districts.find((x) => x.name === '青山区')?.questions).toBe(0);
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/consult/bulletin/2026-10/xlsx',
      session: area.admin,
    });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('月通报')!;
    const cells = new Map<string, unknown>();
    sheet.eachRow((r) => cells.set(r.getCell(1).text, r.getCell(2).value));
    expect(cells.get('线上咨询量（件）')).toBe(6);
    // percentages are numbers (in percent), not text
    expect(cells.get('回复率（%）')).toBe(83.3);
    expect(cells.get('平均首次响应时间（分钟）')).toBe(6);
    expect(cells.get('首次响应时间 P90（分钟）')).toBe(10);
    expect(cells.get('线下服务合计（件/次）')).toBe(6);
    expect(cells.get('法律顾问注册在岗率（%）')).toBe(33.3);
    // 各区情况: 江岸区 answered one of two → 50 (a number)
    const districts = wb.getWorksheet('各区情况')!;
    let jiangan: unknown;
    districts.eachRow((r) => {
      if (r.getCell(1).value === '江岸区') jiangan = r.getCell(4).value;
    });
    expect(jiangan).toBe(50);
    const kinds = wb.getWorksheet('服务合计')!;
    // row 2 is 法律咨询 (online 6), row 4 法治讲座 (offline 3)
    expect(kinds.getRow(4).getCell(1).value).toBe('法治讲座');
    expect([2, 3, 4].map((c) => kinds.getRow(4).getCell(c).value)).toEqual([0, 3, 3]);
    expect([2, 3, 4].map((c) => kinds.getRow(2).getCell(c).value)).toEqual([6, 0, 6]);
  });

  it('refuses a bad month and non-admins', async () => {
    expect((await json(t, area.admin, 'GET', '/consult/bulletin/2026-13')).status).toBe(400);
    expect((await json(t, area.lawyerA, 'GET', '/consult/bulletin/2026-10')).status).toBe(403);
    const r = await json<{ error: { code: string } }>(
      t,
      area.admin,
      'GET',
      '/consult/metrics?from=2026-10-31&to=2026-10-01',
    );
    expect(r.body.error.code).toBe('period_invalid');
  });
});

describe('the seven kinds, online and offline together, worked by hand', () => {
  const get = async (key: string) =>
    (await json<{ bulletin: Bulletin }>(t, area.admin, 'GET', `/consult/bulletin/${key}`)).body
      .bulletin;
  const kinds = (b: Bulletin) =>
    Object.fromEntries(b.services.items.map((i) => [i.kind, [i.online, i.offline, i.total]]));

  it('names a month or a quarter by its days', () => {
    expect(bulletinPeriod('2026-02')).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(bulletinPeriod('2026-Q4')).toMatchObject({
      kind: 'quarter',
      label: '2026年第四季度',
      from: '2026-10-01',
      to: '2026-12-31',
    });
  });

  it('counts a month per kind, district, street and community', async () => {
    // one of 三阳路社区's two questions was referred to legal aid; the others are unclassified (法律咨询)
    const q = await t.ctx.db
      .selectFrom('consult_questions')
      .select('id')
      .where('community_id', '=', communityC)
      .where('created_at', '=', '2026-10-15T02:00:00.000Z')
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .updateTable('consult_questions')
      .set({ category: 'legal_aid' })
      .where('id', '=', q.id)
      .execute();
    const b = await get('2026-10');
    // online 6 (5 法律咨询 + 1 法律援助); offline at 珞珈山: lectures 2+1, mediation 3 → 12 in all
    expect(kinds(b)).toEqual({
      consultation: [5, 0, 5],
      mediation: [0, 3, 3],
      lecture: [0, 3, 3],
      legal_aid: [1, 0, 1],
      litigation: [0, 0, 0],
      opinion: [0, 0, 0],
      publicity: [0, 0, 0],
    });
    expect([b.services.online, b.services.offline, b.services.total]).toEqual([6, 6, 12]);
    expect(b.services.online).toBe(b.online.questions);
    const row = (rows: Bulletin['areas']['district'], name: string) =>
      rows.find((r) => r.name === name)!;
    expect(b.areas.district).toHaveLength(13);
    expect(row(b.areas.district, '洪山区')).toMatchObject({ online: 4, offline: 6, total: 10 });
    expect(row(b.areas.district, '江岸区')).toMatchObject({
      online: 2,
      offline: 0,
      total: 2,
      kinds: { consultation: 1, legal_aid: 1 },
    });
    expect(row(b.areas.district, '青山区').total).toBe(0);
    // in the districts' official order (江岸区 first), then by name
    expect(b.areas.street.map((r) => [r.name, r.total])).toEqual([
      ['江岸区大智街道', 2],
      ['洪山区珞南街道', 10],
    ]);
    expect(b.areas.community.map((r) => [r.name, r.online, r.offline])).toEqual([
      ['江岸区大智街道三阳路社区', 2, 0],
      ['洪山区珞南街道珞珈山社区', 3, 6],
      ['洪山区珞南街道马房山社区', 1, 0],
    ]);
  });

  it('adds up a quarter, and exports it as 季度通报', async () => {
    const b = await get('2026-Q4');
    // Q4 adds November: the 1 November 00:30 question (珞珈山) and 5 lectures there
    expect(b).toMatchObject({ kind: 'quarter', label: '2026年第四季度' });
    expect([b.services.online, b.services.offline, b.services.total]).toEqual([7, 11, 18]);
    expect(kinds(b).lecture).toEqual([0, 8, 8]);
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/consult/bulletin/2026-Q4/xlsx',
      session: area.admin,
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('季度通报')).toBeDefined();
    const community = wb.getWorksheet('各社区服务')!;
    expect(community.getRow(3).values).toEqual([
      undefined,
      '洪山区珞南街道珞珈山社区',
      4,
      11,
      15,
      4, // 法律咨询: 4 online
      3, // 调解
      8, // 讲座
      0,
      0,
      0,
      0,
    ]);
    expect((await json(t, area.admin, 'GET', '/consult/bulletin/2026-Q5')).status).toBe(400);
  });
});
