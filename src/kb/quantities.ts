/**
 * @module Quantities in legal text (三十日, 12个月, 二倍, 百分之三十, 三分之一, 八周岁): what the
 * knowledge-base check compares between an explanation and the articles it cites, so an explanation
 * never states a number or deadline its articles do not.
 */
import { parseChineseNumber } from '../core/numerals.js';

/** A number with its unit, normalised: 天→日, 个月→月, 周岁→岁; fractions and per cent as `%` / `分之`. */
export interface Quantity {
  value: number;
  unit: string;
  /** The text it was read from, for messages. */
  raw: string;
}

const NUM =
  '[0-9]{1,3}(?:,[0-9]{3})+|[0-9０-９]+(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+|半';
const UNIT = '个工作日|工作日|个月|个小时|小时|周岁|日|天|月|年|岁|倍|周|元|万元|平方米|公里';
const QUANTITY = new RegExp(`(${NUM})(${UNIT})`, 'g');
const PERCENT = new RegExp(`百分之(${NUM})|(${NUM})[%％]`, 'g');
const FRACTION = new RegExp(`(${NUM})分之(${NUM})`, 'g');
/** Calendar dates (2021年1月1日, 1月1日) are not quantities. */
const DATE =
  /[0-9０-９]{4}年(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?|[0-9０-９]{1,2}月[0-9０-９]{1,2}日/g;

const UNIT_ALIAS: Record<string, string> = {
  天: '日',
  个工作日: '工作日',
  个月: '月',
  个小时: '小时',
  周岁: '岁',
};

const toAscii = (s: string) =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const BARE_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

function numberOf(raw: string): number | null {
  if (raw === '半') return 0.5;
  if (raw in BARE_UNIT) return BARE_UNIT[raw]!; // 百分之…, 万分之…
  const ascii = toAscii(raw).replace(/,/g, '');
  if (/^[0-9.]+$/.test(ascii)) return Number(ascii);
  return parseChineseNumber(raw);
}

/** Every quantity in `text` (dates left out). */
export function quantities(text: string): Quantity[] {
  const clean = text.replace(DATE, ' ');
  const out: Quantity[] = [];
  for (const m of clean.matchAll(PERCENT)) {
    const v = numberOf((m[1] ?? m[2])!);
    if (v !== null) out.push({ value: v, unit: '%', raw: m[0] });
  }
  const noPercent = clean.replace(PERCENT, ' ');
  for (const m of noPercent.matchAll(FRACTION)) {
    const d = numberOf(m[1]!);
    const n = numberOf(m[2]!);
    if (d !== null && n !== null && d > 0) out.push({ value: n / d, unit: '分之', raw: m[0] });
  }
  for (const m of noPercent.replace(FRACTION, ' ').matchAll(QUANTITY)) {
    const v = numberOf(m[1]!);
    if (v === null) continue;
    // 半个月 / 半年: a half of the unit; 一年半 is read as 一年 and 半 (both must be backed).
    const unit = m[2]!;
    if (unit === '万元') out.push({ value: v * 10000, unit: '元', raw: m[0] });
    else out.push({ value: v, unit: UNIT_ALIAS[unit] ?? unit, raw: m[0] });
  }
  return out;
}

const key = (q: Quantity) => `${q.value}${q.unit}`;

/** The quantities of `claimed` that none of `sources` states (compared by value and unit). */
export function unbackedQuantities(claimed: string, sources: readonly string[]): Quantity[] {
  const backed = new Set(sources.flatMap((s) => quantities(s).map(key)));
  return quantities(claimed).filter((q) => !backed.has(key(q)));
}
