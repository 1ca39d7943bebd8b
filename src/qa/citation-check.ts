/**
 * @module Checking a model's text sentence by sentence before anyone reads it: every article it cites
 * must exist (law, article, 之一, 款, 项), be one of the articles the model was given, and any text it
 * quotes as the article's must be the article's. Whatever fails is cut out and reported, so no
 * citation the corpus does not back reaches a citizen's screen.
 */
import { paragraphsOf } from '../kb/check.js';
import type { Citation, RemovedCitation } from './answer.js';
import {
  canonicalArticlePart,
  findCitations,
  type CitationState,
  type FoundCitation,
} from './citations.js';
import { toCitation } from './compose.js';
import type { CorpusArticle, CorpusLookup } from './corpus.js';
import { toSimplified } from './locale.js';
import { bigrams } from '../core/text.js';

export const REMOVED_MARK = '〔引用未核实，已删除〕';
export const MISQUOTE_MARK = '〔引文与条文原文不符，已删除〕';

export interface CheckedText {
  text: string;
  citations: Citation[];
  removed: RemovedCitation[];
}

export interface CheckerOptions {
  lookup: CorpusLookup;
  /** Law keys and titles, for unbracketed names (劳动合同法第47条). */
  lawNames: readonly string[];
  /** `law#num#sub` of the articles the model was given; null accepts any existing article. */
  allowed: ReadonlySet<string> | null;
  /** The law 本法 means before any law is named. */
  defaultLaw: string | null;
}

export const allowedKey = (law: string, num: number, sub: number) => `${law}#${num}#${sub}`;

