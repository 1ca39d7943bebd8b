/**
 * @module Finding article citations in free text (《劳动合同法》第四十七条, 本法第三十条, 民法典第1079条,
 * …第四十六条、第四十七条) with their positions, so generated text can be checked against the corpus and
 * a citation that does not exist removed.
 */
import { articleLabel, parseChineseNumber, parseSub } from '../core/numerals.js';

export interface FoundCitation {
  /** Offsets of the whole citation in the text (law name included when it is written). */
  start: number;
  end: number;
  raw: string;
  /** The law as written, without 《》; null for 本法/该法 that could not be resolved. */
  lawName: string | null;
  article: number;
  articleSub: number;
}

const NUM = '[零〇一二两三四五六七八九十百千0-9]+';
const ARTICLE = new RegExp(
  `第(${NUM})条(之[一二三四五六七八九])?(?:第(?:${NUM})款)?(?:第(?:${NUM})项)?`,
  'g',
);
const BRACKETED = /《([^《》]{1,80})》\s*$/;
const THIS_LAW = /(本法|该法|此法|本条例|该条例)\s*$/;
/** Joiners that let 第四十七条 in 「第四十六条、第四十七条」 inherit the previous citation's law. */
const JOINER = /^\s*[、，,和及与或至到]\s*$/;

/**
 * All article citations in `text`. `knownLaws` (law keys or titles) lets unbracketed names such as
 * 劳动合同法第47条 be recognised; `defaultLaw` resolves 本法 when no law was named before it.
 */
export function findCitations(
  text: string,
  knownLaws: readonly string[] = [],
  defaultLaw: string | null = null,
): FoundCitation[] {
  const out: FoundCitation[] = [];
  const byLength = [...knownLaws].sort((a, b) => b.length - a.length);
  let lastLaw: string | null = null;
  for (const m of text.matchAll(ARTICLE)) {
    const at = m.index;
    const num = parseChineseNumber(m[1]!);
    if (num == null || num === 0) continue;
    const before = text.slice(Math.max(0, at - 90), at);
    let lawName: string | null = null;
    let start = at;
    const br = BRACKETED.exec(before);
    const self = THIS_LAW.exec(before);
    const prev = out[out.length - 1];
    if (br) {
      lawName = br[1]!;
      start = at - br[0].length;
    } else if (self) {
      lawName = lastLaw ?? defaultLaw;
      start = at - self[0].length;
    } else if (prev && JOINER.test(text.slice(prev.end, at))) {
      lawName = prev.lawName;
    } else {
      const name = byLength.find((n) => before.endsWith(n));
      if (name) {
        lawName = name;
        start = at - name.length;
      } else if (/(?:法|法典|条例|规定|解释|办法)\s*$/.test(before)) {
        // A law we do not know, named without brackets: keep the citation so it gets checked.
        const g = /([\u4e00-\u9fff（）()《》〈〉]{2,40}?(?:法|法典|条例|规定|解释|办法))\s*$/.exec(
          before,
        );
        if (g) {
          lawName = g[1]!.replace(
            /^(根据|依据|按照|依照|参照|违反|适用|见|即|如|的|和|及|与)+/,
            '',
          );
          start = at - g[1]!.length + (g[1]!.length - lawName.length);
        }
      }
    }
    if (lawName && !/^(本法|该法|此法|本条例|该条例)$/.test(lawName)) lastLaw = lawName;
    out.push({
      start,
      end: at + m[0].length,
      raw: text.slice(start, at + m[0].length),
      lawName,
      article: num,
      articleSub: parseSub(m[2]),
    });
  }
  return out;
}

/** `《劳动合同法》第四十七条` as the answer writes a citation. */
export function citationText(lawShortName: string, num: number, sub = 0): string {
  return `《${lawShortName}》${articleLabel(num, sub)}`;
}

/** Replaces the given spans (non-overlapping, any order) with `replacement`. */
export function replaceSpans(
  text: string,
  spans: readonly { start: number; end: number }[],
  replacement: string,
): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, s.start) + replacement + out.slice(s.end);
  }
  return out;
}
