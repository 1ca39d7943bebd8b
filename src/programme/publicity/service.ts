/**
 * @module The 普法 registry: the bureau opens campaigns (百日护薪, 宪法宣传周…); advisers and the bureau log
 * activities under them, and record the audience and photos afterwards. Every write is audited in its
 * transaction. An adviser's held activities count among her offline services in the 考核 (service.ts).
 */
import { audit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import type { SessionUser } from '../../core/session.js';
import type { ActivityKind } from '../tables.js';
import * as repo from './repository.js';

export interface CampaignInput {
  name: string;
  description?: string | undefined;
  fromDate: string;
  toDate: string;
}

export async function createCampaign(
  ctx: AppContext,
  user: SessionUser,
  c: CampaignInput,
): Promise<number> {
  const now = ctx.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertCampaign(trx, {
      name: c.name,
      description: c.description?.trim() || null,
      from_date: c.fromDate,
      to_date: c.toDate,
      created_by: user.id,
      created_at: at,
      updated_at: at,
    });
    await audit(
      trx,
      {
        actor: user,
        action: 'create',
        entity: 'programme_campaign',
        entityId: id,
        detail: { name: c.name },
      },
      now,
    );
    return id;
  });
}

export interface ActivityInput {
  campaignId: number;
  kind: ActivityKind;
  title: string;
  place: string;
  date: string;
  startTime: string;
  endTime: string;
  organiser: string;
  lawyers: string[];
  audience: number;
  photoCount: number;
}

/** A China date and local time as an ISO instant (UTC+8). */
const instant = (date: string, time: string) =>
  new Date(Date.parse(`${date}T${time}:00+08:00`)).toISOString();

export async function logActivity(
  ctx: AppContext,
  user: SessionUser,
  a: ActivityInput,
): Promise<number> {
  const campaign = await repo.campaignById(ctx.db, a.campaignId);
  if (!campaign) throw AppError.of('campaign_not_found');
  if (a.date < campaign.from_date || a.date > campaign.to_date)
    throw AppError.of(
      'activity_outside_campaign',
      `活动日期应在“${campaign.name}”的活动期间（${campaign.from_date} 至 ${campaign.to_date}）内`,
    );
  const now = ctx.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertActivity(trx, {
      campaign_id: a.campaignId,
      kind: a.kind,
      title: a.title,
      place: a.place,
      starts_at: instant(a.date, a.startTime),
      ends_at: instant(a.date, a.endTime),
      organiser: a.organiser,
      lawyers: JSON.stringify(a.lawyers),
      audience: a.audience,
      photo_count: a.photoCount,
      logged_by: user.id,
      created_at: at,
      updated_at: at,
    });
    await audit(
      trx,
      {
        actor: user,
        action: 'create',
        entity: 'programme_activity',
        entityId: id,
        detail: { campaignId: a.campaignId, kind: a.kind },
      },
      now,
    );
    return id;
  });
}

/** The audience and photo count after the event, by whoever logged it or the bureau. */
export async function recordResult(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  r: { audience: number; photoCount: number },
): Promise<void> {
  const a = await repo.activityById(ctx.db, id);
  if (!a || (user.role !== 'admin' && a.logged_by !== user.id)) throw notFound('该普法活动');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setResult(trx, id, r.audience, r.photoCount, now.toISOString());
    await audit(
      trx,
      {
        actor: user,
        action: 'update',
        entity: 'programme_activity',
        entityId: id,
        detail: { ...r },
      },
      now,
    );
  });
}
