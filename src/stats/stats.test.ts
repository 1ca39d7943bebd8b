import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApplication } from '../test/aid-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { completion, targetKind } from './service.js';

let t: TestApp;
let admin: Session;
const api = '/api/v1';
const PERIOD = 'from=2026-01-01&to=2026-06-30';

interface Section {
  key: string;
  metrics: { key: string; value: number }[];
  tables: { key: string; rows: Record<string, string | number>[] }[];
  charts: { key: string; categories: string[]; series: { name: string; data: number[] }[] }[];
}
const section = (body: { sections: Section[] }, key: string) =>
  body.sections.find((s) => s.key === key)!;
const metric = (s: Section, key: string) => s.metrics.find((m) => m.key === key)!.value;

/** Seeds bookings, appraisal cases and aid applications with hand-chosen dates and outcomes. */
async function seed(): Promise<void> {
  const db = t.ctx.db;
  const citizen = await t.signIn('citizen');
  const [office] = await db
    .selectFrom('directory_entries')
    .select('id')
    .where('kind', '=', 'notary_office')
    .execute();
  const [inst] = await db
    .selectFrom('directory_entries')
    .select('id')
    .where('kind', '=', 'appraisal_institution')
    .execute();
  const slot = await db
    .insertInto('notary_slots')
    .values({
      office_id: office!.id,
      matter_code: 'weituo',
      date: '2026-03-02',
      start_time: '09:00',
      end_time: '10:00',
      capacity: 10,
      booked: 5,
      created_at: '2026-02-01T00:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const bookingBase = {
    slot_id: slot.id,
    office_id: office!.id,
    citizen_id: citizen.userId,
    applicant_name: '张三',
    phone: '13812345678',
    id_number: null,
    accepted_on: null,
    due_on: null,
    completed_on: null,
    fee_waiver: 0,
  };
  const bookings = [
    // 1 March 01:00 in Wuhan is still 28 February in UTC: it counts for March.
    { created_at: '2026-02-28T17:00:00Z', status: 'cancelled', matter_code: 'weituo' },
    {
      created_at: '2026-03-05T02:00:00Z',
      status: 'completed',
      matter_code: 'jicheng',
      accepted_on: '2026-03-05',
      due_on: '2026-03-26',
      completed_on: '2026-03-20',
      fee_waiver: 1,
    },
    {
      created_at: '2026-03-06T02:00:00Z',
      status: 'accepted',
      matter_code: 'weituo',
      accepted_on: '2026-03-06',
      due_on: '2026-03-27',
    },
    { created_at: '2026-05-06T02:00:00Z', status: 'booked', matter_code: 'weituo' },
    {
      created_at: '2025-12-30T02:00:00Z',
      status: 'completed',
      matter_code: 'weituo',
      completed_on: '2026-01-05',
      due_on: '2026-01-20',
    },
  ] as const;
  // One citizen each: a citizen holds one active booking per slot (a unique index says so).
  for (const b of bookings)
    await db
      .insertInto('notary_bookings')
      .values({
        ...bookingBase,
        ...b,
        citizen_id: (await t.signIn('citizen')).userId,
        updated_at: b.created_at,
      })
      .execute();
  const caseBase = {
    institution_id: inst!.id,
    category: '法医临床',
    commissioner: '某法院',
    summary: '伤残鉴定',
    by_letter: 0,
    accepted_on: null,
    due_on: null,
    extension_days: 0,
    opinion_on: null,
    archived_on: null,
    created_at: '2026-03-01T00:00:00Z',
    updated_at: '2026-03-01T00:00:00Z',
  };
  await db
    .insertInto('appraisal_cases')
    .values([
      {
        ...caseBase,
        code: 'WHSJ-2026-900001',
        stage: 'opinion',
        commissioned_on: '2026-02-02',
        accept_due_on: '2026-02-11',
        accepted_on: '2026-02-03',
        due_on: '2026-03-20',
        opinion_on: '2026-03-10',
      },
      {
        ...caseBase,
        code: 'WHSJ-2026-900002',
        stage: 'commissioned',
        commissioned_on: '2026-03-16',
        accept_due_on: '2026-03-25',
      },
      {
        ...caseBase,
        code: 'WHSJ-2025-900003',
        stage: 'archived',
        commissioned_on: '2025-11-03',
        accept_due_on: '2025-11-12',
        opinion_on: '2025-12-01',
      },
    ])
    .execute();
  const { id: _id, ...app } = makeApplication();
  const agencies = await db.selectFrom('agencies').select(['id', 'code']).execute();
  const hongshan = agencies.find((a) => a.code === 'hongshan')!.id;
  await db
    .insertInto('aid_applications')
    .values([
      {
        ...app,
        ref_no: 'S-1',
        status: 'granted',
        hardship_basis: 'commitment',
        agency_id: hongshan,
        received_at: '2026-03-03T02:00:00Z',
        decided_at: '2026-03-05T02:00:00Z',
        applicant_user_id: citizen.userId,
        created_by: citizen.userId,
      },
      {
        ...app,
        ref_no: 'S-2',
        status: 'refused',
        hardship_basis: 'exempt',
        agency_id: hongshan,
        received_at: '2026-04-03T02:00:00Z',
        decided_at: '2026-04-05T02:00:00Z',
        applicant_user_id: citizen.userId,
        created_by: citizen.userId,
      },
      {
        ...app,
        ref_no: 'S-3',
        status: 'granted',
        hardship_basis: 'proof',
        agency_id: hongshan,
        received_at: '2025-10-03T02:00:00Z',
        applicant_user_id: citizen.userId,
        created_by: citizen.userId,
      },
    ])
    .execute();
  const unanswered = ['2026-02-10T02:00:00Z', '2026-03-10T02:00:00Z', '2025-12-10T02:00:00Z'];
  await db
    .insertInto('qa_unanswered')
    .values(
      unanswered.map((at) => ({
        turn_id: null,
        question: '宠物咬人怎么办',
        topic: null,
        top_score: null,
        reason: 'no_hits',
        created_at: at,
      })),
    )
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-04-01T02:00:00Z');
  admin = await t.signIn('admin');
  await seed();
});
afterAll(() => t.close());

