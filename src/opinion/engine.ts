/**
 * @module The interview engine: loads a scenario (refusing unknown questions, calculators or inputs), walks its
 * branching one question at a time, validates each answer, and evaluates the answered path into facts,
 * issues, applicable articles, calculations and next steps. Pure: no database, no clock of its own.
 */
import { z } from 'zod';
import { CALCULATORS } from './calculators/index.js';
import { completeMonths, type CalcResult, type FigureLookup } from './calculators/types.js';
import {
  ScenarioSchema,
  type Answer,
  type Answers,
  type ArticleRef,
  type Condition,
  type InputRef,
  type Question,
  type Scenario,
} from './scenario-schema.js';
import { badRequest } from '../core/errors.js';

export const END = 'end';

/** A scenario that does not hold together; `problems` lists every reason, in Chinese. */
export class ScenarioError extends Error {
  constructor(
    readonly scenarioId: string,
    readonly problems: string[],
  ) {
    super(`情景 ${scenarioId} 定义有误：${problems.join('；')}`);
  }
}

/** The leaf tests of a condition (for checks that each names a real question). */
export function conditionRefs(c: Condition, out: Condition[] = []): Condition[] {
  if ('all' in c) c.all.forEach((x) => conditionRefs(x, out));
  else if ('any' in c) c.any.forEach((x) => conditionRefs(x, out));
  else if ('not' in c) conditionRefs(c.not, out);
  else out.push(c);
  return out;
}

function checkCondition(
  c: Condition,
  byId: Map<string, Question>,
  where: string,
  problems: string[],
) {
  for (const leaf of conditionRefs(c)) {
    if (!('q' in leaf)) continue;
    const q = byId.get(leaf.q);
    if (!q) {
      problems.push(`${where} 引用了不存在的问题 ${leaf.q}`);
      continue;
    }
    const values = [...(leaf.eq !== undefined ? [leaf.eq] : []), ...(leaf.in ?? [])];
    if (q.type === 'choice') {
      const allowed = new Set(q.options?.map((o) => o.value));
      for (const v of values)
        if (!allowed.has(String(v)))
          problems.push(`${where} 的取值 ${String(v)} 不是问题 ${q.id} 的选项`);
    }
    if (q.type === 'yesno' && values.some((v) => typeof v !== 'boolean'))
      problems.push(`${where} 对是非题 ${q.id} 须用 true/false`);
  }
}

function checkQuestions(s: Scenario, byId: Map<string, Question>, problems: string[]) {
  const order = new Map(s.questions.map((q, i) => [q.id, i]));
  if (order.size !== s.questions.length) problems.push('问题编号重复');
  s.questions.forEach((q, i) => {
    if (q.type === 'choice' && !q.options?.length) problems.push(`选择题 ${q.id} 没有选项`);
    if (q.min !== undefined && q.max !== undefined && q.min > q.max)
      problems.push(`问题 ${q.id} 的范围有误`);
    const targets = [...(q.next ?? []).map((n) => n.goto), ...(q.then ? [q.then] : [])];
    for (const t of targets) {
      if (t === END) continue;
      const j = order.get(t);
      if (j === undefined) problems.push(`问题 ${q.id} 跳转到不存在的问题 ${t}`);
      // Jumps only go forward, so every walk ends.
      else if (j <= i) problems.push(`问题 ${q.id} 不能向前跳转到 ${t}`);
    }
    for (const n of q.next ?? []) checkCondition(n.when, byId, `问题 ${q.id} 的跳转条件`, problems);
  });
}

function inputKeys(calculator: string): string[] | null {
  const c = CALCULATORS[calculator];
  if (!c) return null;
  return Object.keys((c.input as unknown as z.ZodObject).shape);
}

