/** @module Types and calls shared by the aid pages. */
import { ApiError, api } from '../../api';
import { loadSession, me, sessionLoaded, type Me } from '../../session';

export interface Deadlines {
  decideBy: string | null;
  assignBy: string | null;
  objectionDecideBy: string | null;
  supplementBy: string | null;
  paused: boolean;
  overdue: string[];
}

export interface ListItem {
  id: number;
  refNo: string;
  status: string;
  statusLabel: string;
  channel: string;
  applicantName: string;
  caseType: string;
  hardshipBasis: string;
  receivedAt: string;
  urgent: boolean;
  deadlines?: Deadlines;
}

export interface Detail extends ListItem {
  caseFacts: string;
  adverseParty: string | null;
  decision: { at: string; reasons: string; granted: boolean } | null;
  supplement: { items: string[]; requestedAt: string; deadline: string } | null;
  termination: { ground: string; reasons: string; at: string } | null;
  objection: {
    text: string;
    raisedAt: string;
    decidedAt: string | null;
    reasons: string | null;
  } | null;
  lawyerId: number | null;
  closingReport: string | null;
  citizenSatisfaction: number | null;
  timeline: {
    at: string;
    event: string;
    label: string;
    from: string;
    to: string;
    note: string | null;
  }[];
  actions: { event: string; label: string }[];
  attachments: { id: number; kind: string; name: string; size: number; at: string }[];
  notes: { id: number; at: string; body: string }[];
  evaluation: { combined: number } | null;
}

/** Multipart upload (the JSON helper cannot send files); the CSRF header comes from the session. */
export async function uploadFile(id: number, file: File, kind: string): Promise<void> {
  const fd = new FormData();
  fd.append('file', file);
  const res = await fetch(`/api/v1/aid/applications/${id}/attachments?kind=${kind}`, {
    method: 'POST',
    body: fd,
    credentials: 'same-origin',
    headers: me.value ? { 'x-csrf-token': me.value.csrfToken } : {},
  });
  if (!res.ok) {
    const e = ((await res.json()) as { error?: { code: string; message: string } }).error;
    throw new ApiError(
      res.status,
      e?.code ?? 'http_error',
      e?.message ?? `上传失败（${res.status}）`,
    );
  }
}

export const fireEvent = (id: number, body: Record<string, unknown>) =>
  api<{ id: number; status: string }>('POST', `/aid/applications/${id}/events`, body);

export const localDay = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The files chosen in an `<input type="file">` change event. */
export const filesOf = (e: Event): File[] => [...((e.target as HTMLInputElement).files ?? [])];

/** A query string from the non-empty fields. */
export const queryOf = (o: Record<string, string>): string =>
  new URLSearchParams(Object.entries(o).filter(([, v]) => v)).toString();

/** The signed-in user once the session has been asked for (pages opened directly load before App's check returns). */
export async function ensureSession(): Promise<Me | null> {
  if (!sessionLoaded.value) await loadSession().catch(() => undefined);
  return me.value;
}
