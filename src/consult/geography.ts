/** @module Districts → streets → communities, their assigned lawyers, the volunteer pool and residents' chosen community. */
import type { SessionUser } from '../core/session.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError, conflict, notFound } from '../core/errors.js';
import { WUHAN_DISTRICTS } from '../db/seed-agencies.js';
import type { Database } from '../db/schema.js';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;
const LAWYER_ROLES = ['community_lawyer', 'aid_lawyer'] as const;

/** The whole tree for pickers: district → streets → communities (with assigned lawyers' names). */
export async function geographyTree(ctx: AppContext) {
  const [streets, communities, assigned] = await Promise.all([
    ctx.db.selectFrom('consult_streets').selectAll().orderBy('id').execute(),
    ctx.db.selectFrom('consult_communities').selectAll().orderBy('id').execute(),
    ctx.db
      .selectFrom('consult_assignments')
      .innerJoin('users', 'users.id', 'consult_assignments.user_id')
      .select(['consult_assignments.community_id', 'users.id', 'users.display_name'])
      .orderBy('users.id')
      .execute(),
  ]);
  return WUHAN_DISTRICTS.map((district) => ({
    district,
    streets: streets
      .filter((s) => s.district === district)
      .map((s) => ({
        id: s.id,
        name: s.name,
        communities: communities
          .filter((c) => c.street_id === s.id)
          .map((c) => ({
            id: c.id,
            name: c.name,
            kind: c.kind,
            lawyers: assigned
              .filter((a) => a.community_id === c.id)
              .map((a) => ({ id: a.id, name: a.display_name })),
          })),
      })),
  }));
}

export async function createStreet(
  ctx: AppContext,
  actor: SessionUser,
  s: { district: string; name: string },
): Promise<number> {
  const now = ctx.now().toISOString();
  const dup = await ctx.db
    .selectFrom('consult_streets')
    .select('id')
    .where('district', '=', s.district)
    .where('name', '=', s.name)
    .executeTakeFirst();
  if (dup) throw conflict('street_exists', `${s.district}已有名为“${s.name}”的街道`);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('consult_streets')
      .values({ district: s.district, name: s.name, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(
      trx,
      { actor, action: 'create', entity: 'consult_street', entityId: row.id },
      ctx.now(),
    );
    return row.id;
  });
}

/** Checks that every id is a lawyer account (community_lawyer or aid_lawyer). */
export async function assertLawyers(db: Db, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', ids)
    .where('role', 'in', LAWYER_ROLES)
    .execute();
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((i) => !found.has(i));
  if (missing.length)
    throw AppError.of('lawyer_not_found', '指定的律师账户不存在或不是律师角色', { missing });
}

export async function setAssignments(
  trx: Transaction<Database>,
  communityId: number,
  lawyerIds: number[],
  now: string,
): Promise<void> {
  await trx.deleteFrom('consult_assignments').where('community_id', '=', communityId).execute();
  const unique = [...new Set(lawyerIds)];
  if (unique.length)
    await trx
      .insertInto('consult_assignments')
      .values(unique.map((user_id) => ({ community_id: communityId, user_id, created_at: now })))
      .execute();
}

export async function createCommunity(
  ctx: AppContext,
  actor: SessionUser,
  c: { streetId: number; name: string; kind: 'community' | 'village'; lawyerIds: number[] },
): Promise<number> {
  const street = await ctx.db
    .selectFrom('consult_streets')
    .select('id')
    .where('id', '=', c.streetId)
    .executeTakeFirst();
  if (!street) throw AppError.of('street_not_found', '指定的街道不存在');
  const dup = await ctx.db
    .selectFrom('consult_communities')
    .select('id')
    .where('street_id', '=', c.streetId)
    .where('name', '=', c.name)
    .executeTakeFirst();
  if (dup) throw conflict('community_exists', `该街道已有名为“${c.name}”的社区（村）`);
  await assertLawyers(ctx.db, c.lawyerIds);
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('consult_communities')
      .values({
        street_id: c.streetId,
        name: c.name,
        kind: c.kind,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setAssignments(trx, row.id, c.lawyerIds, now);
    await audit(
      trx,
      { actor, action: 'create', entity: 'consult_community', entityId: row.id },
      ctx.now(),
    );
    return row.id;
  });
}