function checkRef(ref: InputRef, byId: Map<string, Question>, where: string, problems: string[]) {
  const ids =
    'q' in ref
      ? [ref.q]
      : 'monthsBetween' in ref
        ? ref.monthsBetween
        : 'list' in ref
          ? ref.list
          : [];
  for (const id of ids) {
    if (id === 'today' && 'monthsBetween' in ref) continue;
    const q = byId.get(id);
    if (!q) problems.push(`${where} 引用了不存在的问题 ${id}`);
    else if ('monthsBetween' in ref && q.type !== 'date')
      problems.push(`${where} 的 ${id} 不是日期题`);
  }
}

function checkCalculations(s: Scenario, byId: Map<string, Question>, problems: string[]) {
  const earlier = new Set<string>();
  for (const c of s.calculations) {
    for (const ref of Object.values(c.inputs))
      if ('total' in ref && !earlier.has(ref.total))
        problems.push(`计算器 ${c.calculator} 引用了此前没有的计算 ${ref.total}`);
    earlier.add(c.calculator);
    const keys = inputKeys(c.calculator);
    if (!keys) {
      problems.push(`未知的计算器 ${c.calculator}`);
      continue;
    }
    const given = Object.keys(c.inputs);
    for (const k of keys)
      if (!given.includes(k)) problems.push(`计算器 ${c.calculator} 缺少输入 ${k}`);
    for (const k of given)
      if (!keys.includes(k)) problems.push(`计算器 ${c.calculator} 没有输入 ${k}`);
    for (const [k, ref] of Object.entries(c.inputs))
      checkRef(ref, byId, `计算器 ${c.calculator}.${k}`, problems);
    if (c.when) checkCondition(c.when, byId, `计算器 ${c.calculator} 的条件`, problems);
  }
}

function checkTexts(s: Scenario, byId: Map<string, Question>, problems: string[]) {
  const guarded = [
    ...s.issues,
    ...s.analysis,
    ...s.steps,
    ...s.articles.map((a) => ({ when: a.when, text: a.why })),
  ];
  for (const g of guarded) {
    if (g.when) checkCondition(g.when, byId, `「${g.text.slice(0, 12)}」的条件`, problems);
    for (const m of g.text.matchAll(/\{\{(\w+)\}\}/g))
      if (!byId.has(m[1]!))
        problems.push(`文本「${g.text.slice(0, 12)}」引用了不存在的问题 ${m[1]}`);
  }
  for (const st of s.steps) {
    const from = st.deadline?.from;
    if (from && from !== 'today' && byId.get(from)?.type !== 'date')
      problems.push(`期限起算点 ${from} 不是日期题`);
  }
}

/**
 * Validates a scenario declared as data.
 * @throws ScenarioError listing every unknown question, calculator or input it refers to.
 */
export function loadScenario(raw: unknown): Scenario {
  const parsed = ScenarioSchema.safeParse(raw);
  const id = (raw as { id?: string } | null)?.id ?? '?';
  if (!parsed.success)
    throw new ScenarioError(
      id,
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  const s = parsed.data;
  const byId = new Map(s.questions.map((q) => [q.id, q]));
  const problems: string[] = [];
  checkQuestions(s, byId, problems);
  checkCalculations(s, byId, problems);
  checkTexts(s, byId, problems);
  if (problems.length) throw new ScenarioError(s.id, problems);
  return s;
}

/** True when the condition holds for these answers (an unanswered question matches nothing but `answered: false`). */
export function holds(c: Condition, a: Answers): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, a));
  if ('any' in c) return c.any.some((x) => holds(x, a));
  if ('not' in c) return !holds(c.not, a);
  const v = a[c.q];
  if (c.answered !== undefined) return (v !== undefined) === c.answered;
  if (v === undefined) return false;
  if (c.eq !== undefined && v !== c.eq) return false;
  if (c.in !== undefined && !c.in.includes(v)) return false;
  if (typeof v === 'number') {
    if (c.gt !== undefined && !(v > c.gt)) return false;
    if (c.gte !== undefined && !(v >= c.gte)) return false;
    if (c.lt !== undefined && !(v < c.lt)) return false;
    if (c.lte !== undefined && !(v <= c.lte)) return false;
  }
  return true;
}

