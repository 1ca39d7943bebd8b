/** @module Types and calls of the opinion API used by the opinion pages. */
import { api } from '../../api';

export interface ScenarioItem {
  id: string;
  title: string;
  category: string;
  summary: string;
  questionCount: number;
  available: boolean;
}

export interface QuestionView {
  id: string;
  text: string;
  help?: string;
  type: 'number' | 'money' | 'date' | 'choice' | 'yesno' | 'text';
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
  options?: { value: string; label: string }[];
  maxLength?: number;
}

export interface SessionView {
  id: number;
  scenario: ScenarioItem;
  complete: boolean;
  question: QuestionView | null;
  answer: string | number | boolean | null;
  position: number;
  total: number;
  canBack: boolean;
  summary: { id: string; text: string; answer: string }[];
  letters: { id: number; code: string }[];
}

export interface CalcLine {
  label: string;
  amount: number;
  formula: string;
}

export interface LetterView {
  id: number;
  sha256: string;
  code: string;
  scenario: { id: string; title: string };
  date: string;
  facts: { question: string; answer: string }[];
  issues: string[];
  articles: { title: string; label: string; text: string; why: string }[];
  analysis: string[];
  calculations: {
    title: string;
    lines: CalcLine[];
    total: number;
    notes: string[];
    basis: string[];
  }[];
  figures: {
    key: string;
    label: string;
    value: number;
    unit: string;
    region: string;
    effectiveDate: string;
    source: string;
    example: boolean;
  }[];
  steps: { text: string; deadline?: { date: string; label: string } }[];
  options: { label: string; path: string; text: string }[];
  disclaimer: string;
  verifyUrl: string;
}

export interface VerifyView {
  genuine: boolean;
  code?: string;
  issuedAt?: string;
  scenario?: string;
  sha256?: string;
  unchanged?: boolean;
}

/** The interview this browser started for a scenario, remembered so it can be resumed. */
const key = (scenario: string) => `open12348.opinion.${scenario}`;
export const rememberedSession = (scenario: string): number | null => {
  const v = localStorage.getItem(key(scenario));
  return v ? Number(v) : null;
};
export const rememberSession = (scenario: string, id: number | null): void => {
  if (id === null) localStorage.removeItem(key(scenario));
  else localStorage.setItem(key(scenario), String(id));
};

export const listScenarios = () => api<{ items: ScenarioItem[] }>('GET', '/opinion/scenarios');
export const startSession = (scenarioId: string) =>
  api<{ session: SessionView }>('POST', '/opinion/sessions', { scenarioId });
export const getSession = (id: number) =>
  api<{ session: SessionView }>('GET', `/opinion/sessions/${id}`);
export const answerQuestion = (id: number, questionId: string, value: string | number | boolean) =>
  api<{ session: SessionView }>('POST', `/opinion/sessions/${id}/answers`, { questionId, value });
export const moveSession = (id: number, direction: 'back' | 'forward') =>
  api<{ session: SessionView }>('POST', `/opinion/sessions/${id}/move`, { direction });
export const issueLetter = (id: number) =>
  api<{ letter: { id: number; code: string } }>('POST', `/opinion/sessions/${id}/letter`);
export const getLetter = (id: number, locale: string) =>
  api<{ letter: LetterView }>('GET', `/opinion/letters/${id}?locale=${locale}`);
export const verifyLetter = (code: string) =>
  api<VerifyView>('GET', `/opinion/verify/${encodeURIComponent(code)}`);

export const yuan = (x: number) =>
  `${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
