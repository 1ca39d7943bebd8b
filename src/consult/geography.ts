/** @module Districts → streets → communities, their assigned lawyers, the volunteer pool and residents' chosen community. */
import type { SessionUser } from '../core/session.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError, conflict, notFound } from '../core/errors.js';
import { WUHAN_DISTRICTS } from '../db/seed-agencies.js';
import type { Database } from '../db/schema.js';
import type { Kysely, Transaction } from 'kysely';
import {
  communityInUse,
  deleteCommunityRows,
  findCommunity,
  findCommunityByName,
  findCommunityId,
  findLawyerAccountIds,
  findProfile,
  findStreetByName,
  findStreetId,
  insertCommunity,
  insertStreet,
  listAssignedLawyers,
  listAssignedUserIds,
  listAssignmentStanding,
  listCommunities,
  listLawyerAccounts,
  listStreets,
  setAssignments,
  updateCommunityRow,
  upsertLawyer,
  upsertProfile,
} from './geography-repository.js';

export { setAssignments, upsertLawyer };

type Db = Kysely<Database> | Transaction<Database>;

/** The whole tree for pickers: district → streets → communities (with assigned lawyers' names). */
export async function geographyTree(ctx: AppContext) {
  const [streets, communities, assigned] = await Promise.all([
    listStreets(ctx.db),
    listCommunities(ctx.db),
    listAssignedLawyers(ctx.db),
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
  const dup = await findStreetByName(ctx.db, s.district, s.name);
  if (dup) throw conflict('street_exists', `${s.district}已有名为“${s.name}”的街道`);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertStreet(trx, { district: s.district, name: s.name, at: now });
    await audit(
      trx,
      { actor, action: 'create', entity: 'consult_street', entityId: id },
      ctx.now(),
    );
    return id;
  });
}

/** Checks that every id is a lawyer account (community_lawyer or aid_lawyer). */
export async function assertLawyers(db: Db, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const rows = await findLawyerAccountIds(db, ids);
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((i) => !found.has(i));
  if (missing.length)
    throw AppError.of('lawyer_not_found', '指定的律师账户不存在或不是律师角色', { missing });
}

export async function createCommunity(
  ctx: AppContext,
  actor: SessionUser,
  c: { streetId: number; name: string; kind: 'community' | 'village'; lawyerIds: number[] },
): Promise<number> {
  const street = await findStreetId(ctx.db, c.streetId);
  if (!street) throw AppError.of('street_not_found', '指定的街道不存在');
  const dup = await findCommunityByName(ctx.db, c.streetId, c.name);
  if (dup) throw conflict('community_exists', `该街道已有名为“${c.name}”的社区（村）`);
  await assertLawyers(ctx.db, c.lawyerIds);
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertCommunity(trx, {
      streetId: c.streetId,
      name: c.name,
      kind: c.kind,
      at: now,
    });
    await setAssignments(trx, id, c.lawyerIds, now);
    await audit(
      trx,
      { actor, action: 'create', entity: 'consult_community', entityId: id },
      ctx.now(),
    );
    return id;
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
  const row = await findCommunity(ctx.db, id);
  if (!row) throw notFound('社区');
  if (c.lawyerIds) await assertLawyers(ctx.db, c.lawyerIds);
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateCommunityRow(trx, id, {
      name: c.name ?? row.name,
      kind: c.kind ?? row.kind,
      at: now,
    });
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
  const row = await findCommunityId(ctx.db, id);
  if (!row) throw notFound('社区');
  if (await communityInUse(ctx.db, id))
    throw conflict('community_in_use', '该社区（村）已有居民或咨询记录，不能删除，可修改其名称');
  await ctx.db.transaction().execute(async (trx) => {
    await deleteCommunityRows(trx, id);
    await audit(
      trx,
      { actor, action: 'delete', entity: 'consult_community', entityId: id },
      ctx.now(),
    );
  });
}

/** Every lawyer account with its 法指针 standing, and the bureau's registration rate. */
export async function listLawyers(ctx: AppContext) {
  const rows = await listLawyerAccounts(ctx.db);
  const assigned = new Set((await listAssignedUserIds(ctx.db)).map((r) => r.user_id));
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
  const rows = await listAssignmentStanding(db);
  const byLawyer = new Map(rows.map((r) => [r.user_id, r.registered === 1 && r.active === 1]));
  const assigned = byLawyer.size;
  const ok = [...byLawyer.values()].filter(Boolean).length;
  return { assigned, registeredActive: ok, rate: assigned ? ok / assigned : null };
}

export async function getProfile(ctx: AppContext, userId: number) {
  const row = await findProfile(ctx.db, userId);
  return row ?? null;
}

export async function setProfile(ctx: AppContext, user: SessionUser, communityId: number) {
  const c = await findCommunityId(ctx.db, communityId);
  if (!c) throw AppError.of('community_not_found', '所选社区（村）不存在');
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await upsertProfile(trx, user.id, communityId, now);
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
