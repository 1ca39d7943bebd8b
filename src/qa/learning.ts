/**
 * @module The Q&A's learning loop: the questions it answered poorly, grouped and ranked by how often
 * they are asked; staff labels on them (an issue of the knowledge base, or the articles that answer
 * them); and the harvest of 法指针 lawyers' answers with the articles they cited. Labels and answers
 * become learned examples of the search area: the retriever and the issue matcher learn from them at
 * their next refresh, and `npm run search:train` fits its weights with them.
 */
import type { SessionUser } from '../core/session.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import type { CodeWithStatus } from '../core/error-codes.js';
import { scrubNumbers } from '../core/pii.js';
import { CONSULT_EVENT, lawyerAnswers, type ConsultEvent } from '../consult/index.js';
import {
  activeExamples,
  examplesOf,
  recordExample,
  type ExampleArticle,
  type LearnedExample,
} from '../search/learning.js';
import { findCitations } from './citations.js';
import type { CorpusLookup } from './corpus.js';
import { groupQuestions } from './grouping.js';
import { articleKey } from './issues.js';
import { toSimplified } from './locale.js';
import { maskText } from './presenter.js';
import { unsureTurns, turnQuestions, type UnsureTurn } from './learning-repository.js';
import type { LabelInput } from './schema.js';
import { qaDeps } from './service.js';

/** At most this many recent unsure turns are grouped (a page of review, not the whole history). */
const GROUP_WINDOW = 2000;
const SAMPLE = 8;

export interface LearningGroup {
  /** The most recent question of the group (personal numbers masked). */
  question: string;
  count: number;
  topic: string;
  lastAskedAt: string;
  /** Turns of the group (for labelling them all at once). */
  turnIds: number[];
  /** Up to eight of its questions, masked. */
  samples: string[];
  /** How many of its turns are unanswered / said not to help / already labelled. */
  unanswered: number;
  unhelpful: number;
  labelled: number;
  /** The issue the matcher thinks closest (a hint for the label, not a decision). */
  suggestion: { id: string; title: string; confidence: number } | null;
}

const labelRef = (turnId: number) => `qa_turn:${turnId}`;

/** Poorly answered questions of the last `days`, grouped, most asked first. */
export async function learningGroups(ctx: AppContext, days: number): Promise<LearningGroup[]> {
  const since = new Date(ctx.now().getTime() - days * 86_400_000).toISOString();
  const turns = await unsureTurns(ctx.db, since, GROUP_WINDOW);
  const labelled = new Set(
    (await activeExamples(ctx)).filter((e) => e.source === 'staff_label').map((e) => e.sourceRef),
  );
  const index = await qaDeps(ctx).issues();
  return groupQuestions<UnsureTurn>(turns, (t) => t.question).map(({ lead, members }) => {
    const best = index.matcher.match(toSimplified(lead.question), 1)[0];
    return {
      question: maskText(lead.question),
      count: members.length,
      topic: lead.topic,
      lastAskedAt: lead.created_at,
      turnIds: members.map((m) => m.id),
      samples: [...new Set(members.map((m) => maskText(m.question)))].slice(0, SAMPLE),
      unanswered: members.filter((m) => m.found === 0).length,
      unhelpful: members.filter((m) => m.unhelpful === 1).length,
      labelled: members.filter((m) => labelled.has(labelRef(m.id))).length,
      suggestion: best
        ? { id: best.issue.id, title: best.issue.title, confidence: best.confidence }
        : null,
    };
  });
}

const unprocessable = (code: CodeWithStatus<422>, message: string) => AppError.of(code, message);

/** The articles a label names, each checked against the corpus. @throws 422 for one that does not exist. */
async function labelArticles(
  lookup: CorpusLookup,
  input: LabelInput,
  issueKeys: ReadonlyMap<string, string[]>,
): Promise<ExampleArticle[]> {
  if (input.issueId !== undefined) {
    const keys = issueKeys.get(input.issueId);
    if (!keys)
      throw unprocessable('kb_issue_not_published', '该常见问题尚未发布，发布后才能用于标注');
    return keys.map((k) => {
      const [law, num, sub] = k.split('#');
      return { law: law!, num: Number(num), sub: Number(sub) };
    });
  }
  const out: ExampleArticle[] = [];
  for (const a of input.articles ?? []) {
    const law = await lookup.resolveLaw(a.law);
    const found = law ? await lookup.article(law, a.article, a.sub ?? 0) : null;
    if (!law || !found)
      throw unprocessable('label_article_not_found', `法规库中没有《${a.law}》第 ${a.article} 条`);
    out.push({ law, num: a.article, sub: a.sub ?? 0 });
  }
  return out;
}

