/** @module Law names and article numbers: Chinese numerals, article labels, the normalised law key. */

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
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 一千二百六十 → 1260, 十二 → 12; null when the string is not a Chinese numeral. */
export function chineseToInt(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const u = UNITS[ch];
    if (u === undefined) return null;
    // A bare unit (十二) means one of it.
    total += (digit < 0 ? 1 : digit) * u;
    digit = -1;
  }
  if (digit > 0) total += digit;
  return total;
}

const NUM_CHARS = '零一二三四五六七八九';

/** 1260 → 一千二百六十, 12 → 十二, 105 → 一百零五 (the form printed in statutes). */
export function intToChinese(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return '零';
  const parts: string[] = [];
  const units = ['千', '百', '十', ''];
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let zero = false;
  let started = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (started) zero = true;
      return;
    }
    if (zero) parts.push('零');
    zero = false;
    // 十二, not 一十二, when the number starts at the tens.
    if (!(d === 1 && i === 2 && !started)) parts.push(NUM_CHARS[d] ?? '');
    parts.push(units[i] ?? '');
    started = true;
  });
  return parts.join('');
}

/** 47,0 → 第四十七条; 120,1 → 第一百二十条之一. */
export function articleLabel(num: number, sub = 0): string {
  return `第${intToChinese(num)}条${sub > 0 ? `之${intToChinese(sub)}` : ''}`;
}

/**
 * Parses an article reference as people type it: 47, 第四十七条, 第47条, 120-1, 第一百二十条之一.
 * @returns null when it is none of those.
 */
export function parseArticleRef(ref: string): { num: number; sub: number } | null {
  const s = ref.trim();
  let m = /^(\d{1,4})(?:-(\d{1,2}))?$/.exec(s);
  if (m) return Number(m[1]) > 0 ? { num: Number(m[1]), sub: m[2] ? Number(m[2]) : 0 } : null;
  m =
    /^第?([零〇一二三四五六七八九十百千]+|\d{1,4})条?(?:之([一二三四五六七八九十]+|\d{1,2}))?$/.exec(
      s,
    );
  if (!m || !m[1]) return null;
  const num = /^\d+$/.test(m[1]) ? Number(m[1]) : chineseToInt(m[1]);
  const sub = m[2] ? (/^\d+$/.test(m[2]) ? Number(m[2]) : chineseToInt(m[2])) : 0;
  if (num === null || sub === null || num <= 0) return null;
  return { num, sub };
}

/**
 * The stable law key for a name as people and datasets write it:
 * 中华人民共和国劳动合同法 → 劳动合同法, 《民法典》 → 民法典,
 * 最高人民法院关于适用《中华人民共和国民法典》有关担保制度的解释 → 最高人民法院关于适用民法典有关担保制度的解释,
 * 劳动合同法(2012-12-28) / 劳动合同法（2018年修正） → 劳动合同法.
 */
export function normalizeLawName(name: string): string {
  let s = name.normalize('NFC').replace(/\s+/g, '');
  s = s.replace(/\.md$/, '');
  // Version suffixes: (2012-12-28), （2018年修正）, （2018年修订）, (2020年版). Not （2018年） alone:
  // that is part of the name of each 宪法修正案, which are separate documents.
  for (;;) {
    const t = s
      .replace(/[（(]\d{4}-\d{1,2}-\d{1,2}[)）]$/, '')
      .replace(/[（(]\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:修正|修订|修改|版|文本)[)）]$/, '');
    if (t === s) break;
    s = t;
  }
  s = s.replace(/^中华人民共和国/, '').replace(/《中华人民共和国/g, '《');
  s = s.replace(/[《》〈〉<>]/g, '');
  return s;
}
