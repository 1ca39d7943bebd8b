/**
 * @module The knowledge base as answers use it: the published issues with a matcher built over their
 * phrasings (rebuilt when the published revision changes), and the decision which issue a question is
 * about — the matcher's score, lifted when retrieval independently ranks the issue's key articles high.
 */
import type { AppContext } from '../core/context.js';
import { IssueMatcher, type IssueMatch } from '../kb/matcher.js';
import type { IssueContent } from '../kb/schema.js';
import { kbRevision, publishedSnapshot } from '../kb/service.js';
import type { SearchHit } from '../search/types.js';
import type { CorpusLookup } from './corpus.js';

export interface IssueIndex {
  revision: string;
  matcher: IssueMatcher;
  byId: ReadonlyMap<string, IssueContent>;
  /** The issue's key articles as `law_key#num#sub`, in the entry's order. */
  keys: ReadonlyMap<string, string[]>;
}

export interface IssueDecision {
  /** The issue the answer is built on, or null when none matches with confidence. */
  issue: IssueContent | null;
  score: number;
  /** The best candidates (for the unanswered log and the fallback's "相关问题"). */
  candidates: IssueMatch[];
}

/** Learned on the training four-fifths of the everyday set (qa:eval prints the figures). */
export const MATCH_THRESHOLD = 0.42;
/** How much retrieval's independent evidence for an issue's articles adds to its score. */
export const EVIDENCE_WEIGHT = 0.25;
/** How long a process trusts its issue index before asking whether the published revision changed. */
const REVISION_CHECK_MS = 2000;

export const articleKey = (law: string, num: number, sub = 0) => `${law}#${num}#${sub}`;

async function buildIndex(ctx: AppContext, lookup: CorpusLookup): Promise<IssueIndex> {
  const snap = await publishedSnapshot(ctx, lookup);
  const keys = new Map<string, string[]>();
  for (const i of snap.issues) {
    const list: string[] = [];
    for (const a of i.articles) {
      const law = await lookup.resolveLaw(a.law);
      if (law) list.push(articleKey(law, a.article, a.sub ?? 0));
    }
    keys.set(i.id, list);
  }
  return {
    revision: snap.revision,
    matcher: new IssueMatcher(snap.issues),
    byId: new Map(snap.issues.map((i) => [i.id, i])),
    keys,
  };
}

/** An index with no issues (retrieval alone). */
export function emptyIssueIndex(): IssueIndex {
  return { revision: '', matcher: new IssueMatcher([]), byId: new Map(), keys: new Map() };
}

/** The issue index of a context, rebuilt when what is published changed (in any process). */
export function issueIndexLoader(
  ctx: AppContext,
  lookup: CorpusLookup,
): () => Promise<IssueIndex> {
  let current: Promise<IssueIndex> | null = null;
  let revision = '';
  let checkedAt = 0;
  return async () => {
    const now = Date.now();
    if (current && now - checkedAt < REVISION_CHECK_MS) return current;
    checkedAt = now;
    const r = await kbRevision(ctx);
    if (!current || r !== revision) {
      revision = r;
      current = buildIndex(ctx, lookup);
      current.catch(() => {
        current = null; // a failed build is retried on the next question
      });
    }
    return current;
  };
}

/** Retrieval's vote for an issue: its key articles' reciprocal ranks among the hits. */
function evidence(keys: readonly string[], hits: readonly SearchHit[]): number {
  let e = 0;
  hits.forEach((h, rank) => {
    if (keys.includes(articleKey(h.law, h.article, h.articleSub))) e += 1 / (1 + rank);
  });
  return Math.min(1, e);
}

/** Which issue `query` is about, given retrieval's hits for it. */
export function decideIssue(
  index: IssueIndex,
  query: string,
  hits: readonly SearchHit[],
): IssueDecision {
  const candidates = index.matcher
    .match(query, 8)
    .map((m) => ({
      issue: m.issue,
      score: m.score + EVIDENCE_WEIGHT * evidence(index.keys.get(m.issue.id) ?? [], hits),
    }))
    .sort((a, b) => b.score - a.score);
  const top = candidates[0];
  const issue = top && top.score >= MATCH_THRESHOLD ? top.issue : null;
  return { issue, score: top?.score ?? 0, candidates };
}
