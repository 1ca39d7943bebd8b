/** @module Calls of the directory, notary and appraisal APIs, each answer checked against src/contracts/directory.ts. */
import { api } from '../../api';
import {
  AppraisalCases,
  AppraisalSummary,
  Bookings,
  DirectoryMeta,
  Entries,
  EntryDetail,
  EntryList,
  ImportResult,
  Matters,
  OfficeDay,
  Slots,
} from '../../../../src/contracts/directory';

export type {
  AppraisalCase,
  Booking,
  Entry,
  Matter,
  Slot,
} from '../../../../src/contracts/directory';
export { base64Of as fileToBase64 } from '../../composables/use-upload';

export const searchEntries = (query: string) =>
  api('GET', `/directory/entries?${query}`, undefined, EntryList);
export const getEntry = (id: number) =>
  api('GET', `/directory/entries/${id}`, undefined, EntryDetail);
export const getDirectoryMeta = () => api('GET', '/directory/meta', undefined, DirectoryMeta);
export const importEntries = (format: string, content: string) =>
  api('POST', '/directory/import', { format, content }, ImportResult);
export const myInstitutions = async () =>
  (await api('GET', '/directory/my-institutions', undefined, Entries)).items;
export const activeNotaryOffices = async () =>
  (
    await api(
      'GET',
      '/directory/entries?kind=notary_office&status=active&pageSize=100',
      undefined,
      EntryList,
    )
  ).items;

export const listMatters = async () =>
  (await api('GET', '/notary/matters', undefined, Matters)).items;
export const listSlots = async (officeId: number, query: string) =>
  (await api('GET', `/notary/offices/${officeId}/slots${query}`, undefined, Slots)).items;
export const myBookings = async () =>
  (await api('GET', '/notary/bookings/mine', undefined, Bookings)).items;
export const officeDay = (officeId: number, date: string) =>
  api('GET', `/notary/offices/${officeId}/day?date=${date}`, undefined, OfficeDay);

export const listCases = (query: string) =>
  api('GET', `/appraisal/cases?${query}`, undefined, AppraisalCases);
export const appraisalSummary = async () =>
  (await api('GET', '/appraisal/summary', undefined, AppraisalSummary)).items;
