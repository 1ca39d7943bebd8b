/** @module Test helpers of the qa area: the real statutes the qa tests import, and SSE parsing. */
import type { AppContext } from '../core/context.js';
import { CIVIL_CODE_FILES } from './laws-fixture.js';
import { emptyIssueIndex } from '../qa/issues.js';
import { qaDeps, setQaDeps } from '../qa/service.js';

/** A handful of real laws: enough for labour, family, traffic and company questions and the legal-aid notice. */
export const QA_LAW_FILES = [
  '社会法/劳动合同法(2012-12-28).md',
  '诉讼与非诉讼程序法/劳动争议调解仲裁法(2007-12-29).md',
  '行政法/道路交通安全法(2021-04-29).md',
  '行政法/法律援助法(2021-08-20).md',
  '民法商法/公司法(2023-12-29).md',
  ...CIVIL_CODE_FILES,
];

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Parses a complete `text/event-stream` body into its events. */
export function parseSse(body: string): SseEvent[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
      return { event, data: JSON.parse(data) as unknown };
    });
}

/**
 * Answers of this context come from retrieval alone, as for a question no issue of the knowledge base
 * matches (the tests of that path and of the LLM's citation check use it).
 */
export function withoutKnowledgeBase(ctx: AppContext): void {
  setQaDeps(ctx, { ...qaDeps(ctx), issues: () => Promise.resolve(emptyIssueIndex()) });
}
