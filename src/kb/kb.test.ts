/**
 * The shipped knowledge base against the real corpus: every key article exists and is in force, every
 * 款 named exists, every number and deadline an explanation or a step states is stated by the articles
 * it cites; coverage of the 13 topics; phrasings written fresh (no near-copy of a STARD or everyday-set
 * question). Also the check itself on entries built to fail.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../core/context.js';
import { corpusLookup } from '../qa/corpus.js';
import { loadEverydaySet } from '../qa/everyday.js';
import { bigrams, toSimplified } from '../search/tokenizer.js';
import { TOPICS } from '../search/types.js';
import { createTestContext } from '../test/db.js';
import { importLawFixture, sharedLawsDir } from '../test/laws-fixture.js';
import { checkIssues } from './check.js';
import { shippedIssues } from './files.js';
import type { IssueContent } from './schema.js';
import { importKbLaws } from '../test/kb.js';

let ctx: AppContext;
let close: () => Promise<void>;
const issues = shippedIssues();
/** Repealed in the corpus (its status fix). */
const REPEALED = '最高人民法院关于审理劳动争议案件适用法律若干问题的解释（二）';

beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  await importKbLaws(ctx);
  await importLawFixture(ctx, [`司法解释/${REPEALED}(2006-08-14).md`]);
}, 120_000);
afterAll(() => close());

const sample = (over: Partial<IssueContent>): IssueContent => ({
  ...issues.find((i) => i.id === 'labour-dismissal-compensation')!,
  id: 'test-entry',
  explanation: '公司没有合法理由辞退劳动者的，属于违法解除劳动合同。劳动者可以要求公司支付赔偿金。',
  steps: [{ text: '保留劳动合同和辞退通知等证据。' }],
  clarify: undefined,
  ...over,
});

describe('the shipped knowledge base', () => {
  it('is backed by the corpus: articles in force, 款 that exist, every number stated by its articles', async () => {
    const problems = await checkIssues(issues, corpusLookup(ctx));
    expect(problems).toEqual([]);
  });

  it('covers at least 300 issues across all 13 topics, weighted to what citizens ask most', () => {
    expect(issues.length).toBeGreaterThanOrEqual(300);
    const per = new Map<string, number>();
    for (const i of issues) per.set(i.topic, (per.get(i.topic) ?? 0) + 1);
    for (const t of TOPICS) expect(per.get(t) ?? 0, t).toBeGreaterThanOrEqual(10);
    expect(per.get('劳动争议')).toBeGreaterThanOrEqual(40);
    expect(per.get('婚姻家庭')).toBeGreaterThanOrEqual(30);
    expect(issues.every((i) => i.phrasings.length >= 5)).toBe(true);
  });

  it('has phrasings written fresh: none is a near-copy of a STARD training or everyday-set question', () => {
    const grams = (s: string) => new Set(bigrams(toSimplified(s)).filter((b) => b.length === 2));
    const jaccard = (a: Set<string>, b: Set<string>) => {
      let n = 0;
      for (const x of a) if (b.has(x)) n++;
      return n / (a.size + b.size - n || 1);
    };
    const stard = readFileSync(
      path.join(sharedLawsDir(), '../datasets/stard-train/queries.jsonl'),
      'utf8',
    )
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { question: string }).question);
    const others = [...stard, ...loadEverydaySet().map((q) => q.question)].map(grams);
    const copies = issues.flatMap((i) =>
      i.phrasings.filter((p) => {
        const g = grams(p);
        return others.some((o) => jaccard(g, o) >= 0.8);
      }),
    );
    expect(copies).toEqual([]);
  });
});

describe('the corpus check', () => {
  it('refuses an article that does not exist, a missing 款, a repealed law and an unbacked deadline', async () => {
    const bad = [
      sample({ id: 'test-missing', articles: [{ law: '劳动合同法', article: 999 }] }),
      sample({ id: 'test-repealed', articles: [{ law: REPEALED, article: 1 }] }),
      sample({
        id: 'test-paragraph',
        articles: [{ law: '劳动合同法', article: 87, paragraphs: [3] }],
      }),
      sample({
        id: 'test-number',
        explanation: '公司违法解除劳动合同的，要按经济补偿标准的三倍支付赔偿金。请保留好证据。',
        articles: [{ law: '劳动合同法', article: 87 }],
      }),
    ];
    const codes = (await checkIssues(bad, corpusLookup(ctx))).map((p) => `${p.issue}:${p.code}`);
    expect(codes).toEqual([
      'test-missing:article_missing',
      'test-repealed:article_not_in_force',
      'test-paragraph:paragraph_missing',
      'test-number:number_unbacked',
    ]);
  });

  it('refuses a clarifying option that names no issue and an explanation of one sentence', async () => {
    const bad = sample({
      explanation: '公司违法解除劳动合同的，劳动者可以要求公司支付赔偿金',
      clarify: {
        question: '您是否还在试用期内？',
        options: [
          { label: '是', issue: 'no-such-issue' },
          { label: '否', issue: 'test-entry' },
        ],
      },
    });
    const codes = (await checkIssues([bad], corpusLookup(ctx))).map((p) => p.code);
    expect(codes).toEqual(['sentences', 'clarify_unknown_issue']);
  });
});
