/**
 * @module Bulk set-up from CSV: communities (区,街道,社区,类型,法律顾问) and lawyers (用户名,已注册,在岗,志愿律师库,专长).
 * Every row is checked first; any error rejects the whole file, otherwise it is written in one transaction.
 */
import type { SessionUser } from '../core/session.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { WUHAN_DISTRICTS } from '../db/seed-agencies.js';
import { parseCsv } from '../core/csv.js';
import { setAssignments, upsertLawyer } from './geography.js';
import { KIND_BY_LABEL } from './labels.js';

export const COMMUNITY_HEADER = ['区', '街道', '社区', '类型', '法律顾问'];
export const LAWYER_HEADER = ['用户名', '已注册', '在岗', '志愿律师库', '专长'];

export interface RowError {
  row: number;
  message: string;
}

const splitList = (s: string) =>
  s
    .split(/[;；、|]/)
    .map((x) => x.trim())
    .filter(Boolean);
const YES = new Set(['是', '1', 'Y', 'y', 'true']);
const NO = new Set(['否', '0', 'N', 'n', 'false', '']);

function dataRows(csv: string, header: string[]): { line: number; cells: string[] }[] {
  const rows = parseCsv(csv).map((r) => r.map((c) => c.trim()));
  const head = rows[0] ?? [];
  if (header.some((h, i) => head[i] !== h))
    throw AppError.of('csv_header_invalid', `表头应为：${header.join(',')}`, {
      expected: header,
    });
  return rows
    .map((cells, i) => ({ line: i + 1, cells }))
    .slice(1)
    .filter((r) => r.cells.some((c) => c !== ''));
}

/** Names per lookup: far below SQLite's 32,766 bound parameters (and PostgreSQL's 65,535). */
const NAMES_PER_QUERY = 500;

async function usersByName(ctx: AppContext, names: string[]) {
  const found = new Map<string, { id: number; role: string }>();
  const unique = [...new Set(names)];
  for (let i = 0; i < unique.length; i += NAMES_PER_QUERY) {
    const rows = await ctx.db
      .selectFrom('users')
      .select(['id', 'username', 'role'])
      .where('username', 'in', unique.slice(i, i + NAMES_PER_QUERY))
      .execute();
    for (const r of rows) found.set(r.username, { id: r.id, role: r.role });
  }
  return found;
}

function fail(errors: RowError[]): never {
  throw AppError.of('import_failed', `导入失败：共 ${errors.length} 行有误，未导入任何数据`, {
    rows: errors,
  });
}

export async function importCommunities(ctx: AppContext, actor: SessionUser, csv: string) {
  const rows = dataRows(csv, COMMUNITY_HEADER);
  const users = await usersByName(
    ctx,
    rows.flatMap((r) => splitList(r.cells[4] ?? '')),
  );
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const plan: {
    district: string;
    street: string;
    name: string;
    kind: 'community' | 'village';
    lawyers: number[];
  }[] = [];
  for (const { line, cells } of rows) {
    const [district = '', street = '', name = '', kindLabel = '', lawyerCell = ''] = cells;
    const msgs: string[] = [];
    if (!WUHAN_DISTRICTS.includes(district)) msgs.push(`区“${district}”不是武汉市的行政区`);
    if (!street || street.length > 60) msgs.push('街道名称缺失或过长');
    if (!name || name.length > 60) msgs.push('社区（村）名称缺失或过长');
    const kind = KIND_BY_LABEL[kindLabel || '社区'];
    if (!kind) msgs.push(`类型应为“社区”或“村”，而不是“${kindLabel}”`);
    const key = `${district}/${street}/${name}`;
    if (seen.has(key)) msgs.push('与前面的行重复');
    seen.add(key);
    const lawyers: number[] = [];
    for (const u of splitList(lawyerCell)) {
      const found = users.get(u);
      if (!found) msgs.push(`律师账户“${u}”不存在`);
      else if (found.role !== 'community_lawyer' && found.role !== 'aid_lawyer')
        msgs.push(`账户“${u}”不是律师`);
      else lawyers.push(found.id);
    }
    if (msgs.length) errors.push({ row: line, message: msgs.join('；') });
    else plan.push({ district, street, name, kind: kind!, lawyers });
  }
  if (errors.length) fail(errors);
  const now = ctx.now().toISOString();
  let created = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of plan) {
      const s =
        (await trx
          .selectFrom('consult_streets')
          .select('id')
          .where('district', '=', p.district)
          .where('name', '=', p.street)
          .executeTakeFirst()) ??
        (await trx
          .insertInto('consult_streets')
          .values({ district: p.district, name: p.street, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow());
      let c = await trx
        .selectFrom('consult_communities')
        .select('id')
        .where('street_id', '=', s.id)
        .where('name', '=', p.name)
        .executeTakeFirst();
      if (c) {
        await trx
          .updateTable('consult_communities')
          .set({ kind: p.kind, updated_at: now })
          .where('id', '=', c.id)
          .execute();
      } else {
        c = await trx
          .insertInto('consult_communities')
          .values({ street_id: s.id, name: p.name, kind: p.kind, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        created++;
      }
      await setAssignments(trx, c.id, p.lawyers, now);
    }
    await audit(
      trx,
      {
        actor,
        action: 'import',
        entity: 'consult_community',
        detail: { rows: plan.length, created },
      },
      ctx.now(),
    );
  });
  return { rows: plan.length, created, updated: plan.length - created };
}

export async function importLawyers(ctx: AppContext, actor: SessionUser, csv: string) {
  const rows = dataRows(csv, LAWYER_HEADER);
  const users = await usersByName(
    ctx,
    rows.map((r) => r.cells[0] ?? ''),
  );
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const plan: {
    userId: number;
    registered: boolean;
    active: boolean;
    inPool: boolean;
    specialties: string[];
  }[] = [];
  const flag = (v: string, label: string, msgs: string[]) => {
    if (YES.has(v)) return true;
    if (!NO.has(v)) msgs.push(`“${label}”应填“是”或“否”`);
    return false;
  };
  for (const { line, cells } of rows) {
    const [username = '', reg = '', act = '', pool = '', spec = ''] = cells;
    const msgs: string[] = [];
    const u = users.get(username);
    if (!u) msgs.push(`律师账户“${username}”不存在`);
    else if (u.role !== 'community_lawyer' && u.role !== 'aid_lawyer')
      msgs.push(`账户“${username}”不是律师`);
    if (seen.has(username)) msgs.push('与前面的行重复');
    seen.add(username);
    const registered = flag(reg, '已注册', msgs);
    const active = flag(act, '在岗', msgs);
    const inPool = flag(pool, '志愿律师库', msgs);
    const specialties = splitList(spec);
    if (specialties.length > 10 || specialties.some((s) => s.length > 20))
      msgs.push('专长最多 10 项，每项不超过 20 字');
    if (msgs.length) errors.push({ row: line, message: msgs.join('；') });
    else plan.push({ userId: u!.id, registered, active, inPool, specialties });
  }
  if (errors.length) fail(errors);
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of plan) await upsertLawyer(trx, p.userId, p, now);
    await audit(
      trx,
      {
        actor,
        action: 'import',
        entity: 'consult_lawyer',
        detail: { rows: plan.length },
      },
      ctx.now(),
    );
  });
  return { rows: plan.length, created: 0, updated: plan.length };
}
