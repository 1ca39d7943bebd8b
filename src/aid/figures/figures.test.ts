/**
 * The offices' report figures from known rows, checked against numbers worked out by hand (the comment
 * above each expectation), over HTTP for an officer (her agency) and the bureau (all, per district), the
 * recipient-category setter, the ledger export's new columns and its audited unmasked form, and the
 * statistics page's aid section.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApplication } from '../../test/aid-fixtures.js';
import { agencyId } from '../../test/aid-api.js';
import { createTestApp, type Session, type TestApp } from '../../test/app.js';
import { setRecipientGroups } from './repository.js';
import type { RecipientGroup } from './schema.js';

let t: TestApp;
let officerW: Session, officerH: Session, admin: Session;
const ids: number[] = [];
const RANGE = 'from=2026-03-01&to=2026-03-31';

/**
 * Rows (W = 武昌, H = 洪山; L1 famous W, L2 plain W, L3 famous H):
 *  1 W commitment 补正1 点援 L1 120000 labour_pay [农民工] closed 2026-03-20
 *  2 W exempt               L2  35000 injury     [老年人, 残疾人]
 *  3 W proof      补正2          0     maintenance [妇女, 未成年人]
 *  4 H exempt          点援 L3 2500000 labour_pay [农民工, 军人军属] closed
 *  5 H commitment           L3   9000 labour_pay []
 *  6 H draft (never counted)     1000
 *  7 W commitment, received 2026-02-28T17:00Z = 03-01 in China (counted) maintenance [老年人]
 *  8 W commitment, received 2026-02-28T15:00Z = 02-28 in China (not counted)
 */