export async function updateCommunity(
  ctx: AppContext,
  actor: SessionUser,
  id: number,
  c: {
    name?: string | undefined;
    kind?: 'community' | 'village' | undefined;
    lawyerIds?: number[] | undefined;
  },
): Promise<void> {
  const row = await ctx.db
    .selectFrom('consult_communities')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('社区');
  if (c.lawyerIds) await assertLawyers(ctx.db, c.lawyerIds);
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('consult_communities')
      .set({ name: c.name ?? row.name, kind: c.kind ?? row.kind, updated_at: now })
      .where('id', '=', id)
      .execute();
    if (c.lawyerIds) await setAssignments(trx, id, c.lawyerIds, now);
    await audit(
      trx,
      {
        actor,
        action: 'update',
        entity: 'consult_community',
        entityId: id,
        detail: { ...c },
      },
      ctx.now(),
    );
  });
}

export async function deleteCommunity(ctx: AppContext, actor: SessionUser, id: number) {
  const row = await ctx.db
    .selectFrom('consult_communities')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('社区');
  const used = await ctx.db
    .selectFrom('consult_questions')
    .select('id')
    .where('community_id', '=', id)
    .executeTakeFirst();
  const chosen = await ctx.db
    .selectFrom('consult_profiles')
    .select('id')
    .where('community_id', '=', id)
    .executeTakeFirst();
  if (used || chosen)
    throw conflict('community_in_use', '该社区（村）已有居民或咨询记录，不能删除，可修改其名称');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('consult_assignments').where('community_id', '=', id).execute();
    await trx.deleteFrom('consult_communities').where('id', '=', id).execute();
    await audit(
      trx,
      { actor, action: 'delete', entity: 'consult_community', entityId: id },
      ctx.now(),
    );
  });
}

export async function upsertLawyer(
  db: Db,
  userId: number,
  l: { registered: boolean; active: boolean; inPool: boolean; specialties: string[] },
  now: string,
): Promise<void> {
  const values = {
    registered: l.registered ? 1 : 0,
    active: l.active ? 1 : 0,
    in_pool: l.inPool ? 1 : 0,
    specialties: JSON.stringify(l.specialties),
    updated_at: now,
  };
  await db
    .insertInto('consult_lawyers')
    .values({ user_id: userId, created_at: now, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

/** Every lawyer account with its 法指针 standing, and the bureau's registration rate. */
export async function listLawyers(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('users')
    .leftJoin('consult_lawyers', 'consult_lawyers.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'consult_lawyers.registered',
      'consult_lawyers.active',
      'consult_lawyers.in_pool',
      'consult_lawyers.specialties',
    ])
    .where('users.role', 'in', LAWYER_ROLES)
    .orderBy('users.id')
    .execute();
  const assigned = new Set(
    (await ctx.db.selectFrom('consult_assignments').select('user_id').execute()).map(
      (r) => r.user_id,
    ),
  );
  const items = rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    registered: r.registered === 1,
    active: r.active === 1,
    inPool: r.in_pool === 1,
    specialties: JSON.parse(r.specialties ?? '[]') as string[],
    assigned: assigned.has(r.id),
  }));
  return { items, registration: await registrationRate(ctx.db) };
}

/** Share of assigned community lawyers who are registered and active (a published bureau figure). */
export async function registrationRate(db: Db) {
  const rows = await db
    .selectFrom('consult_assignments')
    .leftJoin('consult_lawyers', 'consult_lawyers.user_id', 'consult_assignments.user_id')
    .select(['consult_assignments.user_id', 'consult_lawyers.registered', 'consult_lawyers.active'])
    .execute();
  const byLawyer = new Map(rows.map((r) => [r.user_id, r.registered === 1 && r.active === 1]));
  const assigned = byLawyer.size;
  const ok = [...byLawyer.values()].filter(Boolean).length;
  return { assigned, registeredActive: ok, rate: assigned ? ok / assigned : null };
}

export async function getProfile(ctx: AppContext, userId: number) {
  const row = await ctx.db
    .selectFrom('consult_profiles')
    .innerJoin('consult_communities as c', 'c.id', 'consult_profiles.community_id')
    .innerJoin('consult_streets as s', 's.id', 'c.street_id')
    .select(['c.id as communityId', 'c.name as community', 's.name as street', 's.district'])
    .where('consult_profiles.user_id', '=', userId)
    .executeTakeFirst();
  return row ?? null;
}

export async function setProfile(ctx: AppContext, user: SessionUser, communityId: number) {
  const c = await ctx.db
    .selectFrom('consult_communities')
    .select('id')
    .where('id', '=', communityId)
    .executeTakeFirst();
  if (!c) throw AppError.of('community_not_found', '所选社区（村）不存在');
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('consult_profiles')
      .values({ user_id: user.id, community_id: communityId, updated_at: now })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ community_id: communityId, updated_at: now }),
      )
      .execute();
    await audit(
      trx,
      {
        actor: user,
        action: 'update',
        entity: 'consult_profile',
        entityId: user.id,
      },
      ctx.now(),
    );
  });
  return getProfile(ctx, user.id);
}