const QUOTE = /[“「『"]([^“”「」『』"]{2,400})[”」』"]/g;
/** What may stand between a citation and the quotation it introduces: 规定：, 明确规定， … */
const QUOTE_LEAD = /^[^。；！？“「『"]{0,16}$/;
const PUNCT = /[\s，。、；：！？,.;:!?“”「」『』（）()《》〈〉…—·\-"']/g;

/** Text reduced to what a quotation must share with the article (punctuation and spaces dropped). */
const bare = (s: string) => s.replace(PUNCT, '');

/**
 * Whether `quote` is the article's text: each part between ellipses appears in it, allowing a
 * character or two of slack (的, 应/应当) but not a sentence the article does not contain.
 */
export function quoteMatches(quote: string, articleText: string): boolean {
  const article = bare(articleText);
  const have = new Set(bigrams(article));
  const parts = quote
    .split(/……|…|\.\.\./)
    .map(bare)
    .filter((p) => p.length >= 2);
  if (parts.length === 0) return true;
  return parts.every((p) => {
    if (article.includes(p)) return true;
    const bs = bigrams(p);
    return bs.length >= 4 && bs.filter((b) => have.has(b)).length / bs.length >= 0.9;
  });
}

/** Why a found citation is not backed, or null when it is (with the article it names). */
async function verify(
  f: FoundCitation,
  o: CheckerOptions,
): Promise<{ reason: RemovedCitation['reason'] } | { article: CorpusArticle }> {
  if (f.article === null || f.articleSub < 0) return { reason: 'number_unreadable' };
  const law = f.lawName ? await o.lookup.resolveLaw(f.lawName) : null;
  if (!law) return { reason: 'law_not_found' };
  const article = await o.lookup.article(law, f.article, f.articleSub);
  if (!article) return { reason: 'article_not_found' };
  const paras = paragraphsOf(article.text);
  if (f.paragraph !== null && (f.paragraph < 1 || f.paragraph > paras.length))
    return { reason: 'paragraph_not_found' };
  if (f.item !== null) {
    const scope = f.paragraph !== null ? [paras[f.paragraph - 1]!] : paras;
    const items = scope.join('\n').match(/^[（(][一二三四五六七八九十]+[）)]/gm)?.length ?? 0;
    if (f.item < 1 || f.item > items) return { reason: 'item_not_found' };
  }
  if (o.allowed && !o.allowed.has(allowedKey(law, f.article, f.articleSub)))
    return { reason: 'outside_context' };
  return { article };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Checks text one sentence at a time, carrying 本法's law from one sentence to the next. */
export class CitationChecker {
  private readonly state: CitationState = { lastLaw: null };
  private readonly seen = new Set<string>();
  readonly citations: Citation[] = [];
  readonly removed: RemovedCitation[] = [];

  constructor(private readonly o: CheckerOptions) {}

  /** The sentence as the citizen may read it (simplified), with what was cut recorded. */
  async check(sentence: string): Promise<string> {
    const text = toSimplified(sentence);
    const found = findCitations(text, this.o.lawNames, this.o.defaultLaw, this.state);
    const edits: Edit[] = [];
    const backed = new Map<FoundCitation, CorpusArticle>();
    for (const f of found) {
      const r = await verify(f, this.o);
      if ('reason' in r) {
        this.removed.push({ text: f.raw, reason: r.reason });
        edits.push({ start: f.start, end: f.end, text: REMOVED_MARK });
        continue;
      }
      backed.set(f, r.article);
      this.keep(r.article);
      const canonical = canonicalArticlePart(f);
      if (text.slice(f.articleStart, f.end) !== canonical)
        edits.push({ start: f.articleStart, end: f.end, text: canonical });
    }
    for (const q of text.matchAll(QUOTE)) {
      const start = q.index;
      const end = start + q[0].length;
      const cited = [...found].reverse().find((f) => f.end <= start);
      if (!cited || !QUOTE_LEAD.test(text.slice(cited.end, start))) continue;
      const article = backed.get(cited);
      if (article && quoteMatches(q[1]!, article.text)) continue;
      this.removed.push({ text: q[0], reason: 'misquoted' });
      // The quotation replaces anything inside it (a citation quoted within the quotation).
      for (let i = edits.length - 1; i >= 0; i--)
        if (edits[i]!.start >= start && edits[i]!.end <= end) edits.splice(i, 1);
      edits.push({ start, end, text: MISQUOTE_MARK });
    }
    return applyEdits(text, edits);
  }

  private keep(a: CorpusArticle): void {
    const key = allowedKey(a.law, a.article, a.articleSub);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.citations.push(toCitation(a));
  }
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Checks a whole text (a model that answered in one piece) through the same sentence path. */
export async function checkText(text: string, o: CheckerOptions): Promise<CheckedText> {
  const checker = new CitationChecker(o);
  const buffer = new SentenceBuffer();
  let out = '';
  for (const s of [...buffer.push(text), buffer.flush()]) if (s) out += await checker.check(s);
  return { text: out, citations: checker.citations, removed: checker.removed };
}

const END = new Set(['。', '！', '？', '!', '?', '；', ';', '\n']);
const OPEN = new Set(['“', '「', '『']);
const CLOSE = new Set(['”', '」', '』']);
/** Past this a sentence is let go at a comma, so a model that never ends one cannot hold the screen. */
const LONG = 300;

/**
 * Cuts streamed text into sentences: at 。！？； and line ends outside quotation marks, so that a
 * citation (or a quotation) is never split between two checks.
 */
export class SentenceBuffer {
  private buf = '';
  private depth = 0;
  private ascii = false;
  private scanned = 0;

  push(piece: string): string[] {
    this.buf += piece;
    const out: string[] = [];
    let cut = 0;
    const chars = [...this.buf];
    let offset = 0;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const at = offset;
      offset += ch.length;
      if (at < this.scanned) continue;
      if (OPEN.has(ch)) this.depth++;
      else if (CLOSE.has(ch)) this.depth = Math.max(0, this.depth - 1);
      else if (ch === '"') this.ascii = !this.ascii;
      const outside = this.depth === 0 && !this.ascii;
      const long = offset - cut > LONG && (ch === '，' || ch === ',');
      if ((outside && END.has(ch)) || (outside && long) || offset - cut > LONG * 2) {
        out.push(this.buf.slice(cut, offset));
        cut = offset;
      }
    }
    this.buf = this.buf.slice(cut);
    this.scanned = this.buf.length;
    return out;
  }

  /** What is left when the stream ends. */
  flush(): string {
    const rest = this.buf;
    this.buf = '';
    this.scanned = 0;
    this.depth = 0;
    this.ascii = false;
    return rest;
  }
}
