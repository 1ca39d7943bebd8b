/** @module 台账 and statistics: the filtered case list, its Excel/CSV export, and the bureau's figures. */
import type { Kysely } from 'kysely';
import type { SessionUser } from '../core/session.js';
import type { Column } from '../core/export.js';
import type { Database } from '../db/schema.js';
import { localDate } from './clock.js';
import { caseDeadlines, type AidSettings } from './deadlines.js';
import { presentListItem } from './presenter.js';
import type { LedgerFilter } from './schema.js';
import type { AidApplication } from './tables.js';
import { RECIPIENT_GROUPS, type RecipientGroup } from './figures/schema.js';

/** Local (China) date bounds as UTC ISO instants: [from 00:00, to+1 00:00). */
export function instantRange(from?: string, to?: string): { from?: string; to?: string } {
  const at = (d: string) => new Date(`${d}T00:00:00+08:00`);
  return {
    ...(from ? { from: at(from).toISOString() } : {}),
    ...(to ? { to: new Date(at(to).getTime() + 86_400_000).toISOString() } : {}),
  };
}

/** The rows an officer (her agency only) or an admin (any, or one agency) sees in the ledger. */
export async function ledgerRows(
  db: Kysely<Database>,
  user: SessionUser,
  f: LedgerFilter,
  all = false,
): Promise<AidApplication[]> {
  let q = db.selectFrom('aid_applications').selectAll().where('status', '!=', 'draft');
  // An office's ledger: what it holds, and what it received and forwarded (as receiver).
  if (user.role !== 'admin')
    q = q.where((eb) =>
      eb.or([
        eb('agency_id', '=', user.agencyId ?? -1),
        eb('received_agency_id', '=', user.agencyId ?? -1),
      ]),
    );
  else if (f.agencyId) q = q.where('agency_id', '=', f.agencyId);
  const r = instantRange(f.from, f.to);
  if (r.from) q = q.where('received_at', '>=', r.from);
  if (r.to) q = q.where('received_at', '<', r.to);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.basis) q = q.where('hardship_basis', '=', f.basis);
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('ref_no', 'like', `%${f.q}%`), eb('applicant_name', 'like', `%${f.q}%`)]),
    );
  q = q.orderBy('id', 'desc');
  if (!all) q = q.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return q.execute();
}

type Item = ReturnType<typeof presentListItem>;

/** A ledger row as exported: the list item plus what the offices report (lawyer, 点援, 容缺, result…). */
export type LedgerExportRow = Item & {
  decideBy: string | null;
  overdue: string;
  lawyer: string;
  pointChoice: string;
  tolerant: string;
  result: string;
  economicAmount: number;
  closedOn: string;
  groups: string;
};

const RESULT_LABELS: Record<string, string> = {
  closed: '已结案',
  evaluated: '已结案（已评估）',
  terminated: '终止援助',
  refused: '不予援助',
  objection_rejected: '不予援助（异议未支持）',
  withdrawn: '撤回',
};

/**
 * Export columns. Personal data stays masked as in the list unless `unmasked` (an entitled officer's
 * export for a stated purpose, audited by the route as export_personal_data).
 */
export function ledgerColumns(
  agencyNames: Map<number, string>,
  unmasked: Map<
    number,
    Pick<AidApplication, 'applicant_name' | 'applicant_id_number' | 'applicant_phone'>
  > | null = null,
): Column<LedgerExportRow>[] {
  const full = (r: LedgerExportRow) => unmasked?.get(r.id);
  return [
    { header: '申请编号', value: (r) => r.refNo, width: 26 },
    { header: '接收日期', value: (r) => localDate(r.receivedAt), width: 12 },
    { header: '申请方式', value: (r) => r.channel },
    { header: '申请人', value: (r) => full(r)?.applicant_name ?? r.applicantName },
    {
      header: '身份证号',
      value: (r) => full(r)?.applicant_id_number ?? r.applicantIdNumber,
      width: 22,
    },
    { header: '联系电话', value: (r) => full(r)?.applicant_phone ?? r.applicantPhone, width: 14 },
    { header: '受援人类别', value: (r) => r.groups, width: 16 },
    { header: '案件类型', value: (r) => r.caseType, width: 30 },
    { header: '经济困难认定', value: (r) => r.hardshipBasis },
    { header: '容缺受理', value: (r) => r.tolerant },
    { header: '承办机构', value: (r) => agencyNames.get(r.agencyId) ?? '', width: 22 },
    {
      header: '接收机构（转交）',
      value: (r) =>
        r.receivedAgencyId !== r.agencyId ? (agencyNames.get(r.receivedAgencyId) ?? '') : '',
      width: 22,
    },
    { header: '承办律师', value: (r) => r.lawyer, width: 12 },
    { header: '点援', value: (r) => r.pointChoice },
    { header: '状态', value: (r) => r.statusLabel },
    { header: '办理结果', value: (r) => r.result, width: 16 },
    { header: '挽回经济损失（元）', value: (r) => r.economicAmount, width: 16 },
    { header: '结案日期', value: (r) => r.closedOn, width: 12 },
    { header: '审查期限', value: (r) => r.decideBy ?? '暂停计时', width: 12 },
    { header: '超期', value: (r) => r.overdue },
  ];
}

export function ledgerItems(rows: AidApplication[], s: AidSettings, now: Date) {
  return rows.map((a) => {
    const d = caseDeadlines(a, s, now);
    return {
      ...presentListItem(a, d),
      decideBy: d.decideBy,
      overdue: d.overdue.length ? '是' : '否',
    };
  });
}

