/** @module Shared shapes of the opinion calculators: article keys, figures used, result lines, money rounding. */
import type { ZodType } from 'zod';

/** A stable article reference: law_key (short name without 中华人民共和国) and article number. */
export interface ArticleKey {
  law: string;
  article: number;
  /** Sub-article number for 第X条之一 (0 = none). */
  sub?: number;
  /** Only this 项 of the article is quoted (1 = （一）), with the article's opening sentence. */
  item?: number;
  /** Within that 项, only these numbered points (1．2．…) are quoted. */
  points?: number[];
}

/** A regional or yearly figure as a calculation saw it (stated in every letter). */
export interface Figure {
  key: string;
  label: string;
  value: number;
  unit: string;
  region: string;
  effectiveDate: string;
  source: string;
  /** True for shipped placeholder data (`示例数据，请替换`). */
  example: boolean;
}

/** Looks up the figure in force for `key` on a date; throws when none is configured. */
export type FigureLookup = (key: string, asOf?: string) => Figure;

export interface CalcLine {
  label: string;
  amount: number;
  /** The arithmetic as people read it, e.g. `8,000.00 元 × 6 个月`. */
  formula: string;
}

export interface CalcResult {
  calculator: string;
  title: string;
  lines: CalcLine[];
  total: number;
  notes: string[];
  articles: ArticleKey[];
  figures: Figure[];
}

/** A calculator: declared inputs (validated), the articles it implements, a pure compute. */
export interface Calculator<I = unknown> {
  id: string;
  title: string;
  articles: ArticleKey[];
  input: ZodType<I>;
  compute(input: I, figures: FigureLookup, today: string): CalcResult;
}

/** Rounds to whole fen (分), half away from zero, avoiding binary drift. */
export function money(x: number): number {
  return Math.round((x + Number.EPSILON * Math.sign(x)) * 100) / 100;
}

/** `12345.6` → `12,345.60 元`. */
export function yuan(x: number): string {
  return `${money(x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}

/** Trims trailing zeros: 0.5 → `0.5`, 6 → `6`. */
export function num(x: number): string {
  return String(Math.round(x * 10000) / 10000);
}

/** Whole calendar months from `start` to `end` (YYYY-MM-DD); a month counts once the same day is reached. */
export function completeMonths(start: string, end: string): number {
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = end.split('-').map(Number) as [number, number, number];
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (d2 < d1) months -= 1;
  return Math.max(0, months);
}

/** Days from `start` to `end` (end exclusive). */
export function daysBetween(start: string, end: string): number {
  return Math.round(
    (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000,
  );
}

/** Full years of age on a date. */
export function ageOn(birth: string, on: string): number {
  return Math.floor(completeMonths(birth, on) / 12);
}

export const law = (name: string, article: number): ArticleKey => ({ law: name, article });
