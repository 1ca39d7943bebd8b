/**
 * @module The knowledge base as answers use it: the published issues with a matcher built over their
 * phrasings (rebuilt when the published revision changes), and the decision which issue a question is
 * about. (Lifting an issue whose key articles retrieval also ranks high was tried: it lowered the share
 * of right first matches on the everyday training split, 0.70 → 0.68 at the smallest weight.)
 */
import type { AppContext } from '../core/context.js';
import { IssueMatcher, type IssueMatch } from '../kb/matcher.js';
import type { IssueContent } from '../kb/schema.js';
import { kbRevision, publishedSnapshot } from '../kb/service.js';
import type { Topic } from '../search/types.js';
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
  /** The best candidate's confidence. */
  score: number;
  /** The best candidates (for the unanswered log and the fallback's "相关问题"). */
  candidates: IssueMatch[];
}

/**
 * The share of a question's term weight the best issue must explain for the answer to be built on it
 * (below it the answer comes from retrieval and says it is less certain). Chosen on the training
 * four-fifths of the everyday set; qa:eval prints the figures.
 */
export const MIN_CONFIDENCE = 0.2;
/** The same when the topic classifier agrees with the issue's topic. */
export const MIN_CONFIDENCE_IN_TOPIC = 0.1;
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
export function issueIndexLoader(ctx: AppContext, lookup: CorpusLookup): () => Promise<IssueIndex> {
  let current: Promise<IssueIndex> | null = null;
  let revision = '';
  let checkedAt = 0;
  return async () => {
    const now = ctx.now().getTime();
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

/**
 * Which issue `query` is about: the matcher's best when it explains enough of the question, or somewhat
 * less when the topic classifier independently puts the question in the issue's topic.
 */
export function decideIssue(
  index: IssueIndex,
  query: string,
  topic: { topic: Topic; confidence: number },
): IssueDecision {
  const candidates = index.matcher.match(query, 5);
  const top = candidates[0];
  const agrees = top !== undefined && topic.confidence > 0 && topic.topic === top.issue.topic;
  const floor = agrees ? MIN_CONFIDENCE_IN_TOPIC : MIN_CONFIDENCE;
  const issue = top && top.confidence >= floor ? top.issue : null;
  return { issue, score: top?.confidence ?? 0, candidates };
}
