/**
 * @module Facts a question already states that a calculator interview asks for (月薪八千, 干了三年,
 * 借给他五万块): read with simple patterns and handed to the interview as answers to start from.
 */
import { parseChineseNumber } from '../core/numerals.js';
import { chinaDate } from '../core/time.js';

const NUM = '([0-9]+(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+)';
const SCALE: Record<string, number> = { 万: 10000, 千: 1000, k: 1000, K: 1000 };

function amount(raw: string, scale: string | undefined): number | null {
  const n = /^[0-9.]+$/.test(raw) ? Number(raw) : parseChineseNumber(raw);
  if (n === null || !Number.isFinite(n)) return null;
  return Math.round(n * (scale ? (SCALE[scale] ?? 1) : 1));
}

const WAGE = new RegExp(
  `(?:月薪|月工资|工资|每月|每个月|一个月)(?:是|有|才|大概|大约)?${NUM}\\s*(万|千|k|K)?\\s*(?:元|块)?`,
);
const YEARS = new RegExp(`(?:干|工作|做|上班|待)了?${NUM}年`);
const LENT = new RegExp(`借(?:给|了)?[^，。！？]{0,6}?${NUM}\\s*(万|千)?\\s*(?:元|块)`);

/** ISO date `years` before `today` (YYYY-MM-DD), the 1st of the month. */
function yearsBefore(today: string, years: number): string {
  const y = Number(today.slice(0, 4)) - Math.floor(years);
  return `${y}${today.slice(4, 7)}-01`;
}

/** Interview answers a question already gives, for the scenario the tool opens. */
export function prefillFrom(
  question: string,
  scenario: string,
  now: Date,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (scenario === 'labour' || scenario === 'work-injury') {
    const w = WAGE.exec(question);
    const wage = w ? amount(w[1]!, w[2]) : null;
    if (wage !== null && wage >= 100 && wage <= 1_000_000) out.monthlyWage = wage;
  }
  if (scenario === 'labour') {
    const y = YEARS.exec(question);
    const years = y ? amount(y[1]!, undefined) : null;
    if (years !== null && years >= 1 && years <= 50)
      out.startDate = yearsBefore(chinaDate(now), years);
  }
  if (scenario === 'loan') {
    const l = LENT.exec(question);
    const principal = l ? amount(l[1]!, l[2]) : null;
    if (principal !== null && principal >= 1) out.principal = principal;
  }
  return out;
}
