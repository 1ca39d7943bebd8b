/**
 * @module The bulletin (通报) of a month or a quarter: the city's response figures, per-district figures,
 * and the services of the seven kinds (法律咨询, 调解, 讲座, 法律援助, 代理案件, 法律意见, 宣传活动) online and
 * offline combined, for the city and per district, street and community; its Excel export keeps every
 * figure a number (percentages in percent units), so a spreadsheet can add them up.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { WUHAN_DISTRICTS } from '../db/seed-agencies.js';
import { toXlsx, type Sheet } from '../core/export.js';
import { addCalendarDays } from '../core/time.js';
import { OFFLINE_KINDS, OFFLINE_LABELS } from './labels.js';
import {
  breakdown,
  consultStatistics,
  dayStartUtc,
  figuresOf,
  round1,
  type Period,
} from './metrics.js';
import type { OfflineKind, QuestionCategory } from './tables.js';

export interface BulletinPeriod extends Period {
  key: string;
  kind: 'month' | 'quarter';
  label: string;
}

const lastDay = (y: number, m: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;

/** `2026-10` (a month) or `2026-Q4` (a quarter) → its first and last day. The route's schema checks the form. */
export function bulletinPeriod(key: string): BulletinPeriod {
  const y = Number(key.slice(0, 4));
  if (key[5] === 'Q') {
    const q = Number(key.slice(6));
    const first = 3 * q - 2;
    return {
      key,
      kind: 'quarter',
      label: `${y}年第${'一二三四'[q - 1]}季度`,
      from: `${y}-${String(first).padStart(2, '0')}-01`,
      to: lastDay(y, first + 2),
    };
  }
  const m = Number(key.slice(5, 7));
  return { key, kind: 'month', label: `${y}年${m}月`, from: `${key}-01`, to: lastDay(y, m) };
}

/** Which of the seven kinds an online question counts as: by its category, unclassified as 法律咨询. */
const ONLINE_KIND: Record<QuestionCategory, OfflineKind> = {
  consultation: 'consultation',
  mediation: 'mediation',
  legal_aid: 'legal_aid',
  opinion: 'opinion',
};

export interface AreaServices {
  key: number | string;
  name: string;
  online: number;
  offline: number;
  total: number;
  /** Online and offline together, per kind. */
  kinds: Record<OfflineKind, number>;
}

const zeroKinds = () =>
  Object.fromEntries(OFFLINE_KINDS.map((k) => [k, 0])) as Record<OfflineKind, number>;

async function serviceFacts(db: Kysely<Database>, p: Period) {
  const [questions, offline, places] = await Promise.all([
    db
      .selectFrom('consult_questions')
      .select(['category', 'community_id'])
      .where('created_at', '>=', dayStartUtc(p.from))
      .where('created_at', '<', dayStartUtc(addCalendarDays(p.to, 1)))
      .execute(),
    db
      .selectFrom('consult_offline_logs')
      .select(['kind', 'community_id', (eb) => eb.fn.sum<number>('count').as('n')])
      .where('date', '>=', p.from)
      .where('date', '<=', p.to)
      .groupBy(['kind', 'community_id'])
      .execute(),
    db
      .selectFrom('consult_communities as c')
      .innerJoin('consult_streets as s', 's.id', 'c.street_id')
      .select(['c.id', 'c.name', 's.id as street_id', 's.name as street', 's.district'])
      .execute(),
  ]);
  return { questions, offline, places };
}

/** The seven kinds online and offline, for the city and per district (all 13), street and community. */
export async function services(db: Kysely<Database>, p: Period) {
  const { questions, offline, places } = await serviceFacts(db, p);
  const order = (d: string) => WUHAN_DISTRICTS.indexOf(d);
  const sorted = [...places].sort(
    (a, b) =>
      order(a.district) - order(b.district) ||
      a.street.localeCompare(b.street, 'zh') ||
      a.name.localeCompare(b.name, 'zh'),
  );
  const make = (key: number | string, name: string): AreaServices => ({
    key,
    name,
    online: 0,
    offline: 0,
    total: 0,
    kinds: zeroKinds(),
  });
  const district = new Map(WUHAN_DISTRICTS.map((d) => [d, make(d, d)]));
  const street = new Map<number, AreaServices>();
  const community = new Map<number, AreaServices>();
  const placeOf = new Map(sorted.map((c) => [c.id, c]));
  for (const c of sorted) {
    if (!street.has(c.street_id))
      street.set(c.street_id, make(c.street_id, `${c.district}${c.street}`));
    community.set(c.id, make(c.id, `${c.district}${c.street}${c.name}`));
  }
  const city = make('city', '全市');
  const add = (communityId: number, kind: OfflineKind, n: number, online: boolean) => {
    const c = placeOf.get(communityId)!;
    for (const a of [
      city,
      district.get(c.district),
      street.get(c.street_id),
      community.get(c.id),
    ]) {
      if (!a) continue;
      a.kinds[kind] += n;
      a[online ? 'online' : 'offline'] += n;
      a.total += n;
    }
  };
  for (const q of questions)
    add(q.community_id, q.category ? ONLINE_KIND[q.category] : 'consultation', 1, true);
  for (const o of offline) add(o.community_id, o.kind, Number(o.n), false);
  const onlineOf = zeroKinds();
  for (const q of questions) onlineOf[q.category ? ONLINE_KIND[q.category] : 'consultation'] += 1;
  return {
    items: OFFLINE_KINDS.map((k) => ({
      kind: k,
      label: OFFLINE_LABELS[k],
      online: onlineOf[k],
      offline: city.kinds[k] - onlineOf[k],
      total: city.kinds[k],
    })),
    online: city.online,
    offline: city.offline,
    total: city.total,
    areas: {
      district: [...district.values()],
      street: [...street.values()],
      community: [...community.values()],
    },
  };
}

