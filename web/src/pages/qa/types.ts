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
}

export interface Link {
  label: string;
  url: string;
}

export interface Answer {
  id: number;
  found: boolean;
  conclusion: string;
  citations: Citation[];
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
