/** @module What the API shows: scenarios, the interview state (one question at a time), letters, figures. */
import type { LetterView, QuestionView, ScenarioItem, SessionView } from '../contracts/opinion.js';
import { displayAnswer, walk } from './engine.js';
import type { LetterContent } from './letter.js';
import type { FigureRecord, SessionRecord } from './repository.js';
import type { Question, Scenario } from './scenario-schema.js';
import { answersOf, shownQuestion } from './service.js';

export const presentScenario = (s: Scenario, refused?: string[]): ScenarioItem => ({
  id: s.id,
  title: s.title,
  category: s.category,
  summary: s.summary,
  questionCount: s.questions.length,
  available: !refused?.length,
});

export function presentQuestion(q: Question): QuestionView {
  const { next: _n, then: _t, ...shown } = q;
  return shown;
}

export function presentSession(
  row: SessionRecord,
  s: Scenario,
  letters: { id: number; code: string }[],
): SessionView {
  const answers = answersOf(row);
  const w = walk(s, answers);
  const shown = shownQuestion(s, answers, row.cursor);
  const q = shown ? s.questions.find((x) => x.id === shown)! : null;
  const position = shown ? w.path.indexOf(shown) + 1 : w.path.length + 1;
  return {
    id: row.id,
    scenario: presentScenario(s),
    complete: w.current === null,
    question: q ? presentQuestion(q) : null,
    answer: shown ? (answers[shown] ?? null) : null,
    position,
    total: Math.max(w.estimatedTotal, position - 1),
    canBack: position > 1,
    summary: w.path
      .filter((id) => answers[id] !== undefined)
      .map((id) => {
        const qq = s.questions.find((x) => x.id === id)!;
        return { id, text: qq.text, answer: displayAnswer(qq, answers[id]!) };
      }),
    letters,
    updatedAt: row.updated_at,
  };
}

export const presentLetter = (id: number, c: LetterContent, hash: string): LetterView => ({
  id,
  sha256: hash,
  ...c,
});

export const presentFigure = (f: FigureRecord) => ({
  id: f.id,
  key: f.key,
  label: f.label,
  value: Number(f.value),
  unit: f.unit,
  region: f.region,
  effectiveDate: f.effective_date,
  source: f.source,
  example: f.is_example === 1,
  updatedAt: f.updated_at,
});
