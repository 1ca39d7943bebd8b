/** @module Chinese numerals as statutes print article numbers: 第一千零七十九条 ⇄ 1079 (one implementation for laws, search and qa). */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
const DIGIT_CHARS = '零一二三四五六七八九';

/** Full-width digits (４７) as ASCII (47). */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
}

/**
 * `四十七` → 47, `一千零七十九` → 1079, `一百十` → 110, `47` → 47, and the forms people and models
 * write: `４７`, `四七` and `一〇七九` (digits by position), `4十7` (digits with units), spaces inside.
 * Null when it is not a number, or when it is malformed (`四七十`: two digits before a unit), so a
 * garbled number is never silently read as another one.
 */
export function parseChineseNumber(raw: string): number | null {
  const s = asciiDigits(raw).replace(/\s+/g, '');
  if (/^\d+$/.test(s)) return Number(s);
  if (!s || !/^[零〇一二两三四五六七八九十百千万0-9]+$/.test(s)) return null;
  if (/[0-9]{2}/.test(s)) return null; // several ASCII digits in a row beside Chinese ones
  const chinese = s.replace(/[0-9]/g, (d) => DIGIT_CHARS[Number(d)]!);
  if (!/[十百千万]/.test(chinese)) {
    // Digits by position (四七, 一〇七九): each character is one decimal digit.
    let n = 0;
    for (const ch of chinese) n = n * 10 + DIGITS[ch]!;
    return n;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  let sawDigit = false; // a 1–9 digit since the last unit (零 is only a placeholder)
  for (const ch of chinese) {
    if (ch in DIGITS) {
      if (sawDigit) return null; // 四七十: a digit after a digit, with units elsewhere
      digit = DIGITS[ch]!;
      sawDigit = digit > 0;
      continue;
    }
    const unit = UNITS[ch]!;
    if (unit === 10000) {
      total += (section + digit) * unit;
      section = 0;
    } else {
      // A bare 十 (十五, 一百十) means 一十.
      section += (!sawDigit && unit === 10 ? 1 : digit) * unit;
    }
    digit = 0;
    sawDigit = false;
  }
  return total + section + digit;
}

/** 47 → 四十七, 1079 → 一千零七十九, 10 → 十, 110 → 一百一十 (the way statutes number articles). */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10000) return String(n);
  if (n === 0) return '零';
  const parts: string[] = [];
  const units = ['千', '百', '十', ''];
  const values = [1000, 100, 10, 1];
  let zero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const d = Math.floor(n / values[i]!) % 10;
    if (d === 0) {
      if (started) zero = true;
      continue;
    }
    if (zero) parts.push('零');
    zero = false;
    // 十条 … 十九条: a leading 一 before 十 is dropped.
    if (!(d === 1 && i === 2 && !started)) parts.push(DIGIT_CHARS[d]!);
    parts.push(units[i]!);
    started = true;
  }
  return parts.join('');
}

/** 47, 0 → 第四十七条; 120, 1 → 第一百二十条之一. */
export function articleLabel(num: number, sub = 0): string {
  return `第${toChineseNumber(num)}条${sub > 0 ? `之${toChineseNumber(sub)}` : ''}`;
}

/** `之一` → 1, '' → 0. */
export function parseSub(s: string | undefined): number {
  if (!s) return 0;
  return parseChineseNumber(s.replace(/^之/, '')) ?? 0;
}
