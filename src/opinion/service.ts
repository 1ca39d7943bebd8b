/**
 * @module Opinion actions: start an interview, answer, move back and forth, issue the letter, render it,
 * verify it, and maintain the figures. Every write and every read of answers or letters is audited.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError, conflict } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { chinaDate } from '../core/time.js';
import type { FigureLookup } from './calculators/types.js';
import { END, nextOf, validateAnswer, walk } from './engine.js';
import { lookupFrom, toFigure } from './figures.js';
import {
  buildLetterContent,
  contentHash,
  newVerificationCode,
  type LetterContent,
} from './letter.js';
import { hashToken, type Actor } from './policy.js';
import * as repo from './repository.js';
import type { Answers, Scenario } from './scenario-schema.js';
import { findScenario } from './scenarios/index.js';
import { scenarioAvailability } from './startup.js';

// China's date (UTC+8): answers like 不能晚于今天 and letter dates follow the citizen's calendar.
const today = (ctx: AppContext) => chinaDate(ctx.now());

export function scenarioOf(id: string): Scenario {
  const s = findScenario(id);
  if (!s) throw AppError.of('not_found', '该咨询情景不存在');
  return s;
}

export const answersOf = (row: repo.SessionRecord): Answers => JSON.parse(row.answers) as Answers;

/** Starts an interview owned by the signed-in user, or by a kiosk token (created when the caller has none). */
export async function startSession(ctx: AppContext, actor: Actor, scenarioId: string, ip: string) {
  const s = scenarioOf(scenarioId);
  const refused = scenarioAvailability(ctx).get(s.id);
  if (refused?.length)
    throw conflict('scenario_unavailable', `「${s.title}」引用的法条在法规库中不存在，暂停使用`, {
      missing: refused,
    });
  let token: string | null = null;
  let tokenHash = actor.tokenHash;
  if (!actor.user && !tokenHash) {
    token = randomBytes(24).toString('base64url');
    tokenHash = hashToken(token);
  }
  const now = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertSession(trx, {
      scenario_id: s.id,
      owner_user_id: actor.user?.id ?? null,
      token_hash: actor.user ? null : tokenHash,
      answers: '{}',
      cursor: null,
      created_at: now,
      updated_at: now,
    });
    await audit(
      trx,
      {
        actor: actor.user,
        action: 'create',
        entity: 'opinion_session',
        entityId: newId,
        detail: { scenario: s.id, kiosk: !actor.user },
        ip,
      },
      ctx.now(),
    );
    return newId;
  });
  return { id, token };
}

/** The question on screen: the cursor when it is still on the branch, else the first unanswered one. */
export function shownQuestion(s: Scenario, answers: Answers, cursor: string | null): string | null {
  const w = walk(s, answers);
  return cursor && w.path.includes(cursor) ? cursor : w.current;
}

export async function answer(
  ctx: AppContext,
  actor: Actor,
  row: repo.SessionRecord,
  questionId: string,
  raw: unknown,
  ip: string,
) {
  const s = scenarioOf(row.scenario_id);
  const answers = answersOf(row);
  const q = s.questions.find((x) => x.id === questionId);
  if (!q || !walk(s, answers).path.includes(questionId))
    throw conflict('question_not_on_path', '这个问题不在当前的问答路线上，请刷新后重试', {
      questionId,
    });
  answers[questionId] = validateAnswer(q, raw, today(ctx));
  const next = nextOf(s, q, answers);
  const w = walk(s, answers);
  // Going forward through questions answered before (after a "back"), the cursor follows them.
  const cursor = next === END || next === w.current ? null : next;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateSession(trx, row.id, {
      answers: JSON.stringify(answers),
      cursor,
      updated_at: ctx.now().toISOString(),
    });
    await audit(
      trx,
      {
        actor: actor.user,
        action: 'answer',
        entity: 'opinion_session',
        entityId: row.id,
        detail: { questionId },
        ip,
      },
      ctx.now(),
    );
  });
  return { ...row, answers: JSON.stringify(answers), cursor };
}

