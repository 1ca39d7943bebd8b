/**
 * @module Contract of the legal-aid API (/api/v1/aid): applications as lists and detail, the form's
 * options, the pre-check, the office's ledger, statistics, roster and reminders. Pure zod.
 */
import { z } from 'zod';

const Option = z.object({ value: z.string(), label: z.string() });

export const Deadlines = z.object({
  decideBy: z.string().nullable(),
  assignBy: z.string().nullable(),
  objectionDecideBy: z.string().nullable(),
  supplementBy: z.string().nullable(),
  paused: z.boolean(),
  overdue: z.array(z.enum(['decide', 'assign', 'objection'])),
});

/** A row of a list: personal data masked. */
export const AidListItem = z.object({
  id: z.number(),
  refNo: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  channel: z.string(),
  applicantName: z.string().nullable(),
  applicantIdNumber: z.string().nullable(),
  applicantPhone: z.string().nullable(),
  caseType: z.string(),
  hardshipBasis: z.string(),
  agencyId: z.number(),
  /** The office that received it (differs from agencyId after a 市区通办 transfer). */
  receivedAgencyId: z.number(),
  receivedAt: z.string(),
  urgent: z.boolean(),
  deadlines: Deadlines.optional(),
});
export const AidList = z.object({ items: z.array(AidListItem) });

/** What the presenter shows of an application to those allowed to read it (unmasked). */
export const AidDetail = AidListItem.extend({
  applicantAddress: z.string().nullable(),
  proxy: z
    .object({ name: z.string(), relation: z.string().nullable(), idNumber: z.string().nullable() })
    .nullable(),
  adverseParty: z.string().nullable(),
  caseCategory: z.string(),
  caseTypeKey: z.string(),
  caseFacts: z.string(),
  isLitigation: z.boolean(),
  handlingOrgan: z.string().nullable(),
  handlingDistrict: z.string().nullable(),
  lifeOrDeath: z.boolean(),
  hardshipBasisKey: z.string(),
  commitmentName: z.string().nullable(),
  exemptArticle: z.string().nullable(),
  homeService: z.boolean(),
  preferredLawyerIds: z.array(z.number()),
  receivedAgencyId: z.number(),
  competentAgencyId: z.number(),
  /** Why that office is competent (Art. 38), or the recorded correction. */
  competenceBasis: z.string(),
  decision: z
    .object({
      at: z.string(),
      reasons: z.string().nullable(),
      granted: z.boolean(),
      /** grant, refuse, urgent (先行提供) or not_accepted (不予受理). */
      kind: z.enum(['grant', 'refuse', 'urgent', 'not_accepted']),
    })
    .nullable(),
  /** 容缺受理: accepted with papers to follow, by a date; completedAt once they came. */
  tolerant: z
    .object({
      at: z.string(),
      items: z.array(z.string()),
      deadline: z.string().nullable(),
      completedAt: z.string().nullable(),
    })
    .nullable(),
  supplement: z
    .object({
      items: z.array(z.string()),
      requestedAt: z.string().nullable(),
      /** When the notice reached the applicant; null: not yet, so no 视为撤回. */
      deliveredAt: z.string().nullable(),
      deadline: z.string().nullable(),
    })
    .nullable(),
  urgentGround: z.string().nullable(),
  lawyerId: z.number().nullable(),
  assignedAt: z.string().nullable(),
  assignedByChoice: z.boolean(),
  closingReport: z.string().nullable(),
  economicAmount: z.number().nullable(),
  termination: z
    .object({ ground: z.string(), reasons: z.string().nullable(), at: z.string().nullable() })
    .nullable(),
  objection: z
    .object({
      text: z.string(),
      raisedAt: z.string().nullable(),
      decidedAt: z.string().nullable(),
      reasons: z.string().nullable(),
    })
    .nullable(),
  lawyerChangeReason: z.string().nullable(),
  citizenSatisfaction: z.number().nullable(),
  timeline: z.array(
    z.object({
      at: z.string(),
      event: z.string(),
      label: z.string(),
      from: z.string(),
      to: z.string(),
      note: z.string().nullable(),
      actorRole: z.string().nullable(),
    }),
  ),
  actions: z.array(z.object({ event: z.string(), label: z.string() })),
});

