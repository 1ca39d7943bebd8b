/** @module Types and helpers of the consult pages: list items, the thread, live streams (SSE), image upload. */
import { ApiError } from '../../api';
import { me } from '../../session';

export interface ListItem {
  id: number;
  preview: string;
  citizen: string;
  community: string;
  stage: 'community' | 'pool' | 'hotline';
  stageLabel: string;
  status: 'open' | 'answered' | 'closed';
  statusLabel: string;
  claimedBy: number | null;
  createdAt: string;
  firstResponseMinutes: number | null;
}

export interface Message {
  id: number;
  authorKind: 'citizen' | 'lawyer' | 'staff';
  authorName: string;
  body: string;
  createdAt: string;
}

export interface Question {
  id: number;
  body: string;
  transcript: unknown;
  citizen: string;
  community: { name: string; street: string; district: string };
  stage: string;
  stageLabel: string;
  status: string;
  statusLabel: string;
  category: string | null;
  categoryLabel: string | null;
  rating: number | null;
  createdAt: string;
  firstResponseMinutes: number | null;
  nextEscalationAt: string | null;
  messages: Message[];
  attachments: { id: number; fileName: string; url: string }[];
  events: { kind: string; at: string }[];
  referral: { id: number; status: string; applyUrl: string } | null;
  actions: string[];
}

export interface Tree {
  district: string;
  streets: {
    id: number;
    name: string;
    communities: {
      id: number;
      name: string;
      kind: string;
      lawyers: { id: number; name: string }[];
    }[];
  }[];
}

export const CATEGORIES = [
  { value: 'consultation', label: '法律咨询' },
  { value: 'mediation', label: '矛盾纠纷调解' },
  { value: 'legal_aid', label: '法律援助' },
  { value: 'opinion', label: '提供法律意见' },
];

export const OFFLINE_KINDS = [
  { value: 'consultation', label: '法律咨询' },
  { value: 'mediation', label: '矛盾纠纷调解' },
  { value: 'lecture', label: '法治讲座' },
  { value: 'legal_aid', label: '法律援助' },
  { value: 'litigation', label: '代理案件' },
  { value: 'opinion', label: '提供法律意见' },
  { value: 'publicity', label: '法治宣传活动' },
];

export const EVENT_LABELS: Record<string, string> = {
  asked: '提出咨询',
  escalated_pool: '转志愿律师库',
  escalated_hotline: '转 12348 热线',
  claimed: '律师认领',
  first_reply: '首次回复',
  classified: '案件分类',
  referred: '转介法律援助',
  rated: '群众评价',
};

/** `2026-11-02T02:00:00Z` → `11-02 10:00` in Beijing time. */
export function shortTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${d.slice(5, 10)} ${d.slice(11, 16)}`;
}

/** Opens a live stream; named events go to `on`; the browser reconnects by itself after drops. */
export function live(url: string, on: Record<string, (data: unknown) => void>): () => void {
  const es = new EventSource(`/api/v1${url}`, { withCredentials: true });
  for (const [name, fn] of Object.entries(on))
    es.addEventListener(name, (e) => fn(JSON.parse((e as MessageEvent<string>).data)));
  return () => es.close();
}

/** Uploads one image (multipart) to a question. */
export async function uploadImage(questionId: number, file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(`/api/v1/consult/questions/${questionId}/attachments`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: me.value ? { 'x-csrf-token': me.value.csrfToken } : {},
  });
  if (!res.ok) {
    const j = (await res.json().catch(() => null)) as {
      error?: { code: string; message: string };
    } | null;
    throw new ApiError(
      res.status,
      j?.error?.code ?? 'http_error',
      j?.error?.message ?? `上传失败（${res.status}）`,
    );
  }
}

/** The files chosen in an `<input type="file">` (DOM types stay in .ts files, where the linter knows them). */
export function filesOf(e: Event): File[] {
  return Array.from((e.target as HTMLInputElement).files ?? []);
}

export type PickedFile = File;

/** The text of the first chosen file (a CSV for the import). */
export async function textOf(e: Event): Promise<string | null> {
  const f = (e.target as HTMLInputElement).files?.[0];
  return f ? f.text() : null;
}