/** Moves the cursor one question back or forward along the branch, keeping every answer. */
export async function move(
  ctx: AppContext,
  row: repo.SessionRecord,
  direction: 'back' | 'forward',
) {
  const s = scenarioOf(row.scenario_id);
  const answers = answersOf(row);
  const w = walk(s, answers);
  const shown = shownQuestion(s, answers, row.cursor);
  let cursor: string | null;
  if (direction === 'back') {
    const at = shown === null ? w.path.length : w.path.indexOf(shown);
    if (at <= 0) throw conflict('at_first_question', '已经是第一个问题');
    cursor = w.path[at - 1]!;
  } else {
    if (shown === null || answers[shown] === undefined)
      throw conflict('answer_required', '请先回答当前问题');
    const next = nextOf(
      s,
      s.questions.find((q) => q.id === shown)!,
      answers,
    );
    cursor = next === END || next === w.current ? null : next;
  }
  await repo.updateSession(ctx.db, row.id, { cursor, updated_at: ctx.now().toISOString() });
  return { ...row, cursor };
}

export async function figureLookup(db: Kysely<Database>): Promise<FigureLookup> {
  return lookupFrom((await repo.listFigures(db)).map(toFigure));
}

/** Issues the letter for a completed interview: content frozen with its hash and a verification code. */
export async function issueLetter(
  ctx: AppContext,
  actor: Actor,
  row: repo.SessionRecord,
  ip: string,
  /** The request's own address, for the QR link when PUBLIC_BASE_URL is unset. */
  origin: string,
) {
  const s = scenarioOf(row.scenario_id);
  const answers = answersOf(row);
  if (walk(s, answers).current !== null)
    throw conflict('interview_incomplete', '还有问题没有回答，请答完后再生成意见书');
  const code = newVerificationCode();
  const content = await buildLetterContent(ctx.db, s, answers, await figureLookup(ctx.db), {
    now: ctx.now(),
    code,
    baseUrl: ctx.config.PUBLIC_BASE_URL ?? origin,
  });
  const hash = contentHash(content);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertLetter(trx, {
      session_id: row.id,
      scenario_id: s.id,
      owner_user_id: row.owner_user_id,
      token_hash: row.token_hash,
      code,
      content: JSON.stringify(content),
      content_sha256: hash,
      issued_at: content.issuedAt,
      created_at: ctx.now().toISOString(),
    });
    await audit(
      trx,
      {
        actor: actor.user,
        action: 'create',
        entity: 'opinion_letter',
        entityId: id,
        detail: { session: row.id, code },
        ip,
      },
      ctx.now(),
    );
    return { id, code, hash };
  });
}

/** Appends the audit row for a read of answers or a letter (personal data). */
export function auditRead(
  ctx: AppContext,
  actor: Actor,
  entity: string,
  id: number,
  ip: string,
): Promise<void> {
  return audit(
    ctx.db,
    {
      actor: actor.user,
      action: 'read_personal_data',
      entity,
      entityId: id,
      detail: actor.user ? null : { via: 'kiosk_token' },
      ip,
    },
    ctx.now(),
  );
}

export const letterContent = (row: repo.LetterRecord) => JSON.parse(row.content) as LetterContent;

/** What the public verify page may say: no personal data, only whether the letter is genuine and unchanged. */
export async function verify(ctx: AppContext, code: string) {
  const row = await repo.findLetterByCode(ctx.db, code.toUpperCase());
  if (!row) return { genuine: false as const };
  const content = letterContent(row);
  return {
    genuine: true as const,
    code: row.code,
    issuedAt: row.issued_at,
    scenario: content.scenario.title,
    sha256: row.content_sha256,
    unchanged: contentHash(content) === row.content_sha256,
  };
}
