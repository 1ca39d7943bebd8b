/** @module Directory actions: create and edit entries, import a file (all rows or none), link staff to institutions. */
import type { Role, SessionUser } from '../core/session.js';
import { findUserRole } from '../auth/repository.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError, badRequest, conflict, notFound } from '../core/errors.js';
import { parseCsv, readXlsx, validateTable, type ImportRow, type RowError } from './import.js';
import { INSTITUTION_KINDS } from './labels.js';
import {
  findEntry,
  findEntryByLicence,
  findStaffLink,
  insertEntry,
  insertStaffLink,
  listEntryKeys,
  updateEntryRow,
} from './repository.js';
import type { EntryFields, EntryPatch } from './schema.js';
import type { EntryKind } from './tables.js';

const CHILD_PARENT: Partial<Record<EntryKind, EntryKind[]>> = {
  lawyer: ['law_firm'],
  appraiser: ['appraisal_institution'],
};

function toRow(f: Partial<EntryFields>) {
  return {
    ...(f.kind !== undefined ? { kind: f.kind } : {}),
    ...(f.name !== undefined ? { name: f.name } : {}),
    ...(f.district !== undefined ? { district: f.district } : {}),
    ...(f.address !== undefined ? { address: f.address } : {}),
    ...(f.hours !== undefined ? { hours: f.hours } : {}),
    ...(f.phone !== undefined ? { phone: f.phone } : {}),
    ...(f.licenceNo !== undefined ? { licence_no: f.licenceNo } : {}),
    ...(f.status !== undefined ? { status: f.status } : {}),
    ...(f.specialties !== undefined ? { specialties: f.specialties.join('、') } : {}),
    ...(f.services !== undefined ? { services: f.services.join('、') } : {}),
    ...(f.parentId !== undefined ? { parent_id: f.parentId } : {}),
  };
}

async function checkParent(ctx: AppContext, kind: EntryKind, parentId: number | null | undefined) {
  if (parentId == null) return;
  const parent = await findEntry(ctx.db, parentId);
  const allowed = CHILD_PARENT[kind];
  if (!parent || !allowed?.includes(parent.kind))
    throw badRequest(
      'invalid_parent',
      '所属机构不存在或类型不匹配（律师应属律师事务所，鉴定人应属鉴定机构）',
    );
}

async function checkLicence(
  ctx: AppContext,
  kind: EntryKind,
  licence: string | null | undefined,
  selfId?: number,
) {
  if (!licence) return;
  if (await findEntryByLicence(ctx.db, kind, licence, selfId))
    throw conflict('licence_taken', '已有同类机构或人员使用该执业许可证号');
}

export async function createEntry(
  ctx: AppContext,
  actor: SessionUser,
  f: EntryFields,
): Promise<number> {
  await checkParent(ctx, f.kind, f.parentId);
  await checkLicence(ctx, f.kind, f.licenceNo);
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertEntry(trx, {
      ...toRow(f),
      kind: f.kind,
      name: f.name,
      status: f.status,
      specialties: f.specialties.join('、'),
      services: f.services.join('、'),
      is_sample: 0,
      created_at: now,
      updated_at: now,
    });
    await audit(
      trx,
      {
        actor,
        action: 'create',
        entity: 'directory_entry',
        entityId: id,
        detail: { kind: f.kind, name: f.name },
      },
      ctx.now(),
    );
    return id;
  });
}

export async function updateEntry(
  ctx: AppContext,
  actor: SessionUser,
  id: number,
  patch: EntryPatch,
): Promise<void> {
  const cur = await findEntry(ctx.db, id);
  if (!cur) throw notFound('机构或人员');
  const kind = patch.kind ?? cur.kind;
  if (patch.parentId !== undefined || patch.kind)
    await checkParent(ctx, kind, patch.parentId ?? cur.parent_id);
  if (patch.licenceNo !== undefined || patch.kind)
    await checkLicence(ctx, kind, patch.licenceNo ?? cur.licence_no, id);
  await ctx.db.transaction().execute(async (trx) => {
    await updateEntryRow(trx, id, { ...toRow(patch), updated_at: ctx.now().toISOString() });
    await audit(
      trx,
      {
        actor,
        action: 'update',
        entity: 'directory_entry',
        entityId: id,
        detail: { fields: Object.keys(patch) },
      },
      ctx.now(),
    );
  });
}

export interface ImportResult {
  created: number;
  updated: number;
}

interface Known {
  id: number;
  kind: EntryKind;
  name: string;
  licence_no: string | null;
}

const keyOf = (kind: string, name: string, licence: string | null) =>
  licence ? `${kind}|L|${licence}` : `${kind}|N|${name}`;

/** Parents named in the file must be an institution of the right kind, in the database or earlier/later in the file. */
function resolveParents(rows: ImportRow[], known: Known[]): RowError[] {
  const errors: RowError[] = [];
  for (const r of rows) {
    if (!r.parentName) continue;
    const allowed = CHILD_PARENT[r.fields.kind];
    if (!allowed) {
      errors.push({
        row: r.row,
        field: 'parentName',
        message: '只有律师、司法鉴定人可填写所属机构',
      });
      continue;
    }
    const inDb = known.some((k) => k.name === r.parentName && allowed.includes(k.kind));
    const inFile = rows.some(
      (o) => o.fields.name === r.parentName && allowed.includes(o.fields.kind),
    );
    if (!inDb && !inFile)
      errors.push({
        row: r.row,
        field: 'parentName',
        message: `找不到所属机构「${r.parentName}」`,
      });
  }
  return errors;
}

