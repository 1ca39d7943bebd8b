/**
 * @module The jieba user dictionary built from the corpus' own terms: law short names and the
 * recurring words of chapter/section headings, so 劳动合同法 or 经济补偿 stay whole tokens.
 */
import type { SearchDoc } from './corpus-index.js';

const SPLIT = /[的和与及、，,；;：:（）()\s]+/;
const NUMBERING =
  /第[零〇一二三四五六七八九十百千]+[编章节条]|[一二三四五六七八九十]+、|^\s*[（(][一二三四五六七八九十]+[)）]/g;

/** `word freq tag` lines: law names (≤ 12 characters) and heading terms found in ≥ 3 headings. */
export function buildUserDict(docs: readonly SearchDoc[]): string {
  const words = new Set<string>();
  const headingCount = new Map<string, number>();
  const seenHeadings = new Set<string>();
  for (const d of docs) {
    if (d.lawKey.length >= 3 && d.lawKey.length <= 12 && !/[《》]|关于/.test(d.lawKey))
      words.add(d.lawKey);
    if (!d.heading || seenHeadings.has(d.heading)) continue;
    seenHeadings.add(d.heading);
    for (const part of d.heading.replace(NUMBERING, ' ').split(SPLIT)) {
      if (part.length >= 2 && part.length <= 8 && /^[\p{Script=Han}]+$/u.test(part)) {
        headingCount.set(part, (headingCount.get(part) ?? 0) + 1);
      }
    }
  }
  for (const [w, c] of headingCount) if (c >= 3) words.add(w);
  return (
    [...words]
      .sort()
      .map((w) => `${w} 20000 n`)
      .join('\n') + '\n'
  );
}