describe('bureau dashboard', () => {
  it('is for administrators only', async () => {
    for (const role of ['citizen', 'aid_officer', 'community_lawyer'] as const) {
      const s = await t.signIn(role);
      expect(
        (await t.request({ method: 'GET', url: `${api}/stats/dashboard`, session: s })).statusCode,
      ).toBe(403);
    }
    expect((await t.request({ method: 'GET', url: `${api}/stats/dashboard` })).statusCode).toBe(
      401,
    );
    const bad = await t.request({
      method: 'GET',
      url: `${api}/stats/dashboard?from=2026-06-01&to=2026-01-01`,
      session: admin,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('counts notary appointments of the period by local date, with the clock and fee waivers', async () => {
    const r = await t.request({
      method: 'GET',
      url: `${api}/stats/dashboard?${PERIOD}`,
      session: admin,
    });
    expect(r.statusCode).toBe(200);
    const n = section(r.json(), 'notary');
    expect(Object.fromEntries(n.metrics.map((m) => [m.key, m.value]))).toEqual({
      bookings: 4,
      cancelled: 1,
      accepted: 2,
      completed: 1,
      onTimeRate: 100,
      overdueOpen: 1,
      feeWaivers: 1,
    });
    const chart = n.charts.find((c) => c.key === 'byMonth')!;
    expect(chart.categories).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(chart.series[0]!.data).toEqual([0, 0, 3, 0, 1, 0]);
  });

  it('counts appraisal cases commissioned in the period and those overdue today', async () => {
    const r = await t.request({
      method: 'GET',
      url: `${api}/stats/dashboard?${PERIOD}`,
      session: admin,
    });
    const a = section(r.json(), 'appraisal');
    expect([
      metric(a, 'commissioned'),
      metric(a, 'opinions'),
      metric(a, 'onTimeRate'),
      metric(a, 'overdueNow'),
    ]).toEqual([2, 1, 100, 1]);
    expect(a.tables.find((x) => x.key === 'overdue')!.rows).toEqual([
      {
        code: 'WHSJ-2026-900002',
        institution: '示例司法鉴定所（示例数据）',
        deadline: '受理 2026-03-25',
      },
    ]);
  });

  it('takes legal-aid figures from the aid area, by basis and district', async () => {
    const r = await t.request({
      method: 'GET',
      url: `${api}/stats/dashboard?${PERIOD}`,
      session: admin,
    });
    const aid = section(r.json(), 'aid');
    expect([
      metric(aid, 'received'),
      metric(aid, 'granted'),
      metric(aid, 'refused'),
      metric(aid, 'commitment'),
      metric(aid, 'exempt'),
    ]).toEqual([2, 1, 1, 1, 1]);
    const hongshan = aid.tables[0]!.rows.find((row) => row.agency === '洪山区法律援助中心');
    expect(hongshan).toEqual({ agency: '洪山区法律援助中心', received: 2, granted: 1 });
    const march = await t.request({
      method: 'GET',
      url: `${api}/stats/dashboard?from=2026-03-01&to=2026-03-31`,
      session: admin,
    });
    expect(metric(section(march.json(), 'aid'), 'received')).toBe(1);
  });

  it('exports the figures to an Excel workbook', async () => {
    const r = await t.request({
      method: 'GET',
      url: `${api}/stats/export?${PERIOD}`,
      session: admin,
    });
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const overview = wb.getWorksheet('概览')!;
    const rows: unknown[][] = [];
    overview.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['公证预约', '预约', 4, '件']);
    expect(wb.worksheets.map((w) => w.name)).toContain('司法鉴定-超期案件');
  });
});

describe('other modules', () => {
  it('counts unanswered questions and shows every module’s section', async () => {
    const r = await t.request({
      method: 'GET',
      url: `${api}/stats/dashboard?${PERIOD}`,
      session: admin,
    });
    expect(r.json().sections.map((s: Section) => s.key)).toEqual([
      'qa',
      'aid',
      'consult',
      'publicity',
      'opinion',
      'notary',
      'appraisal',
      'directory',
    ]);
    const qa = section(r.json(), 'qa');
    expect(metric(qa, 'unanswered')).toBe(2);
    expect(qa.charts[0]!.series[1]!.data).toEqual([0, 1, 1, 0, 0, 0]);
    expect(metric(section(r.json(), 'opinion'), 'letters')).toBe(0);
    expect(metric(section(r.json(), 'consult'), 'questions')).toBe(0);
    expect(metric(section(r.json(), 'publicity'), 'activities')).toBe(0);
  });
});

describe('half-year report', () => {
  it('sets targets and reports completion against the half year’s figures', async () => {
    const put = await t.request({
      method: 'PUT',
      url: `${api}/stats/targets`,
      payload: {
        year: 2026,
        targets: [
          { metric: 'notary.bookings', target: 8 },
          { metric: 'aid.granted', target: 4 },
        ],
      },
      session: admin,
    });
    expect(put.statusCode).toBe(200);
    const dup = await t.request({
      method: 'PUT',
      url: `${api}/stats/targets`,
      payload: {
        year: 2026,
        targets: [
          { metric: 'aid.granted', target: 1 },
          { metric: 'aid.granted', target: 2 },
        ],
      },
      session: admin,
    });
    expect(dup.json().error.code).toBe('duplicate_metric');
    const r = await t.request({
      method: 'GET',
      url: `${api}/stats/report?year=2026&half=1`,
      session: admin,
    });
    expect(r.json().title).toBe('2026年上半年公共法律服务工作目标完成情况');
    expect(
      r
        .json()
        .targets.map((x: { metric: string; actual: number; rate: number }) => [
          x.metric,
          x.actual,
          x.rate,
        ]),
    ).toEqual([
      // Counts are held to half the yearly target: 1 of 2, 4 of 4.
      ['aid.granted', 1, 50],
      ['notary.bookings', 4, 100],
    ]);
    expect(r.json().targets[1]).toMatchObject({
      kind: 'count',
      yearlyTarget: 8,
      target: 4,
      met: true,
    });
    expect(r.json().paragraphs.join('')).toContain('公证预约：预约4件');
  });

  it('refuses a mistyped target key, naming it, and writes nothing', async () => {
    const bad = await t.request({
      method: 'PUT',
      url: `${api}/stats/targets`,
      payload: {
        year: 2027,
        targets: [
          { metric: 'aid.granted', target: 4 },
          { metric: 'consult.meanMinute', target: 30 },
        ],
      },
      session: admin,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'unknown_target',
      details: { unknown: ['consult.meanMinute'] },
    });
    const kept = await t.request({
      method: 'GET',
      url: `${api}/stats/targets?year=2027`,
      session: admin,
    });
    expect(kept.json().targets).toEqual([]);
  });
});

describe('completion against a target', () => {
  it('halves a count, holds a rate to the target, and scores a time lower-is-better', () => {
    expect(targetKind('件')).toBe('count');
    expect(targetKind('%')).toBe('level');
    expect(targetKind('分钟')).toBe('lower');
    // 6,000 consultations a year → 3,000 for the half; 2,400 done = 80 %.
    expect(completion('count', 6000, 2400)).toEqual({ target: 3000, rate: 80, met: false });
    // 95 % response rate target, 97.5 reached.
    expect(completion('level', 95, 97.5)).toEqual({ target: 95, rate: 102.6, met: true });
    // Respond within 10 minutes: 6.8 is better than the target (10 ÷ 6.8 = 147.1 %), 12.5 is not (80 %).
    expect(completion('lower', 10, 6.8)).toEqual({ target: 10, rate: 147.1, met: true });
    expect(completion('lower', 10, 12.5)).toEqual({ target: 10, rate: 80, met: false });
  });
});
