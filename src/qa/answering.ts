/**
 * @module Answering one question without storing it: plan the turn against the conversation, search,
 * decide the knowledge-base issue, and compose the embedded answer (on the issue, or from retrieval
 * alone when none matches with confidence). `ask()` stores what this returns; `qa:eval` measures it.
 */
import { AppError } from '../core/errors.js';
import type { IssueContent } from '../kb/schema.js';
import type { SearchEngine, SearchHit, Topic } from '../search/types.js';
import type { Answer } from './answer.js';
import { composeEmbedded } from './compose.js';
import { planTurn, type PreviousTurn, type TurnPlan } from './conversation.js';
import { composeFromIssue } from './issue-answer.js';
import { articleKey, decideIssue } from './issues.js';
import type { QaDeps } from './deps.js';

/** Retrieval depth: the fallback cites the best three, issue matching weighs all of them. */
const SEARCH_K = 10;

async function searchEngine(deps: QaDeps): Promise<SearchEngine> {
  try {
    return await deps.engine();
  } catch {
    throw AppError.of('search_unavailable', '法规检索暂不可用（法规库可能尚未导入），请稍后再试');
  }
}

/** Runner-up issues whose articles the ranking includes, and how many articles of each. */
const ALTERNATE_ISSUES = 2;
const ALTERNATE_ARTICLES = 2;
/** Retrieval hits ranked before the runner-up issues' articles. */
const LEAD_HITS = 2;
/**
 * The confidence from which an issue's articles rank first. Below it the answer is still built on the
 * issue, but retrieval's best two lead the ranking: on the STARD training part (questions the
 * knowledge base was not written for; the matcher never saw them) the best issue's first three
 * articles held a gold article for at most 36 % of matches under 0.5, and for 69–78 % above.
 */
const RANK_FIRST = 0.5;

export interface Retrieved {
  plan: TurnPlan;
  topic: Topic;
  confidence: number;
  hits: SearchHit[];
  issue: IssueContent | null;
  /** The matcher's confidence in `issue` (1 for a tapped clarifying option). */
  issueConfidence: number;
  /** Key articles (`law#num#sub`) of the runner-up issues, for the ranking after the answer's own. */
  alternates: string[];
}

/** Plans the turn, searches, and decides which issue (if any) the answer is built on. */
async function retrieve(
  deps: QaDeps,
  question: string,
  prev: PreviousTurn | undefined,
  choice: string | undefined,
): Promise<Retrieved> {
  const engine = await searchEngine(deps);
  const index = await deps.issues();
  const plan = planTurn(question, prev, index, (q) => engine.classify(q), choice);
  const hits = await engine.search(plan.query, { k: SEARCH_K });
  const cls = engine.classify(plan.query);
  const decision = decideIssue(index, plan.query, cls);
  // A question that names an article (劳动合同法第47条) is answered with that article.
  const named = hits[0]?.direct === true;
  const issue = plan.issue ?? (named ? null : decision.issue);
  const alternates = decision.candidates
    .filter((c) => c.issue.id !== issue?.id)
    .slice(0, ALTERNATE_ISSUES)
    .flatMap((c) => (index.keys.get(c.issue.id) ?? []).slice(0, ALTERNATE_ARTICLES));
  const kept = plan.followUp && prev && cls.confidence < 0.5;
  const topic = issue?.topic ?? (kept ? prev.topic : cls.topic);
  const confidence = issue || kept ? 1 : cls.confidence;
  const issueConfidence = plan.issue ? 1 : issue ? decision.score : 0;
  return { plan, topic, confidence, hits, issue, issueConfidence, alternates };
}

export interface AnswerInput {
  question: string;
  previous?: PreviousTurn | undefined;
  choice?: string | undefined;
  conversationId: string;
}

export interface Answered extends Retrieved {
  answer: Answer;
}

/** The embedded answer to `input.question` (simplified already), and how it was found. */
export async function answerQuestion(
  deps: QaDeps,
  input: AnswerInput,
  now: Date,
): Promise<Answered> {
  const r = await retrieve(deps, input.question, input.previous, input.choice);
  const answer = r.issue
    ? await composeFromIssue(
        {
          issue: r.issue,
          question: r.plan.query,
          conversationId: input.conversationId,
          hits: r.hits,
          clarified: r.plan.clarified,
          now,
        },
        deps.lookup,
      )
    : await composeEmbedded(
        {
          question: r.plan.query,
          topic: r.topic,
          topicConfidence: r.confidence,
          hits: r.hits,
          conversationId: input.conversationId,
        },
        deps.lookup,
      );
  return { ...r, answer };
}

/**
 * The articles in the order the answer ranks them: its citations (after retrieval's best two when the
 * issue match is not sure), retrieval's best two, the runner-up issues' key articles, the other hits.
 */
export function rankedArticles(a: Answered): string[] {
  const out: string[] = [];
  const add = (k: string) => {
    if (!out.includes(k)) out.push(k);
  };
  const hits = a.hits.map((h) => articleKey(h.law, h.article, h.articleSub));
  // A match the matcher is not sure of yields to retrieval's best two (see RANK_FIRST).
  if (a.issue && a.issueConfidence < RANK_FIRST) for (const k of hits.slice(0, LEAD_HITS)) add(k);
  for (const c of a.answer.citations) add(articleKey(c.law, c.article, c.articleSub));
  for (const k of hits.slice(0, LEAD_HITS)) add(k);
  for (const k of a.alternates) add(k);
  for (const k of hits) add(k);
  return out;
}
