/**
 * @module Contract of the 社区律师 consult API (/api/v1/consult): questions as lists and threads, the
 * lawyer's inbox, geography, the resident's community, offline logs, the bureau's settings and bulletin.
 */
import { z } from 'zod';

export const Stage = z.enum(['community', 'pool', 'hotline']);
export const QuestionStatus = z.enum(['open', 'answered', 'closed']);
export const Category = z.enum(['consultation', 'mediation', 'legal_aid', 'opinion']);

export const ConsultListItem = z.object({
  id: z.number(),
  preview: z.string(),
  citizen: z.string().nullable(),
  community: z.string(),
  stage: Stage,
  stageLabel: z.string(),
  status: QuestionStatus,
  statusLabel: z.string(),
  claimedBy: z.number().nullable(),
  /** The 12348 staff member who took it from the hotline queue. */
  hotlineClaimedBy: z.number().nullable(),
  category: Category.nullable(),
  createdAt: z.string(),
  nextEscalationAt: z.string().nullable(),
  firstResponseMinutes: z.number().nullable(),
});
export const ConsultList = z.object({ items: z.array(ConsultListItem) });
export const Inbox = z.object({
  items: z.array(ConsultListItem),
  counts: z.record(z.string(), z.number()),
  inPool: z.boolean(),
});

export const ConsultMessage = z.object({
  id: z.number(),
  authorKind: z.enum(['citizen', 'lawyer', 'staff']),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

export const ConsultQuestion = z.object({
  id: z.number(),
  body: z.string(),
  /** The 智能问答 conversation the question came from, as it was then (shown, not interpreted). */
  transcript: z.unknown(),
  conversationId: z.string().nullable(),
  citizen: z.string(),
  community: z.object({ name: z.string(), street: z.string(), district: z.string() }),
  stage: Stage,
  stageLabel: z.string(),
  status: QuestionStatus,
  statusLabel: z.string(),
  claimedBy: z.number().nullable(),
  /** The 12348 staff member who took it from the hotline queue. */
  hotlineClaimedBy: z.number().nullable(),
  category: Category.nullable(),
  categoryLabel: z.string().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  createdAt: z.string(),
  firstResponseAt: z.string().nullable(),
  firstResponseMinutes: z.number().nullable(),
  nextEscalationAt: z.string().nullable(),
  messages: z.array(ConsultMessage),
  attachments: z.array(
    z.object({
      id: z.number(),
      fileName: z.string(),
      mime: z.string(),
      size: z.number(),
      url: z.string(),
    }),
  ),
  events: z.array(z.object({ kind: z.string(), at: z.string() })),
  referral: z.object({ id: z.number(), status: z.string(), applyUrl: z.string() }).nullable(),
  actions: z.array(z.string()),
});
export const QuestionEnvelope = z.object({ question: ConsultQuestion });

export const Tree = z.object({
  district: z.string(),
  streets: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      communities: z.array(
        z.object({
          id: z.number(),
          name: z.string(),
          kind: z.string(),
          lawyers: z.array(z.object({ id: z.number(), name: z.string() })),
        }),
      ),
    }),
  ),
});
export const Geography = z.object({ items: z.array(Tree) });

export const Profile = z.object({
  profile: z
    .object({
      communityId: z.number(),
      community: z.string(),
      street: z.string(),
      district: z.string(),
    })
    .nullable(),
});

export const OfflineLogs = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      kindLabel: z.string(),
      date: z.string(),
      count: z.number(),
      community: z.string(),
      note: z.string().nullable(),
    }),
  ),
});

export const Lawyers = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      displayName: z.string(),
      username: z.string(),
      registered: z.boolean(),
      active: z.boolean(),
      inPool: z.boolean(),
      specialties: z.array(z.string()),
      assigned: z.boolean(),
    }),
  ),
  registration: z.object({
    assigned: z.number(),
    registeredActive: z.number(),
    rate: z.number().nullable(),
  }),
});

export const Settings = z.object({ poolAfterMinutes: z.number(), hotlineAfterMinutes: z.number() });

