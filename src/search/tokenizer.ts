/**
 * @module Chinese tokenization for statute text and lay questions: 繁体 → 简体 (opencc-js), jieba
 * search-mode words with a user dictionary of the corpus' own terms, stopwords, and character bigrams.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { bigrams, halfWidth, toSimplified as toSimplifiedText } from '../core/text.js';

const DATA = new URL('./data/', import.meta.url);

/** Function words that carry no retrieval signal in questions or statutes. */
export const STOPWORDS = new Set(
  (
    '的 了 是 在 我 你 他 她 它 们 我们 你们 他们 吗 呢 吧 啊 呀 么 嘛 哦 和 与 或 及 或者 以及 等 其 该 此 ' +
    '这 那 这个 那个 这些 那些 这样 那样 被 把 对 为 从 由 将 就 都 也 还 又 而 但 但是 如果 因为 所以 ' +
    '怎么 怎么办 怎样 什么 如何 为什么 哪些 哪个 多少 是否 能否 可否 请问 一下 一个 一些 有 有没有 没有 ' +
    '要 会 能 可以 应该 需要 自己 个 之 于 以 所 着 过 给 让 向 到 上 下 中 后 前 时 时候 已经 现在 ' +
    '情况 问题 怎么样 咨询 想 想问 知道 请 谢谢 您好 你好 吗？'
  ).split(/\s+/),
);

const HAN_OR_ALNUM = /[\p{Script=Han}A-Za-z0-9]/u;
/** Search reads text as 简体 with half-width digits and letters (第４７條 is 第47条). */
export const toSimplified = (text: string): string => toSimplifiedText(halfWidth(text));

let jieba: Jieba | null = null;

/**
 * The curated statute terms (legal-terms.txt, kept by hand) and the corpus dictionary
 * (userdict.txt, written by `npm run search:train`), one `word freq tag` a line.
 */
function userDict(): string {
  return ['legal-terms.txt', 'userdict.txt']
    .map((f) => new URL(f, DATA))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

/**
 * The process-wide segmenter: jieba's default dictionary plus the corpus terms. jieba and its
 * dictionary are loaded on first use: a search thread, sent the words, never loads them.
 */
export function segmenter(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    // The dictionary file itself, not `@node-rs/jieba/dict.js`: that module reads idf.txt too and
    // keeps both (11 MB) in the module cache for the life of the process.
    jieba = JiebaClass.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
    const extra = userDict();
    if (extra) jieba.loadDict(Buffer.from(extra));
  }
  return jieba;
}

/** Whether this thread has loaded the segmenter (a search thread should not have). */
export const segmenterLoaded = (): boolean => jieba !== null;

/** Adds words at run time (tests, or terms a caller knows); affects later tokenization only. */
export function addWords(words: Iterable<string>, freq = 20000): void {
  const lines = [...words].filter((w) => w.length > 1).map((w) => `${w} ${freq} n`);
  if (lines.length) segmenter().loadDict(Buffer.from(lines.join('\n')));
}

/** jieba search-mode words of `text` (already simplified), without punctuation and stopwords. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const w of segmenter().cutForSearch(text, true)) {
    if (!HAN_OR_ALNUM.test(w) || STOPWORDS.has(w)) continue;
    out.push(w.toLowerCase());
  }
  return out;
}

export { bigramKeys, bigrams } from '../core/text.js';

/** Query-side analysis: simplify, then words and bigrams. */
export function analyze(text: string): { simplified: string; words: string[]; bigrams: string[] } {
  const simplified = toSimplified(text);
  return { simplified, words: words(simplified), bigrams: bigrams(simplified) };
}
