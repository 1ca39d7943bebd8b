/** @module The offline service log: lawyers record work done in person (讲座, 调解, 代理案件 …) with date, community and count. */
import type { SessionUser } from '../core/session.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { OFFLINE_LABELS } from './labels.js';
import { communitiesOf, inPool } from './repository.js';
import type { OfflineKind } from './tables.js';
import { chinaDate } from '../core/time.js';

export async function addOfflineLog(
  ctx: AppContext,
  user: SessionUser,
  e: {
    communityId: number;
    kind: OfflineKind;
    date: string;
    count: number;
    note?: string | undefined;
  },
) {
  const today = chinaDate(ctx.now());
  if (e.date > today) throw AppError.of('date_in_future', '服务日期不能晚于今天');
  const c = await ctx.db
    .selectFrom('consult_communities')
    .select('id')
    .where('id', '=', e.communityId)
    .executeTakeFirst();
  if (!c) throw AppError.of('community_not_found', '所选社区（村）不存在');
  // A community lawyer logs work in her own communities; pool volunteers serve anywhere.
  const mine = await communitiesOf(ctx.db, user.id);
  if (!mine.includes(e.communityId) && !(await inPool(ctx.db, user.id)))
    throw AppError.of('not_your_community', '只能登记您所服务社区（村）的线下服务');
  const nowIso = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('consult_offline_logs')
      .values({
        lawyer_id: user.id,
        community_id: e.communityId,
        kind: e.kind,
        date: e.date,
        count: e.count,
        note: e.note ?? null,
        created_at: nowIso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(
      trx,
      {
        actor: user,
        action: 'create',
        entity: 'consult_offline_log',
        entityId: row.id,
      },
      ctx.now(),
    );
    return row.id;
  });
}

export async function listOfflineLogs(ctx: AppContext, user: SessionUser) {
  let q = ctx.db
    .selectFrom('consult_offline_logs as l')
    .innerJoin('consult_communities as c', 'c.id', 'l.community_id')
    .innerJoin('users as u', 'u.id', 'l.lawyer_id')
    .select([
      'l.id',
      'l.kind',
      'l.date',
      'l.count',
      'l.note',
      'c.name as community',
      'u.display_name as lawyer',
    ]);
  if (user.role !== 'admin') q = q.where('l.lawyer_id', '=', user.id);
  const rows = await q.orderBy('l.date', 'desc').orderBy('l.id', 'desc').limit(500).execute();
  return rows.map((r) => ({ ...r, kindLabel: OFFLINE_LABELS[r.kind] }));
}