/** The question after `q` given the answers so far (or END). */
export function nextOf(s: Scenario, q: Question, a: Answers): string {
  for (const rule of q.next ?? []) if (holds(rule.when, a)) return rule.goto;
  if (q.then) return q.then;
  const i = s.questions.indexOf(q);
  return s.questions[i + 1]?.id ?? END;
}

export interface Walk {
  /** Questions on the current branch, in order, up to and including the first unanswered one. */
  path: string[];
  /** The first unanswered question, or null when the interview is complete. */
  current: string | null;
  /** Path length if the remaining questions followed their default branches (for progress bars). */
  estimatedTotal: number;
}

/** Follows the branching from the first question through the given answers. */
export function walk(s: Scenario, answers: Answers): Walk {
  const byId = new Map(s.questions.map((q) => [q.id, q]));
  const path: string[] = [];
  let id: string = s.questions[0]!.id;
  let current: string | null = null;
  let estimated = 0;
  while (id !== END) {
    const q = byId.get(id)!;
    if (current === null) path.push(id);
    estimated++;
    if (current === null && answers[id] === undefined) current = id;
    id = nextOf(s, q, current === null ? answers : pathOnly(answers, path));
  }
  return { path, current, estimatedTotal: estimated };
}

function pathOnly(a: Answers, path: string[]): Answers {
  return Object.fromEntries(path.filter((p) => a[p] !== undefined).map((p) => [p, a[p]!]));
}

/** Only the answers on the branch actually taken (answers left on an abandoned branch are kept but ignored). */
export function answersOnPath(s: Scenario, answers: Answers): Answers {
  return pathOnly(answers, walk(s, answers).path);
}

const invalid = (q: Question, message: string) =>
  badRequest('invalid_answer', `「${q.text}」${message}`, { questionId: q.id });

/**
 * Checks one answer against its question's type and limits.
 * @throws AppError 400 `invalid_answer` with a Chinese message naming the question.
 */
export function validateAnswer(q: Question, raw: unknown, today: string): Answer {
  switch (q.type) {
    case 'number':
    case 'money': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid(q, '请填写数字');
      if (q.integer && !Number.isInteger(n)) throw invalid(q, '请填写整数');
      if (q.min !== undefined && n < q.min) throw invalid(q, `不能小于 ${q.min}`);
      if (q.max !== undefined && n > q.max) throw invalid(q, `不能大于 ${q.max}`);
      return q.type === 'money' ? Math.round(n * 100) / 100 : n;
    }
    case 'date': {
      if (
        typeof raw !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}$/.test(raw) ||
        Number.isNaN(Date.parse(raw))
      )
        throw invalid(q, '请填写日期（YYYY-MM-DD）');
      if (new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) !== raw)
        throw invalid(q, '日期不存在');
      if (q.notFuture && raw > today) throw invalid(q, '不能晚于今天');
      if (raw < '1950-01-01') throw invalid(q, '日期过早');
      return raw;
    }
    case 'choice':
      if (typeof raw !== 'string' || !q.options!.some((o) => o.value === raw))
        throw invalid(q, '请从选项中选择');
      return raw;
    case 'yesno':
      if (typeof raw !== 'boolean') throw invalid(q, '请选择“是”或“否”');
      return raw;
    case 'text': {
      if (typeof raw !== 'string' || !raw.trim()) throw invalid(q, '请填写内容');
      const max = q.maxLength ?? 500;
      if ([...raw].length > max) throw invalid(q, `不能超过 ${max} 字`);
      return raw.trim();
    }
  }
}

/** How an answer reads in the letter. */
export function displayAnswer(q: Question, v: Answer): string {
  if (q.type === 'yesno') return v ? '是' : '否';
  if (q.type === 'choice') return q.options?.find((o) => o.value === v)?.label ?? String(v);
  if (q.type === 'money') return `${Number(v).toLocaleString('en-US')} 元`;
  if (q.type === 'number') return `${String(v)}${q.unit ? ` ${q.unit}` : ''}`;
  return String(v);
}