/** Labels questions with the issue or articles that answer them; each becomes a learned example. */
export async function labelTurns(
  ctx: AppContext,
  user: SessionUser,
  input: LabelInput,
  ip: string | null,
): Promise<{ examples: number }> {
  const deps = qaDeps(ctx);
  const index = await deps.issues();
  const articles = await labelArticles(deps.lookup, input, index.keys);
  const turns = await turnQuestions(ctx.db, [...new Set(input.turnIds)]);
  if (turns.length !== new Set(input.turnIds).size) throw notFound('问答记录');
  for (const t of turns)
    await recordExample(ctx, {
      question: t.question,
      articles,
      issueId: input.issueId ?? null,
      source: 'staff_label',
      sourceRef: labelRef(t.id),
      createdBy: user.id,
    });
  await audit(
    ctx.db,
    {
      actor: user,
      action: 'qa:label',
      entity: 'qa_turn',
      detail: { turnIds: turns.map((t) => t.id), issueId: input.issueId ?? null, articles },
      ip,
    },
    ctx.now(),
  );
  return { examples: turns.length };
}

/** The corpus articles a lawyer's replies cite (those that exist), in order of first mention. */
export async function citedArticles(
  lookup: CorpusLookup,
  replies: readonly string[],
): Promise<ExampleArticle[]> {
  const names = await lookup.lawNames();
  const out = new Map<string, ExampleArticle>();
  for (const reply of replies)
    for (const c of findCitations(toSimplified(reply), names)) {
      if (c.article === null || c.articleSub < 0 || !c.lawName) continue;
      const law = await lookup.resolveLaw(c.lawName);
      if (!law || !(await lookup.article(law, c.article, c.articleSub))) continue;
      out.set(articleKey(law, c.article, c.articleSub), { law, num: c.article, sub: c.articleSub });
    }
  return [...out.values()];
}

const sameExample = (e: LearnedExample | undefined, question: string, a: ExampleArticle[]) =>
  !!e &&
  !e.retiredAt &&
  e.question === question &&
  JSON.stringify(e.articles) === JSON.stringify(a);

/**
 * Turns every 法指针 question a lawyer answered citing real articles into a learned example (one per
 * question, replaced when the answers change). Idempotent: unchanged answers write nothing.
 */
export async function harvestLawyerAnswers(
  ctx: AppContext,
  questionId?: number,
): Promise<{ questions: number; examples: number }> {
  const lookup = qaDeps(ctx).lookup;
  const answers = await lawyerAnswers(ctx.db, questionId);
  const refOf = (id: number) => `consult_question:${id}`;
  // One reply: its own example only; a full harvest: every lawyer-answer example at once.
  const refs = questionId === undefined ? undefined : answers.map((a) => refOf(a.questionId));
  const existing = new Map(
    (await examplesOf(ctx, 'lawyer_answer', refs)).map((e) => [e.sourceRef, e]),
  );
  let examples = 0;
  for (const a of answers) {
    const articles = await citedArticles(lookup, a.replies);
    if (articles.length === 0) continue;
    examples++;
    const ref = refOf(a.questionId);
    if (sameExample(existing.get(ref), scrubNumbers(a.question), articles)) continue;
    await recordExample(ctx, {
      question: a.question,
      articles,
      issueId: null,
      source: 'lawyer_answer',
      sourceRef: ref,
      createdBy: null,
    });
  }
  return { questions: answers.length, examples };
}

/**
 * Learns from each lawyer's reply as it is posted (in the process that receives the event); the
 * harvest endpoint catches up on anything missed. Returns the unsubscribe function.
 */
export function learnFromReplies(ctx: AppContext, log: { warn(m: string): void }): () => void {
  const onEvent = (ev: ConsultEvent) => {
    if (ev.type !== 'message' || ev.message?.authorKind !== 'lawyer') return;
    harvestLawyerAnswers(ctx, ev.questionId).catch((e: unknown) =>
      log.warn(`法指针解答未能转为学习样例（问题 ${ev.questionId}）：${String(e)}`),
    );
  };
  ctx.bus.on(CONSULT_EVENT, onEvent);
  return () => void ctx.bus.off(CONSULT_EVENT, onEvent);
}
