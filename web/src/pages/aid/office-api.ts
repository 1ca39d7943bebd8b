/** @module Calls of the aid office sub-areas (figures, 通知辩护, complaints, subsidies), each answer checked by src/contracts/aid-office.ts. */
import { api } from '../../api';
import {
  AidComplaintSaved,
  AidComplaints,
  AidDefenceNoticeSaved,
  AidDefenceNotices,
  AidDutyShifts,
  AidFigures,
  AidRecipientGroups,
  AidSubsidies,
  AidSubsidySaved,
  AidSubsidyStandards,
} from '../../../../src/contracts/aid-office';

export type { z } from 'zod';

export const getFigures = (q: string) => api('GET', `/aid/figures?${q}`, undefined, AidFigures);

export const listNotices = async (q = '') =>
  (await api('GET', `/aid/defence/notices${q}`, undefined, AidDefenceNotices)).items;
export const registerNotice = (body: Record<string, unknown>) =>
  api('POST', '/aid/defence/notices', body, AidDefenceNoticeSaved);
export const noticeEvent = (id: number, body: Record<string, unknown>) =>
  api('POST', `/aid/defence/notices/${id}/events`, body, AidDefenceNoticeSaved);
export const listShifts = async (from: string, to: string) =>
  (await api('GET', `/aid/defence/shifts?from=${from}&to=${to}`, undefined, AidDutyShifts)).items;
export const addShift = (body: Record<string, unknown>) => api('POST', '/aid/defence/shifts', body);
export const addConsultation = (id: number, body: Record<string, unknown>) =>
  api('POST', `/aid/defence/shifts/${id}/consultations`, body);

export const listComplaints = async () =>
  (await api('GET', '/aid/complaints', undefined, AidComplaints)).items;
export const fileComplaint = (body: Record<string, unknown>) =>
  api('POST', '/aid/complaints', body, AidComplaintSaved);
export const complaintEvent = (id: number, body: Record<string, unknown>) =>
  api('POST', `/aid/complaints/${id}/events`, body, AidComplaintSaved);

export const listStandards = async () =>
  (await api('GET', '/aid/subsidy-standards', undefined, AidSubsidyStandards)).items;
export const setStandard = (body: Record<string, unknown>) =>
  api('PUT', '/aid/subsidy-standards', body);
export const listSubsidies = async () =>
  (await api('GET', '/aid/subsidies', undefined, AidSubsidies)).items;
export const computeSubsidy = (applicationId: number) =>
  api('POST', '/aid/subsidies', { applicationId }, AidSubsidySaved);
export const subsidyEvent = (id: number, body: Record<string, unknown>) =>
  api('POST', `/aid/subsidies/${id}/events`, body, AidSubsidySaved);

export const setRecipientGroups = (id: number, groups: string[]) =>
  api('PUT', `/aid/applications/${id}/recipient-groups`, { groups }, AidRecipientGroups);