async function seed(): Promise<void> {
  const W = await agencyId(t, 'wuchang');
  const H = await agencyId(t, 'hongshan');
  const lawyer = async (name: string, agency: number, famous: number) => {
    const s = await t.signIn('aid_lawyer', { displayName: name });
    const at = '2026-01-01T00:00:00Z';
    await t.ctx.db
      .insertInto('aid_roster')
      .values({
        user_id: s.userId,
        agency_id: agency,
        specialties: '["labour"]',
        years_experience: 5,
        famous,
        active: 1,
        conflict_parties: '[]',
        created_at: at,
        updated_at: at,
      })
      .execute();
    return s.userId;
  };
  const L1 = await lawyer('李名优', W, 1);
  const L2 = await lawyer('赵普通', W, 0);
  const L3 = await lawyer('钱名优', H, 1);
  const { id: _id, ...base } = makeApplication();
  const at = '2026-03-10T02:00:00Z';
  const rows: [Partial<typeof base>, RecipientGroup[]][] = [
    [
      {
        agency_id: W,
        hardship_basis: 'commitment',
        tolerant_at: at,
        assigned_by_choice: 1,
        assigned_lawyer_id: L1,
        economic_amount: 120000,
        case_type: 'labour_pay',
        status: 'closed',
        closed_at: '2026-03-20T02:00:00Z',
      },
      [],
    ],
    [
      {
        agency_id: W,
        hardship_basis: 'exempt',
        assigned_lawyer_id: L2,
        economic_amount: 35000,
        case_type: 'injury',
        status: 'in_progress',
      },
      ['elderly', 'disabled'],
    ],
    [
      {
        agency_id: W,
        hardship_basis: 'proof',
        tolerant_at: at,
        case_type: 'maintenance',
        status: 'under_review',
      },
      ['woman', 'minor'],
    ],
    [
      {
        agency_id: H,
        hardship_basis: 'exempt',
        assigned_by_choice: 1,
        assigned_lawyer_id: L3,
        economic_amount: 2500000,
        case_type: 'labour_pay',
        status: 'closed',
        closed_at: '2026-03-25T02:00:00Z',
      },
      ['migrant_worker', 'military'],
    ],
    [
      {
        agency_id: H,
        hardship_basis: 'commitment',
        assigned_lawyer_id: L3,
        economic_amount: 9000,
        case_type: 'labour_pay',
        status: 'evaluated',
      },
      [],
    ],
    [{ agency_id: H, status: 'draft', economic_amount: 1000 }, ['elderly']],
    [
      {
        agency_id: W,
        case_type: 'maintenance',
        status: 'received',
        received_at: '2026-02-28T17:00:00Z',
      },
      ['elderly'],
    ],
    [{ agency_id: W, status: 'received', received_at: '2026-02-28T15:00:00Z' }, ['elderly']],
  ];
  for (const [i, [over, groups]] of rows.entries()) {
    const r = await t.ctx.db
      .insertInto('aid_applications')
      .values({ ...base, received_at: at, ...over, ref_no: `F-${i + 1}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(r.id);
    await t.ctx.db.transaction().execute((trx) => setRecipientGroups(trx, r.id, groups));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-04-01T02:00:00Z');
  officerW = await t.signIn('aid_officer', { agencyCode: 'wuchang' });
  officerH = await t.signIn('aid_officer', { agencyCode: 'hongshan' });
  admin = await t.signIn('admin');
  await seed();
});
afterAll(() => t.close());

const get = (url: string, s: Session) => t.request({ method: 'GET', url, session: s });

describe('recipient categories', () => {
  it('are recorded by the officer of the agency holding the case, and refused to others', async () => {
    const url = `/api/v1/aid/applications/${ids[0]}/recipient-groups`;
    const put = (s: Session, groups: string[]) =>
      t.request({ method: 'PUT', url, session: s, payload: { groups } });
    expect((await put(officerH, ['migrant_worker'])).statusCode).toBe(404);
    const bad = await put(officerW, ['alien']);
    expect(bad.statusCode).toBe(400);
    const ok = await put(officerW, ['migrant_worker', 'migrant_worker']);
    expect(ok.json()).toEqual({ groups: ['migrant_worker'] });
    expect((await get(url, officerW)).json()).toEqual({ groups: ['migrant_worker'] });
    const trail = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', String(ids[0]))
      .where('action', '=', 'set_recipient_groups')
      .execute();
    expect(trail).toHaveLength(1);
  });
});

describe('figures', () => {
  it('the bureau sees every agency, matching the hand-worked totals', async () => {
    const f = (await get(`/api/v1/aid/figures?${RANGE}`, admin)).json();
    expect(f).toMatchObject({
      agencyId: null,
      received: 6, // rows 1, 2, 3, 4, 5, 7
      commitment: 3, // 1, 5, 7
      exempt: 2, // 2, 4
      proof: 1, // 3
      underCommitment: 5, // 3 + 2
      tolerantAcceptance: 2, // 1, 3
      pointChoice: 2, // 1, 4
      famousLawyer: 3, // 1 (L1), 4 and 5 (L3)
      economicAmount: 2664000, // 120000 + 35000 + 2500000 + 9000
      economicAmountWan: 266.4,
    });
    const groups = Object.fromEntries(
      f.byGroup.map((g: { group: string; count: number }) => [g.group, g.count]),
    );
    expect(groups).toEqual({
      migrant_worker: 2,
      elderly: 2,
      disabled: 1,
      minor: 1,
      woman: 1,
      military: 1,
    });
    expect(
      f.byMatter.map((m: { caseType: string; count: number }) => [m.caseType, m.count]),
    ).toEqual([
      ['labour_pay', 3],
      ['maintenance', 2],
      ['injury', 1],
    ]);
    const by = (name: string) => f.byAgency.find((a: { agency: string }) => a.agency === name);
    expect(by('武昌区法律援助中心')).toMatchObject({ received: 4, underCommitment: 3 });
    expect(by('洪山区法律援助中心')).toMatchObject({ received: 2, underCommitment: 2 });
  });

  it('an officer sees her own agency only and is refused another', async () => {
    const f = (await get(`/api/v1/aid/figures?${RANGE}`, officerW)).json();
    expect(f).toMatchObject({
      received: 4, // 1, 2, 3, 7
      underCommitment: 3, // 1, 2, 7
      tolerantAcceptance: 2,
      pointChoice: 1,
      famousLawyer: 1,
      economicAmount: 155000,
      economicAmountWan: 15.5,
    });
    expect(f.byAgency).toHaveLength(1);
    const H = await agencyId(t, 'hongshan');
    expect((await get(`/api/v1/aid/figures?${RANGE}&agencyId=${H}`, officerW)).statusCode).toBe(
      403,
    );
    const h = (await get(`/api/v1/aid/figures?${RANGE}&agencyId=${H}`, admin)).json();
    expect(h).toMatchObject({ received: 2, famousLawyer: 2, economicAmountWan: 250.9 });
    expect((await get(`/api/v1/aid/figures?from=2026-04-01&to=2026-03-01`, admin)).statusCode).toBe(
      400,
    );
  });

  it('the statistics page carries the same aid figures', async () => {
    const r = (await get(`/api/v1/stats/dashboard?${RANGE}`, admin)).json();
    const aid = r.sections.find((s: { key: string }) => s.key === 'aid');
    const m = (k: string) => aid.metrics.find((x: { key: string }) => x.key === k).value;
    expect([
      m('underCommitment'),
      m('famousLawyer'),
      m('economicAmountWan'),
      m('tolerant'),
    ]).toEqual([5, 3, 266.4, 2]);
    const groups = aid.tables.find((x: { key: string }) => x.key === 'byGroup');
    expect(groups.rows).toContainEqual({ label: '农民工', count: 2 });
  });
});

describe('ledger export', () => {
  const csv = (s: Session, extra = '') =>
    get(`/api/v1/aid/office/ledger?format=csv&${RANGE}${extra}`, s);

  it('carries lawyer, 点援, 容缺, basis, result, 挽回损失 and closing date, masked', async () => {
    const r = await csv(officerW);
    expect(r.statusCode).toBe(200);
    const lines = r.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('承办律师,点援,状态,办理结果,挽回经济损失（元）,结案日期');
    const row1 = lines.find((l) => l.startsWith('F-1,'))!;
    expect(row1).toContain('农民工');
    expect(row1).toContain('李名优（名优）,是');
    expect(row1).toContain('已结案,120000,2026-03-20');
    expect(row1).toContain('个人诚信承诺,是');
    expect(r.body).not.toContain('11010519491231002X');
  });

  it('unmasked only with a purpose, and audited as a personal-data export', async () => {
    expect((await csv(officerW, '&unmasked=true')).json().error.code).toBe('purpose_required');
    const r = await csv(officerW, `&unmasked=true&purpose=${encodeURIComponent('报送区司法局')}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('11010519491231002X');
    const a = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'export_personal_data')
      .executeTakeFirstOrThrow();
    expect(a.actor_id).toBe(officerW.userId);
    expect(JSON.parse(a.detail!)).toMatchObject({ purpose: '报送区司法局', rows: 4 });
  });
});