function resolveRef(ref: InputRef, a: Answers, today: string, done: CalcResult[]): unknown {
  if ('value' in ref) return ref.value;
  if ('today' in ref) return today;
  if ('total' in ref) return done.find((r) => r.calculator === ref.total)?.total;
  if ('monthsBetween' in ref) {
    const [from, to] = ref.monthsBetween.map((id) => (id === 'today' ? today : a[id])) as [
      string,
      string,
    ];
    return from && to ? completeMonths(from, to) : undefined;
  }
  if ('list' in ref) return ref.list.map((id) => a[id]).filter((v) => v !== undefined);
  const v = a[ref.q];
  if (v === undefined) return ref.default;
  return ref.map ? ref.map[String(v)] : v;
}

/** Runs one calculation declared by the scenario; inputs are checked by the calculator's own schema. */
export function runCalculation(
  def: Scenario['calculations'][number],
  a: Answers,
  figures: FigureLookup,
  today: string,
  done: CalcResult[] = [],
): CalcResult {
  const calc = CALCULATORS[def.calculator]!;
  const raw = Object.fromEntries(
    Object.entries(def.inputs).map(([k, r]) => [k, resolveRef(r, a, today, done)]),
  );
  const parsed = calc.input.safeParse(raw);
  if (!parsed.success)
    throw badRequest('calculation_input_invalid', `计算「${calc.title}」所需的信息不完整或有误`, {
      calculator: def.calculator,
      issues: parsed.error.issues.map((i) => i.path.join('.')),
    });
  return calc.compute(parsed.data, figures, today);
}

/** Fills `{{questionId}}` with the answer as it reads. */
export function fill(text: string, s: Scenario, a: Answers): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_m, id: string) => {
    const q = s.questions.find((x) => x.id === id);
    const v = a[id];
    return q && v !== undefined ? displayAnswer(q, v) : '（未填写）';
  });
}

export interface Evaluation {
  facts: { question: string; answer: string }[];
  issues: string[];
  articles: ArticleRef[];
  calculations: CalcResult[];
  analysis: string[];
  steps: { text: string; deadline?: { date: string; label: string } }[];
}

function addPeriod(from: string, d: { years?: number; months?: number; days?: number }): string {
  const t = new Date(`${from}T00:00:00Z`);
  t.setUTCFullYear(
    t.getUTCFullYear() + (d.years ?? 0),
    t.getUTCMonth() + (d.months ?? 0),
    t.getUTCDate() + (d.days ?? 0),
  );
  return t.toISOString().slice(0, 10);
}

/** Everything the letter says, from the answers on the path taken. */
export function evaluate(
  s: Scenario,
  all: Answers,
  figures: FigureLookup,
  today: string,
): Evaluation {
  const a = answersOnPath(s, all);
  const applies = (g: { when?: Condition }) => !g.when || holds(g.when, a);
  const facts = s.questions
    .filter((q) => a[q.id] !== undefined)
    .map((q) => ({ question: q.text, answer: displayAnswer(q, a[q.id]!) }));
  return {
    facts,
    issues: s.issues.filter(applies).map((g) => fill(g.text, s, a)),
    articles: s.articles.filter(applies),
    calculations: s.calculations
      .filter(applies)
      .reduce<CalcResult[]>((done, c) => [...done, runCalculation(c, a, figures, today, done)], []),
    analysis: s.analysis.filter(applies).map((g) => fill(g.text, s, a)),
    steps: s.steps.filter(applies).map((g) => {
      const d = g.deadline;
      const from = d ? (d.from === 'today' ? today : (a[d.from] as string | undefined)) : undefined;
      return {
        text: fill(g.text, s, a),
        ...(d && from ? { deadline: { date: addPeriod(from, d), label: d.label } } : {}),
      };
    }),
  };
}
