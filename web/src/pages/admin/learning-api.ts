/**
 * @module Typed calls of the Q&A learning loop (/api/v1/qa/learning, admins): the poorly answered
 * questions grouped, labels, the harvest of 法指针 answers. The group shape is the server's own type.
 */
import { api } from '../../api';
import type { LearningGroup } from '../../../../src/qa/learning';
import type { LabelInput } from '../../../../src/qa/schema';

export type { LearningGroup, LabelInput };

export const listGroups = async (days: number): Promise<LearningGroup[]> =>
  (await api<{ items: LearningGroup[] }>('GET', `/qa/learning/groups?days=${days}`)).items;

export const label = (input: LabelInput) =>
  api<{ examples: number }>('POST', '/qa/learning/labels', input);

export const harvest = () =>
  api<{ questions: number; examples: number }>('POST', '/qa/learning/harvest');

/** What a new knowledge-base issue starts from when made from a group (read once by the editor). */
export interface IssuePrefill {
  topic: string;
  phrasings: string[];
}
const PREFILL_KEY = 'open12348.kb-prefill';

export function savePrefill(p: IssuePrefill): void {
  sessionStorage.setItem(PREFILL_KEY, JSON.stringify(p));
}

export function takePrefill(): IssuePrefill | null {
  const raw = sessionStorage.getItem(PREFILL_KEY);
  sessionStorage.removeItem(PREFILL_KEY);
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as Partial<IssuePrefill>;
    return typeof p.topic === 'string' && Array.isArray(p.phrasings)
      ? { topic: p.topic, phrasings: p.phrasings.filter((x) => typeof x === 'string') }
      : null;
  } catch {
    return null;
  }
}