/** The assigned lawyers' names and 名优 flags of the rows, by user id. */
async function lawyersOf(db: Kysely<Database>, rows: AidApplication[]) {
  const ids = [...new Set(rows.map((r) => r.assigned_lawyer_id).filter((x) => x !== null))];
  if (!ids.length) return new Map<number, { name: string; famous: boolean }>();
  const found = await db
    .selectFrom('users')
    .leftJoin('aid_roster', 'aid_roster.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'aid_roster.famous'])
    .where('users.id', 'in', ids)
    .execute();
  return new Map(found.map((u) => [u.id, { name: u.display_name, famous: u.famous === 1 }]));
}

/** The rows of an export, with lawyer, 点援, 容缺, result, 挽回损失, closing date and recipient categories. */
export async function ledgerExportRows(
  db: Kysely<Database>,
  rows: AidApplication[],
  s: AidSettings,
  now: Date,
  groupsOf: Map<number, string[]>,
): Promise<LedgerExportRow[]> {
  const lawyers = await lawyersOf(db, rows);
  const items = ledgerItems(rows, s, now);
  return rows.map((a, i) => {
    const l = a.assigned_lawyer_id === null ? undefined : lawyers.get(a.assigned_lawyer_id);
    return {
      ...items[i]!,
      lawyer: l ? `${l.name}${l.famous ? '（名优）' : ''}` : '',
      pointChoice: a.assigned_by_choice ? '是' : '否',
      tolerant: a.tolerant_at ? '是' : '否',
      result: RESULT_LABELS[a.status] ?? '办理中',
      economicAmount: Number(a.economic_amount),
      closedOn: a.closed_at
        ? localDate(a.closed_at)
        : a.terminated_at
          ? localDate(a.terminated_at)
          : '',
      groups: (groupsOf.get(a.id) ?? [])
        .map((g) => RECIPIENT_GROUPS[g as RecipientGroup] ?? g)
        .join('、'),
    };
  });
}

export interface AidStatistics {
  from: string;
  to: string;
  received: number;
  byBasis: { commitment: number; proof: number; exempt: number };
  granted: number;
  refused: number;
  urgent: number;
  transferred: number;
  tolerantAcceptance: number;
  homeService: number;
  pointChoice: number;
  famousLawyer: number;
  economicAmount: number;
  byDistrict: { agencyId: number; agency: string; received: number; granted: number }[];
  byMonth: { month: string; received: number; granted: number }[];
}

const GRANTED = new Set([
  'granted',
  'assigned',
  'lawyer_change_requested',
  'in_progress',
  'closed',
  'evaluated',
  'terminated',
]);

/**
 * The bureau's figures for applications first received between `from` and `to` (local dates, inclusive):
 * received, by commitment / proof / exempt, 容缺受理, 上门服务, 点援制, 名优律师, economic amount, per district and month.
 */
export async function aidStatistics(
  db: Kysely<Database>,
  range: { from: string; to: string },
): Promise<AidStatistics> {
  const r = instantRange(range.from, range.to);
  const rows = await db
    .selectFrom('aid_applications')
    .leftJoin('aid_roster', 'aid_roster.user_id', 'aid_applications.assigned_lawyer_id')
    .select([
      'aid_applications.status',
      'hardship_basis',
      'received_at',
      'decided_at',
      'urgent',
      'transferred_at',
      'tolerant_at',
      'home_service',
      'assigned_by_choice',
      'economic_amount',
      'aid_applications.agency_id',
      'aid_roster.famous',
      'assigned_lawyer_id',
    ])
    .where('aid_applications.status', '!=', 'draft')
    .where('received_at', '>=', r.from!)
    .where('received_at', '<', r.to!)
    .execute();
  const agencies = await db.selectFrom('agencies').select(['id', 'name']).orderBy('id').execute();
  const s: AidStatistics = {
    from: range.from,
    to: range.to,
    received: rows.length,
    byBasis: { commitment: 0, proof: 0, exempt: 0 },
    granted: 0,
    refused: 0,
    urgent: 0,
    transferred: 0,
    tolerantAcceptance: 0,
    homeService: 0,
    pointChoice: 0,
    famousLawyer: 0,
    economicAmount: 0,
    byDistrict: agencies.map((a) => ({ agencyId: a.id, agency: a.name, received: 0, granted: 0 })),
    byMonth: [],
  };
  const months = new Map<string, { month: string; received: number; granted: number }>();
  for (const x of rows) {
    const basis = x.hardship_basis as keyof AidStatistics['byBasis'];
    if (basis in s.byBasis) s.byBasis[basis]++;
    const granted = GRANTED.has(x.status);
    if (granted) s.granted++;
    if (x.status === 'refused' || (x.decided_at && !granted && x.status.startsWith('objection')))
      s.refused++;
    if (x.urgent) s.urgent++;
    if (x.transferred_at) s.transferred++;
    if (x.tolerant_at) s.tolerantAcceptance++;
    if (x.home_service) s.homeService++;
    if (x.assigned_by_choice) s.pointChoice++;
    if (x.assigned_lawyer_id && x.famous === 1) s.famousLawyer++;
    s.economicAmount += Number(x.economic_amount);
    const d = s.byDistrict.find((b) => b.agencyId === x.agency_id);
    if (d) {
      d.received++;
      if (granted) d.granted++;
    }
    const m = localDate(x.received_at).slice(0, 7);
    const mm = months.get(m) ?? { month: m, received: 0, granted: 0 };
    mm.received++;
    if (granted) mm.granted++;
    months.set(m, mm);
  }
  s.byMonth = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  return s;
}
