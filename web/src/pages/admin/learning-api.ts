/**
 * @module Typed calls of the Q&A learning loop (/api/v1/qa/learning, admins): the poorly answered
 * questions grouped, labels, the harvest of 法指针 answers. Shapes from src/contracts/qa.ts.
 */
import { api } from '../../api';
import {
  Harvested,
  Labelled,
  LearningGroups,
  type LearningGroup,
} from '../../../../src/contracts/qa';
import type { LabelInput } from '../../../../src/qa/schema';

export type { LearningGroup, LabelInput };

export const listGroups = async (days: number): Promise<LearningGroup[]> =>
  (await api('GET', `/qa/learning/groups?days=${days}`, undefined, LearningGroups)).items;

export const label = (input: LabelInput) => api('POST', '/qa/learning/labels', input, Labelled);

export const harvest = () => api('POST', '/qa/learning/harvest', undefined, Harvested);

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
