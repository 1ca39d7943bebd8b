/**
 * @module The search area's contract for learned examples: other areas (the Q&A's staff labels, the
 * harvest of 法指针 lawyers' answers) record and retire examples here, never through the table.
 */
import type { AppContext } from '../core/context.js';
import { conflict } from '../core/errors.js';
import { scrubNumbers } from '../core/pii.js';
import * as repo from './examples-repository.js';
import type { LearnedExample } from './examples.js';
import type { ExampleSource } from './tables.js';

export type { ExampleInput } from './examples-repository.js';
export type { ExampleArticle, LearnedExample } from './examples.js';

/** Emitted after examples change, so this process' engine lays them again at its next search. */
export const EXAMPLES_CHANGED = 'search:examples';

/** Records (or replaces) the example of one source record; numbers that identify people are taken out. */
export async function recordExample(ctx: AppContext, e: repo.ExampleInput): Promise<number> {
  const id = await repo.upsertExample(
    ctx.db,
    { ...e, question: scrubNumbers(e.question) },
    ctx.now().toISOString(),
  );
  ctx.bus.emit(EXAMPLES_CHANGED);
  return id;
}

/** Takes an example out of what the engine learns from. @throws 409 when it is already retired. */
export async function retireExample(ctx: AppContext, id: number): Promise<void> {
  if (!(await repo.retireExample(ctx.db, id, ctx.now().toISOString())))
    throw conflict('example_retired', '该学习样例不存在或已停用');
  ctx.bus.emit(EXAMPLES_CHANGED);
}

export const activeExamples = (ctx: AppContext): Promise<LearnedExample[]> =>
  repo.activeExamples(ctx.db);
export const examplesOf = (ctx: AppContext, source: ExampleSource, refs?: readonly string[]) =>
  repo.examplesOf(ctx.db, source, refs);
export const examplesRevision = (ctx: AppContext): Promise<string> => repo.examplesRevision(ctx.db);
export const listExamples = (ctx: AppContext, limit: number, offset: number) =>
  repo.listExamples(ctx.db, limit, offset);
