/** @module Types and helpers of the consult pages: list items, the thread, live streams (SSE), image upload. */
import { api, upload } from '../../api';
import {
  BulletinEnvelope,
  ConsultList,
  Created,
  Geography,
  HalfYearReport,
  Inbox,
  Lawyers,
  OfflineLogs,
  Profile,
  QuestionEnvelope,
  ReferralConfirmed,
  ReferralList,
  ReferralPrefillEnvelope,
  Settings,
  Targets,
  type ReferralPrefill,
} from '../../../../src/contracts/consult';

export type {
  Bulletin,
  HalfYearReport,
  ConsultListItem as ListItem,
  ConsultMessage as Message,
  ConsultQuestion as Question,
  Lawyer,
  Tree,
} from '../../../../src/contracts/consult';
export { filesOf, textOf } from '../../composables/use-upload';

export const listQuestions = async () =>
  (await api('GET', '/consult/questions', undefined, ConsultList)).items;
export const getInbox = (box: string) => api('GET', `/consult/inbox?box=${box}`, undefined, Inbox);
export const getQuestion = async (id: number | string) =>
  (await api('GET', `/consult/questions/${id}`, undefined, QuestionEnvelope)).question;
export const askQuestion = (body: { body: string; conversationId?: string }) =>
  api('POST', '/consult/questions', body, Created);
export const confirmReferral = (id: number) =>
  api('POST', `/consult/referrals/${id}/confirm`, undefined, ReferralConfirmed);
export const getGeography = async () =>
  (await api('GET', '/consult/geography', undefined, Geography)).items;
export const getProfile = async () =>
  (await api('GET', '/consult/profile', undefined, Profile)).profile;
export const listOfflineLogs = async () =>
  (await api('GET', '/consult/offline-logs', undefined, OfflineLogs)).items;
export const getLawyers = () => api('GET', '/consult/admin/lawyers', undefined, Lawyers);
export const getSettings = () => api('GET', '/consult/admin/settings', undefined, Settings);
export const getBulletin = async (month: string) =>
  (await api('GET', `/consult/bulletin/${month}`, undefined, BulletinEnvelope)).bulletin;

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
  claimed_hotline: '12348 热线认领',
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
export const uploadImage = (questionId: number, file: File) =>
  upload(`/consult/questions/${questionId}/attachments`, file);

export type PickedFile = File;

/** The aid application's prefill from a referral the signed-in resident consented to. */
export async function getReferralPrefill(id: number): Promise<ReferralPrefill> {
  return (await api('GET', `/consult/referrals/${id}/prefill`, undefined, ReferralPrefillEnvelope))
    .prefill;
}

/** The referrals the signed-in lawyer made, with the aid application's status label. */
export const listReferrals = async () =>
  (await api('GET', '/consult/referrals', undefined, ReferralList)).items;

export const getConsultTargets = (year: number) =>
  api('GET', `/consult/admin/targets?year=${year}`, undefined, Targets);
export const putConsultTargets = (year: number, targets: { metric: string; target: number }[]) =>
  api('PUT', '/consult/admin/targets', { year, targets }, Targets);
export const getHalfYear = (year: number, half: string) =>
  api('GET', `/consult/report/half-year?year=${year}&half=${half}`, undefined, HalfYearReport);
