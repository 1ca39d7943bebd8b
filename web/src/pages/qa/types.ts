/** @module Shapes of the 智能问答 API as documented in docs/qa.md (fields may be added, none renamed). */

export interface Citation {
  law: string;
  lawTitle: string;
  article: number;
  articleSub?: number;
  articleLabel: string;
  version: string | null;
  status: 'in_force' | 'superseded' | 'repealed' | string;
  statusNote?: string | null;
  text: string;
  url: string;
  paragraphs?: number[];
  excerpt?: string;
  note?: string;
}

export interface Link {
  label: string;
  url: string;
}

export interface Clarify {
  question: string;
  options: { label: string; issue: string }[];
}

export interface Answer {
  id: number;
  found: boolean;
  /** issue: from a reviewed common question; retrieval: from the statutes alone (less certain). */
  certainty?: 'issue' | 'retrieval' | 'none';
  issue?: { id: string; title: string };
  conclusion: string;
  uncertainNote?: string;
  citations: Citation[];
  related?: Citation[];
  tool?: Link;
  clarify?: Clarify;
  lawyer?: string;
  nextSteps: { text: string; basis: Link | null }[];
  legalAid?: {
    grounds: string[];
    hardshipRequired: boolean;
    text: string;
    conditions: string[];
    basis: Link[];
    url: string;
  } | null;
  handoff?: Link | null;
  disclaimer: string;
  topic: string;
  mode: string;
  /** Citations (or quotations) the check cut from an AI answer, with why. */
  removedCitations?: { text: string; reason: string }[];
}

export interface AskResponse {
  conversationId: string;
  turn: number;
  question: string;
  answer: Answer;
}

export interface TranscriptTurn {
  turn: number;
  question: string;
  answer: Answer;
  feedback: { helpful: boolean; comment: string | null } | null;
}