/** GET /aid/applications/:id: the detail with its files, notes and evaluation (added by the route). */
export const AidApplication = z.object({
  application: AidDetail.extend({
    attachments: z.array(
      z.object({
        id: z.number(),
        kind: z.string(),
        name: z.string(),
        size: z.number(),
        at: z.string(),
      }),
    ),
    notes: z.array(z.object({ id: z.number(), at: z.string(), body: z.string() })),
    evaluation: z.object({ combined: z.number() }).nullable(),
    /** Staff only: the same person's other applications for the same kind of matter (duplicate flag). */
    sameMatter: z.array(
      z.object({
        id: z.number(),
        refNo: z.string().nullable(),
        statusLabel: z.string(),
        agency: z.string(),
        receivedAt: z.string(),
      }),
    ),
  }),
});

/** GET /aid/applications/:id/forms: the standard forms the case's stage allows (staff). */
export const AidForms = z.object({
  forms: z.array(z.object({ key: z.string(), title: z.string() })),
});

export const AidMeta = z.object({
  caseTypes: z.array(Option),
  regions: z.array(z.string()),
  terminationGrounds: z.array(Option),
  commitmentText: z.string(),
  agencies: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      district: z.string().nullable(),
    }),
  ),
});

export const AidLawyers = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      specialties: z.array(z.string()),
      yearsExperience: z.number(),
      famous: z.boolean(),
    }),
  ),
});

export const AidRoster = z.object({
  items: z.array(z.object({ userId: z.number(), name: z.string() })),
});

export const AidNotifications = z.object({
  items: z.array(
    z.object({ id: z.number(), applicationId: z.number(), message: z.string(), at: z.string() }),
  ),
});

export const AidStatistics = z.object({
  from: z.string(),
  to: z.string(),
  received: z.number(),
  byBasis: z.object({ commitment: z.number(), proof: z.number(), exempt: z.number() }),
  granted: z.number(),
  refused: z.number(),
  urgent: z.number(),
  transferred: z.number(),
  tolerantAcceptance: z.number(),
  homeService: z.number(),
  pointChoice: z.number(),
  famousLawyer: z.number(),
  economicAmount: z.number(),
  byDistrict: z.array(
    z.object({
      agencyId: z.number(),
      agency: z.string(),
      received: z.number(),
      granted: z.number(),
    }),
  ),
  byMonth: z.array(z.object({ month: z.string(), received: z.number(), granted: z.number() })),
});

export const PrecheckQuestion = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(['choice', 'number']),
  options: z.array(Option).optional(),
  hint: z.string().optional(),
});
export const PrecheckResult = z.object({
  verdict: z.enum(['likely_eligible', 'not_eligible', 'needs_review']),
  article: z.string(),
  explanation: z.string(),
  materials: z.array(z.string()),
  hardshipBasis: z.enum(['exempt', 'commitment_or_proof', 'none']),
});
export const PrecheckStep = z.union([
  z.object({ done: z.literal(false), question: PrecheckQuestion }),
  z.object({ done: z.literal(true), result: PrecheckResult }),
]);

export const AidCreated = z.object({
  id: z.number(),
  refNo: z.string().nullable(),
  status: z.string(),
  competentAgencyId: z.number(),
});
export const AidFired = z.object({ id: z.number(), status: z.string() });

export type Deadlines = z.infer<typeof Deadlines>;
export type AidListItem = z.infer<typeof AidListItem>;
export type AidDetail = z.infer<typeof AidDetail>;
export type AidMeta = z.infer<typeof AidMeta>;
export type AidStatistics = z.infer<typeof AidStatistics>;
export type PrecheckQuestion = z.infer<typeof PrecheckQuestion>;
export type PrecheckResult = z.infer<typeof PrecheckResult>;
