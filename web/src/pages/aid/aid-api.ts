/** @module Calls of the legal-aid API used by the aid pages, each answer checked against src/contracts/aid.ts. */
import type { z } from 'zod';
import { api, upload } from '../../api';
import { loadSession, me, sessionLoaded, type Me } from '../../session';
import {
  AidApplication,
  AidCreated,
  AidFired,
  AidForms,
  AidLawyers,
  AidList,
  AidMeta,
  AidNotifications,
  AidRoster,
  AidStatistics,
  PrecheckStep,
} from '../../../../src/contracts/aid';

export type {
  AidListItem as ListItem,
  AidMeta as Meta,
  Deadlines,
  PrecheckQuestion,
  PrecheckResult,
} from '../../../../src/contracts/aid';
export type Detail = z.infer<typeof AidApplication>['application'];

/** Uploads one file to an application (kind: case, or supplement while 补正 is asked for). */
export const uploadFile = (id: number, file: File, kind: string) =>
  upload(`/aid/applications/${id}/attachments?kind=${kind}`, file);

export const fireEvent = (id: number, body: Record<string, unknown>) =>
  api('POST', `/aid/applications/${id}/events`, body, AidFired);

export const getApplication = async (id: number | string) =>
  (await api('GET', `/aid/applications/${id}`, undefined, AidApplication)).application;
export const listCases = async (url: string) => (await api('GET', url, undefined, AidList)).items;
export const getForms = async (id: number) =>
  (await api('GET', `/aid/applications/${id}/forms`, undefined, AidForms)).forms;
export const getMeta = () => api('GET', '/aid/meta', undefined, AidMeta);
export const getRoster = async () => (await api('GET', '/aid/roster', undefined, AidRoster)).items;
export const getLawyers = async (agencyId: number) =>
  (await api('GET', `/aid/lawyers?agencyId=${agencyId}`, undefined, AidLawyers)).items;
export const getNotifications = async () =>
  (await api('GET', '/aid/notifications', undefined, AidNotifications)).items;
export const getStatistics = (from: string, to: string) =>
  api('GET', `/aid/office/statistics?from=${from}&to=${to}`, undefined, AidStatistics);
export const precheck = (answers: Record<string, string | number>) =>
  api('POST', '/aid/precheck', { answers }, PrecheckStep);
export const apply = (body: Record<string, unknown>) =>
  api('POST', '/aid/applications', body, AidCreated);

export const localDay = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export { filesOf } from '../../composables/use-upload';

/** A query string from the non-empty fields. */
export const queryOf = (o: Record<string, string>): string =>
  new URLSearchParams(Object.entries(o).filter(([, v]) => v)).toString();

/** The signed-in user once the session has been asked for (pages opened directly load before App's check returns). */
export async function ensureSession(): Promise<Me | null> {
  if (!sessionLoaded.value) await loadSession().catch(() => undefined);
  return me.value;
}
