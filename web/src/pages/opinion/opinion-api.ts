/** @module Calls of the opinion API used by the opinion pages, each answer checked against src/contracts/opinion.ts. */
import { api } from '../../api';
import {
  LetterEnvelope,
  LetterIssued,
  Scenarios,
  SessionEnvelope,
  VerifyView,
} from '../../../../src/contracts/opinion';

export type {
  CalcLine,
  LetterView,
  QuestionView,
  ScenarioItem,
  SessionView,
  VerifyView,
} from '../../../../src/contracts/opinion';

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

export const listScenarios = () => api('GET', '/opinion/scenarios', undefined, Scenarios);
export const startSession = (scenarioId: string) =>
  api('POST', '/opinion/sessions', { scenarioId }, SessionEnvelope);
export const getSession = (id: number) =>
  api('GET', `/opinion/sessions/${id}`, undefined, SessionEnvelope);
export const answerQuestion = (id: number, questionId: string, value: string | number | boolean) =>
  api('POST', `/opinion/sessions/${id}/answers`, { questionId, value }, SessionEnvelope);
export const moveSession = (id: number, direction: 'back' | 'forward') =>
  api('POST', `/opinion/sessions/${id}/move`, { direction }, SessionEnvelope);
export const issueLetter = (id: number) =>
  api('POST', `/opinion/sessions/${id}/letter`, undefined, LetterIssued);
export const getLetter = (id: number, locale: string) =>
  api('GET', `/opinion/letters/${id}?locale=${locale}`, undefined, LetterEnvelope);
export const verifyLetter = (code: string) =>
  api('GET', `/opinion/verify/${encodeURIComponent(code)}`, undefined, VerifyView);

export const yuan = (x: number) =>
  `${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