const Figures = z.object({
  name: z.string().optional(),
  questions: z.number(),
  answered: z.number(),
  responseRate: z.number().nullable(),
  meanMinutes: z.number().nullable(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});
const Kinds = z.object({
  consultation: z.number(),
  mediation: z.number(),
  lecture: z.number(),
  legal_aid: z.number(),
  litigation: z.number(),
  opinion: z.number(),
  publicity: z.number(),
});
/** One district, street or community: the seven kinds online and offline together. */
const AreaServices = z.object({
  key: z.union([z.number(), z.string()]),
  name: z.string(),
  online: z.number(),
  offline: z.number(),
  total: z.number(),
  kinds: Kinds,
});
export const Bulletin = z.object({
  /** The period's key: `2026-10` or `2026-Q4`. */
  month: z.string(),
  kind: z.enum(['month', 'quarter']),
  label: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  online: Figures,
  offline: z.object({
    items: z.array(z.object({ kind: z.string(), label: z.string(), count: z.number() })),
    total: z.number(),
  }),
  registration: z.object({ rate: z.number().nullable() }),
  rating: z.object({ mean: z.number().nullable(), count: z.number() }),
  districts: z.array(Figures),
  /** The seven kinds (the offline kinds; online questions by category, unclassified as 法律咨询). */
  services: z.object({
    items: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        online: z.number(),
        offline: z.number(),
        total: z.number(),
      }),
    ),
    online: z.number(),
    offline: z.number(),
    total: z.number(),
  }),
  areas: z.object({
    district: z.array(AreaServices),
    street: z.array(AreaServices),
    community: z.array(AreaServices),
  }),
});
export const BulletinEnvelope = z.object({ bulletin: Bulletin });

/** What the resident's aid application is prefilled with, after she consented to the referral. */
export const ReferralPrefill = z.object({
  referralId: z.number(),
  applicant: z.object({ name: z.string(), phone: z.string() }),
  /** The aid matter the lawyer chose when referring (aid's caseType), if any. */
  caseType: z.string().nullable(),
  caseCategory: z.string().nullable(),
  caseFacts: z.string(),
  handlingDistrict: z.string().nullable(),
});
export const ReferralPrefillEnvelope = z.object({ prefill: ReferralPrefill });

/** The referring lawyer's referrals with the aid application's outcome label (已申请, 已受理, 给予援助, 不予援助…). */
export const ReferralList = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      questionId: z.number(),
      status: z.enum(['draft', 'confirmed']),
      statusLabel: z.string(),
      createdAt: z.string(),
      confirmedAt: z.string().nullable(),
      aid: z
        .object({ applicationId: z.number(), status: z.string(), label: z.string() })
        .nullable(),
    }),
  ),
});

/** The year's targets and the measures a target may name. */
export const Targets = z.object({
  year: z.number(),
  targets: z.array(z.object({ metric: z.string(), target: z.number() })),
  measures: z.array(
    z.object({
      key: z.string(),
      item: z.string(),
      unit: z.string(),
      kind: z.enum(['count', 'rate', 'time', 'score']),
      better: z.enum(['higher', 'lower']),
    }),
  ),
});

/** 半年工作目标完成情况: one row per target (责任事项 → 目标 → 完成情况). */
export const HalfYearReport = z.object({
  title: z.string(),
  year: z.number(),
  half: z.union([z.literal(1), z.literal(2)]),
  period: z.object({ from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  rows: z.array(
    z.object({
      no: z.number(),
      metric: z.string(),
      item: z.string(),
      unit: z.string(),
      better: z.enum(['higher', 'lower']),
      annualTarget: z.number(),
      /** Half the yearly target for a count; the target itself for a rate, time or score. */
      periodTarget: z.number(),
      actual: z.number().nullable(),
      completion: z.number().nullable(),
      met: z.boolean(),
      situation: z.string(),
    }),
  ),
});

export const Created = z.object({ id: z.number() });
export const ReferralConfirmed = z.object({ applyUrl: z.string() });

export type ConsultListItem = z.infer<typeof ConsultListItem>;
export type ConsultQuestion = z.infer<typeof ConsultQuestion>;
export type ConsultMessage = z.infer<typeof ConsultMessage>;
export type Tree = z.infer<typeof Tree>;
export type Bulletin = z.infer<typeof Bulletin>;
export type ReferralPrefill = z.infer<typeof ReferralPrefill>;
export type ReferralList = z.infer<typeof ReferralList>;
export type HalfYearReport = z.infer<typeof HalfYearReport>;
export type Targets = z.infer<typeof Targets>;
export type Lawyer = z.infer<typeof Lawyers>['items'][number];
