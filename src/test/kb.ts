/** @module Test helpers of the kb area: import exactly the statutes the shipped knowledge base cites. */
import type { AppContext } from '../core/context.js';
import { normalizeLawName } from '../laws/names.js';
import { buildUnits, listCorpusFiles } from '../laws/units.js';
import { importLawFixture, sharedLawsDir } from './laws-fixture.js';
import { corpusLookup } from '../qa/corpus.js';
import { shippedIssues } from '../kb/files.js';
import { publishedSnapshot } from '../kb/service.js';
import type { IssueContent } from '../kb/schema.js';

/** Corpus files (every version) of the laws `issues` cite, their steps included. */
export function lawFilesFor(issues: readonly IssueContent[]): string[] {
  const wanted = new Set(
    issues.flatMap((i) => [
      ...i.articles.map((a) => normalizeLawName(a.law)),
      ...i.steps.flatMap((s) => (s.basis ? [normalizeLawName(s.basis.law)] : [])),
    ]),
  );
  wanted.add('法律援助法'); // the legal-aid notice links to it
  const dir = sharedLawsDir();
  const { units } = buildUnits(dir, listCorpusFiles(dir), null);
  return units.filter((u) => wanted.has(u.lawKey)).flatMap((u) => u.files.map((f) => f.rel));
}

/** Imports the statutes the whole shipped knowledge base cites, and loads the knowledge base. */
export async function importKbLaws(ctx: AppContext): Promise<void> {
  await importLawFixture(ctx, lawFilesFor(shippedIssues()));
  await publishedSnapshot(ctx, corpusLookup(ctx));
}
