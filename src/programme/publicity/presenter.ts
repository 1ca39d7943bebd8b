/** @module Response shapes of the 普法 registry; the public calendar carries no personal data (no lawyers, no logger). */
import type { Selectable } from 'kysely';
import { chinaDate } from '../../core/time.js';
import type { ProgrammeActivityRow, ProgrammeCampaignRow } from '../tables.js';
import { ACTIVITY_KINDS } from './schema.js';

/** HH:MM in China of an ISO instant. */
const chinaTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);

export const presentCampaign = (c: Selectable<ProgrammeCampaignRow>) => ({
  id: c.id,
  name: c.name,
  description: c.description,
  fromDate: c.from_date,
  toDate: c.to_date,
});

type Public = Pick<
  Selectable<ProgrammeActivityRow>,
  'id' | 'kind' | 'title' | 'place' | 'starts_at' | 'ends_at' | 'organiser'
> & {
  campaign_name: string;
};

export const presentPublicActivity = (a: Public) => ({
  id: a.id,
  campaign: a.campaign_name,
  kind: a.kind,
  kindLabel: ACTIVITY_KINDS[a.kind],
  title: a.title,
  place: a.place,
  date: chinaDate(a.starts_at),
  startTime: chinaTime(a.starts_at),
  endTime: chinaTime(a.ends_at),
  organiser: a.organiser,
});

export const presentActivity = (
  a: Selectable<ProgrammeActivityRow> & { campaign_name: string },
) => ({
  ...presentPublicActivity(a),
  campaignId: a.campaign_id,
  lawyers: JSON.parse(a.lawyers) as string[],
  audience: a.audience,
  photoCount: a.photo_count,
  /** Photos uploaded (at most MAX_PHOTOS). */
  photoFiles: a.photo_files,
  loggedBy: a.logged_by,
});
