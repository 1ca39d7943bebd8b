/**
 * @module Finding article citations in free text (《劳动合同法》第四十七条, 本法第三十条, 民法典第1079条,
 * …第四十六条、第四十七条) with their positions, so generated text can be checked against the corpus and
 * a citation that does not exist removed.
 */
import { articleLabel, parseChineseNumber, toChineseNumber } from '../core/numerals.js';

export interface FoundCitation {
  /** Offsets of the whole citation in the text (law name included when it is written). */
  start: number;
  end: number;
  raw: string;
  /** Where the article part (第…条…) starts; `text.slice(start, articleStart)` is the law as written. */
  articleStart: number;
  /** The law as written, without 《》; null for 本法/该法 that could not be resolved. */
  lawName: string | null;
  /** The article number; null when it cannot be read (第零条, 第四七十条): such a citation is removed. */
  article: number | null;
  articleSub: number;
  /** 第N款 and 第N项 when the citation names them. */
  paragraph: number | null;
  item: number | null;
}

/** What a checker carries from one sentence to the next (本法 after a law named earlier). */
export interface CitationState {
  lastLaw: string | null;
}

const D = '[零〇一二两三四五六七八九十百千0-9０-９]';
const NUM = `${D}(?:\\s*${D})*`;
/**
 * 第四十七条, 第 四十七 条, 第47條, 第４７条, 47条 (digits only, when a law is named just before), with
 * 之一, 第二款 and 第三项 / （三）.
 */
const ARTICLE = new RegExp(
  `(?:第\\s*(${NUM})|(?<![第0-9０-９])([0-9０-９]+))\\s*[条條]` +
    `(?:\\s*之\\s*([一二三四五六七八九十0-9]+))?` +
    `(?:\\s*第\\s*(${NUM})\\s*款)?` +
    `(?:\\s*(?:第\\s*[（(]?\\s*(${NUM})\\s*[）)]?\\s*[项項]|[（(]\\s*([一二三四五六七八九十]+)\\s*[）)]))?`,
  'g',
);
const BRACKETED = /《([^《》]{1,80})》\s*$/;
const THIS_LAW = /(本法|该法|此法|本条例|该条例)\s*$/;
/** Joiners that let 第四十七条 in 「第四十六条、第四十七条」 inherit the previous citation's law. */
const JOINER = /^\s*[、，,和及与或至到]\s*$/;
const LEADING_VERBS = /^(根据|依据|按照|依照|参照|违反|适用|见|即|如|的|和|及|与)+/;

interface LawPart {
  lawName: string | null;
  start: number;
  /** True when a law is written right before the article (not inherited through a joiner). */
  named: boolean;
}

/** The law a citation at `at` names: 《…》, 本法, a joiner after the previous citation, or a bare name. */
function lawBefore(
  text: string,
  at: number,
  prev: FoundCitation | undefined,
  byLength: readonly string[],
  lastLaw: string | null,
): LawPart {
  const before = text.slice(Math.max(0, at - 90), at);
  const br = BRACKETED.exec(before);
  if (br) return { lawName: br[1]!, start: at - br[0].length, named: true };
  const self = THIS_LAW.exec(before);
  if (self) return { lawName: lastLaw, start: at - self[0].length, named: true };
  if (prev && JOINER.test(text.slice(prev.end, at)))
    return { lawName: prev.lawName, start: at, named: false };
  const name = byLength.find((n) => before.endsWith(n));
  if (name) return { lawName: name, start: at - name.length, named: true };
  if (/(?:法|法典|条例|规定|解释|办法)\s*$/.test(before)) {
    // A law we do not know, named without brackets: keep the citation so it gets checked.
    const g = /([\u4e00-\u9fff（）()《》〈〉]{2,40}?(?:法|法典|条例|规定|解释|办法))\s*$/.exec(
      before,
    );
    if (g) {
      const lawName = g[1]!.replace(LEADING_VERBS, '');
      return { lawName, start: at - lawName.length, named: true };
    }
  }
  return { lawName: null, start: at, named: false };
}

const numberOrNull = (raw: string | undefined): number | null =>
  raw === undefined ? null : parseChineseNumber(raw);

/**
 * All article citations in `text`. `knownLaws` (law keys or titles) lets unbracketed names such as
 * 劳动合同法第47条 be recognised; `defaultLaw` resolves 本法 when no law was named before it; `state`
 * carries the last named law from one sentence to the next.
 */
export function findCitations(
  text: string,
  knownLaws: readonly string[] = [],
  defaultLaw: string | null = null,
  state: CitationState = { lastLaw: null },
): FoundCitation[] {
  const out: FoundCitation[] = [];
  const byLength = [...knownLaws].sort((a, b) => b.length - a.length);
  for (const m of text.matchAll(ARTICLE)) {
    const at = m.index;
    const law = lawBefore(text, at, out[out.length - 1], byLength, state.lastLaw ?? defaultLaw);
    // 47条 without 第 is a citation only right after a law's name (else: 共3条, 以下2条).
    if (m[2] !== undefined && !law.named) continue;
    const num = numberOrNull(m[1] ?? m[2]);
    if (law.lawName && !/^(本法|该法|此法|本条例|该条例)$/.test(law.lawName))
      state.lastLaw = law.lawName;
    out.push({
      start: law.start,
      end: at + m[0].length,
      raw: text.slice(law.start, at + m[0].length),
      articleStart: at,
      lawName: law.lawName,
      article: num === 0 ? null : num,
      articleSub: m[3] ? (parseChineseNumber(m[3]) ?? -1) : 0,
      paragraph: numberOrNull(m[4]),
      item: numberOrNull(m[5] ?? m[6]),
    });
  }
  return out;
}

/** 第四十七条第二款第三项 as a statute would print it. */
export function canonicalArticlePart(c: FoundCitation): string {
  const p = c.paragraph ? `第${toChineseNumber(c.paragraph)}款` : '';
  const i = c.item ? `第（${toChineseNumber(c.item)}）项` : '';
  return `${articleLabel(c.article ?? 0, Math.max(0, c.articleSub))}${p}${i}`;
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
