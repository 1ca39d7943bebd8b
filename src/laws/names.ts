/** @module Law names and article numbers: Chinese numerals, article labels, the normalised law key. */

import { parseChineseNumber } from '../core/numerals.js';

export { articleLabel } from '../core/numerals.js';

/**
 * Parses an article reference as people type it: 47, 第四十七条, 第47条, 120-1, 第一百二十条之一.
 * @returns null when it is none of those.
 */
export function parseArticleRef(ref: string): { num: number; sub: number } | null {
  const s = ref.trim();
  let m = /^(\d{1,4})(?:-(\d{1,2}))?$/.exec(s);
  if (m) return Number(m[1]) > 0 ? { num: Number(m[1]), sub: m[2] ? Number(m[2]) : 0 } : null;
  m =
    /^第?([零〇一二三四五六七八九十百千]+|\d{1,4})[条條]?(?:之([一二三四五六七八九十]+|\d{1,2}))?$/.exec(
      s,
    );
  if (!m || !m[1]) return null;
  const num = /^\d+$/.test(m[1]) ? Number(m[1]) : parseChineseNumber(m[1]);
  const sub = m[2] ? (/^\d+$/.test(m[2]) ? Number(m[2]) : parseChineseNumber(m[2])) : 0;
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
