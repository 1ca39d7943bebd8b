/** @module Contract of the programme API: 考核 and subsidies, 品牌 awards, 普法 campaigns and activities. Pure zod. */
import { z } from 'zod';

export const ScorePartView = z.object({
  metric: z.string(),
  label: z.string(),
  figure: z.number().nullable(),
  target: z.number(),
  weight: z.number(),
  points: z.number(),
  pointsLabel: z.string(),
});

export const ScoreView = z.object({
  id: z.number(),
  period: z.string(),
  status: z.string(),
  total: z.number(),
  totalLabel: z.string(),
  parts: z.array(ScorePartView),
  publishedAt: z.string().nullable(),
});
export type ScoreView = z.infer<typeof ScoreView>;

export const MyScores = z.object({ items: z.array(ScoreView) });

/** The bureau's view of every score of a period (GET /admin/programme/scores). */
export const AdminScoreView = ScoreView.extend({ adviserId: z.number(), services: z.number() });
export const AdminScores = z.object({ items: z.array(AdminScoreView) });
export type AdminScoreView = z.infer<typeof AdminScoreView>;

const Rule = z.object({ weight: z.number(), target: z.number() });
export const Standards = z.object({
  score: z.object({
    responseRate: Rule,
    responseMinutes: Rule,
    rating: Rule,
    offlineServices: Rule,
    training: Rule,
    complaints: Rule,
  }),
  subsidy: z.object({
    baseFen: z.number(),
    perServiceFen: z.number(),
    capFen: z.number(),
    passMark: z.number(),
  }),
});
export type Standards = z.infer<typeof Standards>;

export const SubsidyView = z.object({
  id: z.number(),
  adviserId: z.number(),
  adviserName: z.string(),
  period: z.string(),
  amountFen: z.number(),
  amountLabel: z.string(),
  status: z.string(),
});
export type SubsidyView = z.infer<typeof SubsidyView>;
export const Subsidies = z.object({ items: z.array(SubsidyView) });

/** 品牌 awards: what anyone reads (GET /programme/awards/public). */
export const PublicAwardView = z.object({
  id: z.number(),
  kind: z.enum(['studio', 'firm']),
  kindLabel: z.string(),
  year: z.number(),
  nominee: z.string(),
  district: z.string().nullable(),
  status: z.string(),
  publicityFrom: z.string().nullable(),
  publicityUntil: z.string().nullable(),
  awardedAt: z.string().nullable(),
});
export type PublicAwardView = z.infer<typeof PublicAwardView>;
export const PublicAwards = z.object({
  awarded: z.array(PublicAwardView),
  publicity: z.array(PublicAwardView),
});

/** An application as its applicant and the bureau see it; `actions` are the events `can()` allows. */
export const AwardView = PublicAwardView.extend({
  materials: z.string(),
  statusLabel: z.string(),
  reason: z.string().nullable(),
  inspectionMean: z.number().nullable(),
  inspectionMeanLabel: z.string().nullable(),
  actions: z.array(z.string()),
});
export type AwardView = z.infer<typeof AwardView>;
export const AwardList = z.object({ items: z.array(AwardView) });
export const AwardDetail = AwardView.extend({
  scores: z.array(
    z.object({
      inspectorId: z.number(),
      inspectorName: z.string(),
      score: z.number(),
      at: z.string(),
    }),
  ),
  steps: z.array(
    z.object({
      event: z.string(),
      label: z.string(),
      from: z.string(),
      to: z.string(),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
  objections: z.array(
    z.object({ id: z.number(), body: z.string(), decision: z.string().nullable(), at: z.string() }),
  ),
});
export type AwardDetail = z.infer<typeof AwardDetail>;

/** 普法 campaigns and activities. The public calendar carries no personal data. */
export const CampaignView = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string(),
});
export type CampaignView = z.infer<typeof CampaignView>;
export const Campaigns = z.object({ items: z.array(CampaignView) });

export const PublicActivityView = z.object({
  id: z.number(),
  campaign: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  place: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  organiser: z.string(),
});
export type PublicActivityView = z.infer<typeof PublicActivityView>;
export const PublicActivities = z.object({ items: z.array(PublicActivityView.strict()) });

export const ActivityView = PublicActivityView.extend({
  campaignId: z.number(),
  lawyers: z.array(z.string()),
  audience: z.number(),
  photoCount: z.number(),
  /** Photos uploaded (GET /programme/activities/:id/photos lists them). */
  photoFiles: z.number(),
  loggedBy: z.number(),
});
export type ActivityView = z.infer<typeof ActivityView>;
export const Activities = z.object({ items: z.array(ActivityView) });