/** 月通报 / 季度通报: the city figures, one row per district (all 13, zeros included), the seven kinds. */
export async function bulletin(db: Kysely<Database>, key: string) {
  const p = bulletinPeriod(key);
  const stats = await consultStatistics(db, p);
  const byDistrict = new Map((await breakdown(db, p, 'district')).map((d) => [d.name, d]));
  const districts = WUHAN_DISTRICTS.map(
    (d) => byDistrict.get(d) ?? { key: d, name: d, ...figuresOf([]) },
  );
  const { areas, ...kinds } = await services(db, p);
  return { month: key, kind: p.kind, label: p.label, ...stats, districts, services: kinds, areas };
}

/** A share 0..1 as a number of percent with one decimal (0.8333 → 83.3); null stays empty. */
export const percent = (x: number | null) => (x === null ? null : round1(x * 100));

type B = Awaited<ReturnType<typeof bulletin>>;
type Row = B['districts'][number];

function areaSheet(name: string, head: string, rows: AreaServices[]): Sheet<AreaServices> {
  return {
    name,
    columns: [
      { header: head, value: (r) => r.name, width: 30 },
      { header: '线上（件）', value: (r) => r.online },
      { header: '线下（件/次）', value: (r) => r.offline },
      { header: '合计', value: (r) => r.total },
      ...OFFLINE_KINDS.map((k) => ({
        header: OFFLINE_LABELS[k],
        value: (r: AreaServices) => r.kinds[k],
      })),
    ],
    rows,
  };
}

export async function bulletinXlsx(db: Kysely<Database>, key: string): Promise<Buffer> {
  const b = await bulletin(db, key);
  const summary: [string, string | number | null][] = [
    ['通报期间', b.label],
    ['线上咨询量（件）', b.online.questions],
    ['已回复（件）', b.online.answered],
    ['回复率（%）', percent(b.online.responseRate)],
    ['平均首次响应时间（分钟）', b.online.meanMinutes],
    ['首次响应时间中位数（分钟）', b.online.medianMinutes],
    ['首次响应时间 P90（分钟）', b.online.p90Minutes],
    ['线下服务合计（件/次）', b.offline.total],
    ['线上线下服务合计（件/次）', b.services.total],
    ['法律顾问注册在岗率（%）', percent(b.registration.rate)],
    ['群众评价均分（5分制）', b.rating.mean],
  ];
  const kinds = [...b.services.items, { kind: 'all', label: '合计', ...b.services }];
  return toXlsx([
    {
      name: b.kind === 'month' ? '月通报' : '季度通报',
      columns: [
        { header: '指标', value: (r: (typeof summary)[number]) => r[0], width: 30 },
        { header: '数值', value: (r: (typeof summary)[number]) => r[1], width: 16 },
      ],
      rows: summary,
    },
    {
      name: '各区情况',
      columns: [
        { header: '区', value: (r: Row) => r.name },
        { header: '咨询量', value: (r: Row) => r.questions },
        { header: '已回复', value: (r: Row) => r.answered },
        { header: '回复率（%）', value: (r: Row) => percent(r.responseRate) },
        { header: '平均响应（分钟）', value: (r: Row) => r.meanMinutes },
        { header: '中位数（分钟）', value: (r: Row) => r.medianMinutes },
        { header: 'P90（分钟）', value: (r: Row) => r.p90Minutes },
      ],
      rows: b.districts,
    },
    {
      name: '服务合计',
      columns: [
        { header: '服务类型', value: (r: (typeof kinds)[number]) => r.label, width: 20 },
        { header: '线上（件）', value: (r: (typeof kinds)[number]) => r.online },
        { header: '线下（件/次）', value: (r: (typeof kinds)[number]) => r.offline },
        { header: '合计', value: (r: (typeof kinds)[number]) => r.total },
      ],
      rows: kinds,
    },
    areaSheet('各区服务', '区', b.areas.district),
    areaSheet('各街道服务', '街道', b.areas.street),
    areaSheet('各社区服务', '社区（村）', b.areas.community),
  ]);
}
