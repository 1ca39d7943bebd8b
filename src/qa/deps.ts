/** @module What answering needs, built once per context: the search engine, the corpus lookup, the issue index. */
import type { AppContext } from '../core/context.js';
import { provide, service, serviceKey } from '../core/services.js';
import type { SearchEngine } from '../search/types.js';
import { corpusLookup, type CorpusLookup } from './corpus.js';
import { issueIndexLoader, type IssueIndex } from './issues.js';

export interface QaDeps {
  engine(): Promise<SearchEngine>;
  lookup: CorpusLookup;
  /** The published knowledge base with its matcher (rebuilt when what is published changes). */
  issues(): Promise<IssueIndex>;
}

const qaDepsKey = serviceKey<QaDeps>('qa.deps', (ctx) => {
  let engine: SearchEngine | null = null;
  const lookup = corpusLookup(ctx, () => engine?.indexed() ?? null);
  return {
    engine: async () => (engine = await (await import('../search/engine.js')).getSearchEngine(ctx)),
    lookup,
    issues: issueIndexLoader(ctx, lookup),
  };
});

/** The search engine, corpus lookup and issue index of this context (built once per context). */
export const qaDeps = (ctx: AppContext): QaDeps => service(ctx, qaDepsKey);

/** Replaces this context's dependencies (a server wiring another engine; tests of failure paths). */
export function setQaDeps(ctx: AppContext, deps: Omit<QaDeps, 'issues'> & Partial<QaDeps>): void {
  provide(ctx, qaDepsKey, { issues: issueIndexLoader(ctx, deps.lookup), ...deps });
}