/**
 * Imports a CSV or .xlsx file. Every row is validated first; if any row fails, nothing is written and the
 * errors come back per row (400 `import_invalid`). Rows matching an existing entry (same kind and licence
 * number, or same kind and name when there is no licence) update it; the rest are created.
 */
export async function importEntries(
  ctx: AppContext,
  actor: SessionUser,
  format: 'csv' | 'xlsx',
  content: string,
): Promise<ImportResult> {
  const buf = Buffer.from(content, 'base64');
  const table = format === 'csv' ? parseCsv(buf.toString('utf8')) : await readXlsx(buf);
  const { rows, errors } = validateTable(table);
  const known: Known[] = await listEntryKeys(ctx.db);
  errors.push(...resolveParents(rows, known));
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    throw AppError.of(
      'import_invalid',
      `共有 ${errors.length} 处错误，未导入任何数据，请修改后重新上传`,
      { errors, rows: table.length - 1 },
    );
  }
  const index = new Map(known.map((k) => [keyOf(k.kind, k.name, k.licence_no), k.id]));
  const now = ctx.now().toISOString();
  // Institutions first, so lawyers and appraisers in the same file find their parent's new id.
  const ordered = [...rows].sort(
    (a, b) => Number(!!CHILD_PARENT[a.fields.kind]) - Number(!!CHILD_PARENT[b.fields.kind]),
  );
  return ctx.db.transaction().execute(async (trx) => {
    const result: ImportResult = { created: 0, updated: 0 };
    const byName = new Map(
      known
        .filter((k) => INSTITUTION_KINDS.includes(k.kind))
        .map((k) => [`${k.kind}|${k.name}`, k.id]),
    );
    for (const r of ordered) {
      const f = r.fields;
      const parentKind = CHILD_PARENT[f.kind]?.[0];
      const parentId =
        r.parentName && parentKind ? (byName.get(`${parentKind}|${r.parentName}`) ?? null) : null;
      const values = { ...toRow(f), parent_id: parentId, updated_at: now };
      const existing = index.get(keyOf(f.kind, f.name, f.licenceNo ?? null));
      if (existing) {
        await updateEntryRow(trx, existing, values);
        result.updated++;
      } else {
        const newId = await insertEntry(trx, {
          ...values,
          kind: f.kind,
          name: f.name,
          status: f.status,
          specialties: f.specialties.join('、'),
          services: f.services.join('、'),
          is_sample: 0,
          created_at: now,
        });
        if (INSTITUTION_KINDS.includes(f.kind)) byName.set(`${f.kind}|${f.name}`, newId);
        result.created++;
      }
    }
    await audit(
      trx,
      { actor, action: 'import', entity: 'directory_entry', detail: { format, ...result } },
      ctx.now(),
    );
    return result;
  });
}

/** Notary offices and appraisal institutions are worked by accounts of their own role only. */
const STAFF_ROLE_OF: Partial<Record<EntryKind, Role>> = {
  notary_office: 'notary_staff',
  appraisal_institution: 'appraisal_staff',
};
const INSTITUTION_STAFF_ROLES: readonly Role[] = ['notary_staff', 'appraisal_staff'];

/** Links a user account to an institution so it can act for it (publish notary slots, register appraisal cases). */
export async function linkStaff(
  ctx: AppContext,
  actor: SessionUser,
  entryId: number,
  userId: number,
): Promise<void> {
  const entry = await findEntry(ctx.db, entryId);
  if (!entry) throw notFound('机构');
  if (!INSTITUTION_KINDS.includes(entry.kind))
    throw badRequest('not_institution', '只能为机构添加工作人员');
  const user = await findUserRole(ctx.db, userId);
  if (!user) throw badRequest('user_not_found', '指定的用户不存在');
  if (user.role === 'citizen')
    throw badRequest('citizen_not_staff', '群众账户不能设为机构工作人员');
  const needed = STAFF_ROLE_OF[entry.kind];
  if ((needed && user.role !== needed) || (!needed && INSTITUTION_STAFF_ROLES.includes(user.role)))
    throw badRequest(
      'staff_role_mismatch',
      needed
        ? `请使用“${needed === 'notary_staff' ? '公证机构工作人员' : '司法鉴定机构工作人员'}”角色的账户`
        : '公证、司法鉴定机构工作人员账户只能关联到对应类型的机构',
    );
  const dup = await findStaffLink(ctx.db, entryId, userId);
  if (dup) throw conflict('already_staff', '该用户已是本机构工作人员');
  await ctx.db.transaction().execute(async (trx) => {
    await insertStaffLink(trx, { entryId, userId, at: ctx.now().toISOString() });
    await audit(
      trx,
      {
        actor,
        action: 'link_staff',
        entity: 'directory_entry',
        entityId: entryId,
        detail: { userId },
      },
      ctx.now(),
    );
  });
}
