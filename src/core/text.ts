/**
 * @module Chinese text, in one place: 繁体 → 简体 and back (opencc-js), full-width → half-width, and the
 * character bigrams that search, the answer composer, the citation check and question grouping all count.
 * A bigram is two adjacent word characters inside one run: punctuation and spaces end a run (no pair
 * across a comma), a run of one character is that character alone. Word characters are the BMP Han
 * blocks, 〇 and ASCII letters and digits; a character outside them (𠮷, ％, emoji) ends a run too, so the
 * string bigrams and the index's numeric keys always agree.
 */
import * as OpenCC from 'opencc-js';

let toCn: ((s: string) => string) | null = null;

/** 繁体 (Taiwan and Hong Kong forms) → 简体; plain ASCII is returned as is. */
export function toSimplified(text: string): string {
  if (!/[^\u0020-\u007e\s]/.test(text)) return text;
  toCn ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  return toCn(text);
}

/** 简体 → 繁体 (Taiwan standard characters, with the legal-term corrections: core/locale.ts). */
export { toTraditionalText as toTraditional } from './locale.js';

/** Full-width ASCII (４７, ＡＢ) → half-width. */
export const halfWidth = (text: string): string =>
  text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Whether a UTF-16 code unit is a word character (see the module note). */
export const isWordCode = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) ||
  (c >= 0x3400 && c <= 0x4dbf) ||
  c === 0x3007 ||
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122);

/** Calls `emit(first, second)` for each bigram (`second` is -1 for a run of one character). */
function eachBigram(text: string, emit: (a: number, b: number) => void): void {
  let prev = -1;
  let runLen = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c >= 0 && isWordCode(c)) {
      if (prev >= 0) emit(prev, c);
      prev = c;
      runLen++;
    } else {
      if (runLen === 1) emit(prev, -1);
      prev = -1;
      runLen = 0;
    }
  }
}

/** The bigrams of `text` in order, a lone character standing as itself. */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  eachBigram(text, (a, b) =>
    out.push(String.fromCharCode(a) + (b < 0 ? '' : String.fromCharCode(b))),
  );
  return out;
}

/** The same bigrams as numbers (first code unit × 65536 + second; a lone character × 65536). */
export function bigramKeys(text: string): number[] {
  const out: number[] = [];
  eachBigram(text, (a, b) => out.push(a * 65536 + Math.max(b, 0)));
  return out;
}

/** The distinct two-character bigrams of `text` (lone characters left out). */
export function bigramSet(text: string): Set<string> {
  const out = new Set<string>();
  eachBigram(text, (a, b) => {
    if (b >= 0) out.add(String.fromCharCode(a, b));
  });
  return out;
}
