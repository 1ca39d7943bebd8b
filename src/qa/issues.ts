/**
 * @module The knowledge base as answers use it: the published issues with a matcher built over their
 * phrasings and the questions staff labelled with them (rebuilt when either changes), and the
 * decision which issue a question is about. (Lifting an issue whose key articles retrieval also ranks high was tried: it lowered the share
 * of right first matches on the everyday training split, 0.70 → 0.68 at the smallest weight.)
 */
import type { AppContext } from '../core/context.js';
import { IssueMatcher, type IssueMatch } from '../kb/matcher.js';
import type { IssueContent } from '../kb/schema.js';
import { kbRevision, publishedSnapshot } from '../kb/service.js';
import {
  activeExamples,
  EXAMPLES_CHANGED,
  examplesRevision,
  type LearnedExample,
} from '../search/learning.js';
import type { Topic } from '../search/types.js';
import type { CorpusLookup } from './corpus.js';
import { jaccard, questionBigrams } from './grouping.js';

export interface IssueIndex {
  revision: string;
  matcher: IssueMatcher;
  /** Questions staff labelled with an issue (their bigrams), answered the way they were labelled. */
  labelled: { bigrams: Set<string>; issueId: string }[];
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

/**
 * The published issues with the questions staff labelled with them added to their phrasings (a
 * labelled question is matched to its issue from then on).
 */
export function withLabelledQuestions(
  issues: readonly IssueContent[],
  examples: readonly Pick<LearnedExample, 'issueId' | 'question'>[],
): IssueContent[] {
  const extra = new Map<string, string[]>();
  for (const e of examples) {
    if (!e.issueId) continue;
    const list = extra.get(e.issueId) ?? [];
    list.push(e.question);
    extra.set(e.issueId, list);
  }
  return issues.map((i) => {
    const more = extra.get(i.id);
    return more ? { ...i, phrasings: [...i.phrasings, ...more] } : i;
  });
}

async function buildIndex(ctx: AppContext, lookup: CorpusLookup): Promise<IssueIndex> {
  const snap = await publishedSnapshot(ctx, lookup);
  const examples = await activeExamples(ctx);
  const issues = withLabelledQuestions(snap.issues, examples);
  const byId = new Map(issues.map((i) => [i.id, i]));
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
    matcher: new IssueMatcher(issues),
    labelled: examples
      .filter((e) => e.issueId !== null && byId.has(e.issueId))
      .map((e) => ({ bigrams: questionBigrams(e.question), issueId: e.issueId! })),
    byId,
    keys,
  };
}

/** An index with no issues (retrieval alone). */
export function emptyIssueIndex(): IssueIndex {
  return {
    revision: '',
    matcher: new IssueMatcher([]),
    labelled: [],
    byId: new Map(),
    keys: new Map(),
  };
}

/** The issue index of a context, rebuilt when what is published changed (in any process). */
export function issueIndexLoader(ctx: AppContext, lookup: CorpusLookup): () => Promise<IssueIndex> {
  let current: Promise<IssueIndex> | null = null;
  let revision = '';
  let checkedAt = 0;
  ctx.bus.on(EXAMPLES_CHANGED, () => (checkedAt = 0));
  return async () => {
    const now = ctx.now().getTime();
    if (current && now - checkedAt < REVISION_CHECK_MS) return current;
    checkedAt = now;
    const r = `${await kbRevision(ctx)}|${await examplesRevision(ctx)}`;
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
 * Share of bigrams a question must share with one staff labelled for the label to decide its issue
 * (a rewording of the same question; the grouping of the review page uses a looser 0.25).
 */
export const LABELLED_MATCH = 0.6;

/** The issue of the labelled question most like `query`, when one is like enough. */
function labelledIssue(index: IssueIndex, query: string) {
  if (index.labelled.length === 0) return null;
  const q = questionBigrams(query);
  let best: { issueId: string; similarity: number } | null = null;
  for (const l of index.labelled) {
    const similarity = jaccard(q, l.bigrams);
    if (similarity >= LABELLED_MATCH && similarity > (best?.similarity ?? 0))
      best = { issueId: l.issueId, similarity };
  }
  const issue = best ? index.byId.get(best.issueId) : undefined;
  return best && issue ? { issue, similarity: best.similarity } : null;
}

/**
 * Which issue `query` is about: the issue of a staff labelled question it rewords; else the
 * matcher's best when it explains enough of the question, or somewhat less when the topic classifier
 * independently puts the question in the issue's topic.
 */
export function decideIssue(
  index: IssueIndex,
  query: string,
  topic: { topic: Topic; confidence: number },
): IssueDecision {
  const candidates = index.matcher.match(query, 5);
  const labelled = labelledIssue(index, query);
  if (labelled) return { issue: labelled.issue, score: labelled.similarity, candidates };
  const top = candidates[0];
  const agrees = top !== undefined && topic.confidence > 0 && topic.topic === top.issue.topic;
  const floor = agrees ? MIN_CONFIDENCE_IN_TOPIC : MIN_CONFIDENCE;
  const issue = top && top.confidence >= floor ? top.issue : null;
  return { issue, score: top?.confidence ?? 0, candidates };
}
