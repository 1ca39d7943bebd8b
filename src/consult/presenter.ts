/** @module What the API shows of a question: masked names and a short preview in lists, the full thread on its own page. */
import type { Selectable } from 'kysely';
import type { SessionUser } from '../core/session.js';
import type { ConsultListItem, ConsultQuestion } from '../contracts/consult.js';
import { maskName } from '../core/pii.js';
import { allowedActions } from '../core/policy.js';
import { questionPolicy, type QuestionResource } from './policy.js';
import type { QuestionRow } from './repository.js';
import { CATEGORY_LABELS, STAGE_LABELS, STATUS_LABELS } from './labels.js';
import type { ConsultAttachmentRow, ConsultMessageRow } from './tables.js';

export interface ListRow extends QuestionRow {
  citizen_name: string;
  community_name: string;
}

const minutesBetween = (a: string, b: string | null) =>
  b === null ? null : Math.round(((Date.parse(b) - Date.parse(a)) / 60_000) * 10) / 10;

export function presentListItem(q: ListRow, viewer: SessionUser): ConsultListItem {
  const own = viewer.id === q.citizen_id;
  return {
    id: q.id,
    preview: q.body.length > 40 ? `${q.body.slice(0, 40)}…` : q.body,
    citizen: own ? q.citizen_name : maskName(q.citizen_name),
    community: q.community_name,
    stage: q.stage,
    stageLabel: STAGE_LABELS[q.stage],
    status: q.status,
    statusLabel: STATUS_LABELS[q.status],
    claimedBy: q.claimed_by,
    hotlineClaimedBy: q.hotline_claimed_by,
    category: q.category,
    createdAt: q.created_at,
    nextEscalationAt: q.next_escalation_at,
    firstResponseMinutes: minutesBetween(q.created_at, q.first_response_at),
  };
}

export function presentQuestion(
  q: QuestionRow,
  extra: {
    resource: QuestionResource;
    viewer: SessionUser;
    citizenName: string;
    community: { name: string; street: string; district: string };
    messages: (Selectable<ConsultMessageRow> & { author_name: string })[];
    attachments: Selectable<ConsultAttachmentRow>[];
    events: { kind: string; at: string }[];
    referral: { id: number; status: string } | null;
  },
): ConsultQuestion {
  return {
    id: q.id,
    body: q.body,
    transcript: q.transcript ? (JSON.parse(q.transcript) as unknown) : null,
    conversationId: q.conversation_id,
    citizen: extra.citizenName,
    community: extra.community,
    stage: q.stage,
    stageLabel: STAGE_LABELS[q.stage],
    status: q.status,
    statusLabel: STATUS_LABELS[q.status],
    claimedBy: q.claimed_by,
    hotlineClaimedBy: q.hotline_claimed_by,
    category: q.category,
    categoryLabel: q.category ? CATEGORY_LABELS[q.category] : null,
    rating: q.rating,
    ratingComment: q.rating_comment,
    createdAt: q.created_at,
    firstResponseAt: q.first_response_at,
    firstResponseMinutes: minutesBetween(q.created_at, q.first_response_at),
    nextEscalationAt: q.next_escalation_at,
    messages: extra.messages.map((m) => ({
      id: m.id,
      authorKind: m.author_kind,
      authorName: m.author_name,
      body: m.body,
      createdAt: m.created_at,
    })),
    attachments: extra.attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mime: a.mime,
      size: a.size,
      url: `/api/v1/consult/attachments/${a.id}`,
    })),
    events: extra.events,
    referral: extra.referral
      ? { ...extra.referral, applyUrl: `/aid/apply?referral=${extra.referral.id}` }
      : null,
    actions: allowedActions(questionPolicy, extra.viewer, extra.resource),
  };
}
