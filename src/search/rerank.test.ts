import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLawFixture, sharedLawsDir } from '../test/laws-fixture.js';
import { buildUnits, listCorpusFiles } from '../laws/units.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { getSearchEngine } from './engine.js';
import { topK } from './inverted-index.js';
import { combine } from './combine.js';
import { emptyModel, FEATURES, queryFeatures, writeFeatureVector } from './model.js';
import {
  applyReranker,
  loadReranker,
  RERANK_VERSION,
  squash,
  squashSlope,
  type RerankModel,
} from './rerank.js';
import {
  curatedTopicLaws,
  learnTopicLaws,
  RERANK_FEATURES,
  RERANK_WIDTH,
  rerankFeatures,
} from './rerank-features.js';
import { trainReranker, type RerankSample } from './rerank-train.js';
import { Retriever } from './retriever.js';
import { classifyTopic } from './query.js';
import { toSimplified } from './tokenizer.js';
import { TOPICS } from './types.js';

let t: TestApp;
let retriever: Retriever;

beforeAll(async () => {
  t = await createTestApp();
  await importLawFixture(t.ctx, [
    '社会法/劳动合同法(2012-12-28).md',
    '民法商法/消费者权益保护法(2013-10-25).md',
  ]);
  retriever = await (await getSearchEngine(t.ctx)).ready();
}, 120_000);
afterAll(() => t.close());

const col = (name: (typeof RERANK_FEATURES)[number]) => RERANK_FEATURES.indexOf(name);

function featuresFor(question: string) {
  const { ci, li } = retriever;
  const text = toSimplified(question);
  const qf = queryFeatures(ci, li, text);
  const s = combine(ci, li, qf, li.model.weights);
  const top = topK(s, 50).filter((d) => s[d]! > 0);
  // One candidate of another law too (its best article), so the features can be compared across laws.
  const topLaw = ci.articles[top[0]!]!.lawKey;
  const otherDocs = [...ci.articles.keys()].filter((d) => ci.articles[d]!.lawKey !== topLaw);
  const bestOther = otherDocs.reduce((b, d) => (s[d]! > s[b]! ? d : b), otherDocs[0]!);
  const cands = top.includes(bestOther) ? top : [...top, bestOther];
  const context = {
    ...classifyTopic(text),
    topicLaw: { 劳动争议: { 劳动合同法: 1, 劳动法: 0.5 } },
  };
  const feats = rerankFeatures(ci, li, qf, s, cands, text, context);
  const row = (d: number) => {
    const i = cands.indexOf(d);
    return Array.from(feats.subarray(i * RERANK_WIDTH, (i + 1) * RERANK_WIDTH));
  };
  const doc = (law: string, num: number) =>
    cands.find((d) => ci.articles[d]!.lawKey === law && ci.articles[d]!.num === num) ?? -1;
  return { cands, row, doc, context };
}

describe('first-stage score on real statute text', () => {
  it("is the weighted sum of each article's features, the neighbours' votes included", () => {
    const { ri, li } = retriever;
    const text = toSimplified('公司一直不跟我签劳动合同，现在把我辞退了，能要双倍工资和经济补偿吗');
    const qf = queryFeatures(ri, li, text);
    const s = combine(ri, li, qf, li.model.weights);
    const row = new Float32Array(FEATURES.length);
    const knn = [FEATURES.indexOf('knn'), FEATURES.indexOf('knnNear')];
    const off: number[] = [];
    let voted = 0;
    for (let d = 0; d < ri.docCount; d++) {
      writeFeatureVector(ri, li, qf, d, row, 0);
      const want = FEATURES.reduce((sum, f, i) => sum + li.model.weights[f] * row[i]!, 0);
      if (knn.some((i) => row[i]! > 0)) voted++;
      if (Math.abs(s[d]! - want) > 1e-4 * Math.max(1, Math.abs(want))) off.push(d);
    }
    // combine adds knn and knnNear only where the neighbours voted: those articles must be there
    expect(voted).toBeGreaterThan(0);
    expect(off).toEqual([]);
  });
});

describe('second-stage features on real statute text', () => {
  it('sees that an article quoting the question’s wording covers it, and where it stands', () => {
    // 劳动合同法第四十七条's own wording
    const f = featuresFor(
      '经济补偿按劳动者在本单位工作的年限，每满一年支付一个月工资的标准向劳动者支付',
    );
    const d = f.doc('劳动合同法', 47);
    expect(d).toBeGreaterThanOrEqual(0);
    const row = f.row(d);
    expect(row[col('bigramRun')]).toBe(1);
    expect(row[col('coverage')]).toBeGreaterThan(0.9);
    expect(row[col('bigramCoverage')]).toBeGreaterThan(0.9);
    // the best candidate of the best law
    expect(row[col('lawRank')]).toBe(1);
    expect(row[col('rankInLaw')]).toBe(1);
    // an article of the other law covers far less of the question
    const other = f.cands.find((c) => retriever.ci.articles[c]!.lawKey !== '劳动合同法');
    expect(other).toBeDefined();
    expect(f.row(other!)[col('coverage')]).toBeLessThan(0.6);
    // a 劳动争议 question: 劳动合同法 is a core law of the topic, curated and learned
    expect(f.context.topic).toBe('劳动争议');
    expect(row[col('topicLawCurated')]).toBeCloseTo(f.context.confidence, 5);
    expect(row[col('topicLawLearned')]).toBeCloseTo(f.context.confidence, 5);
    expect(f.row(other!)[col('topicLawCurated')]).toBe(0);
    expect(f.row(other!)[col('topicLawLearned')]).toBe(0);
  });

  it('scores every candidate with the network it is given', () => {
    const m: RerankModel = {
      version: RERANK_VERSION,
      note: 'test',
      features: [...RERANK_FEATURES],
      mean: new Array(RERANK_WIDTH).fill(0),
      std: new Array(RERANK_WIDTH).fill(1),
      topicLaw: {},
      nets: [
        {
          w: RERANK_FEATURES.map((n) => (n === 'coverage' ? 2 : 0)),
          W1: [RERANK_FEATURES.map((n) => (n === 'bigramRun' ? 1 : 0))],
          b1: [0],
          v: [3],
        },
      ],
    };
    const row = new Float32Array(RERANK_WIDTH);
    row[col('coverage')] = 0.5;
    row[col('bigramRun')] = 1;
    const [s] = applyReranker(m, row, 1);
    expect(s).toBeCloseTo(2 * 0.5 + 3 * squash(1), 10);
  });

  it('squashes like tanh, with the slope training needs', () => {
    for (let h = -5; h <= 5; h += 0.25) {
      expect(Math.abs(squash(h) - Math.tanh(h))).toBeLessThan(0.03);
      const numeric = (squash(h + 1e-6) - squash(h - 1e-6)) / 2e-6;
      expect(squashSlope(h)).toBeCloseTo(numeric, 5);
    }
  });

  it('refuses, loudly, an artefact trained on other features', () => {
    const file = new URL(`file:///tmp/open12348-reranker-${process.pid}.json`);
    const shipped = loadReranker();
    const m = { ...shipped, version: RERANK_VERSION, features: ['text'] };
    return import('node:fs').then(({ writeFileSync, rmSync }) => {
      writeFileSync(file, JSON.stringify(m));
      expect(() => loadReranker(file)).toThrow(/features：特征与程序不符/);
      rmSync(file);
    });
  });
});

describe('topic → law knowledge', () => {
  it('learns from training questions which laws each topic cites, scaled to the most cited', () => {
    const t = learnTopicLaws([
      { topic: '劳动争议', laws: ['劳动合同法', '劳动合同法'] },
      { topic: '劳动争议', laws: ['劳动合同法', '劳动法'] },
      { topic: '其他', laws: ['民法典'] },
    ]);
    expect(t).toEqual({ 劳动争议: { 劳动合同法: 1, 劳动法: 0.5 } });
  });

  it('names only laws of the real corpus in the curated list', () => {
    const dir = sharedLawsDir();
    const keys = new Set(buildUnits(dir, listCorpusFiles(dir), null).units.map((u) => u.lawKey));
    const topics = ['婚姻家庭', '劳动争议', '交通事故', '民间借贷', '消费维权', '刑事'] as const;
    for (const topic of topics) expect(curatedTopicLaws(topic).size).toBeGreaterThan(0);
    const all = [...TOPICS].flatMap((t) => [...curatedTopicLaws(t)]);
    expect(all.filter((law) => !keys.has(law))).toEqual([]);
  });
});

describe('second-stage training', () => {
  it('learns to put the candidates a hidden rule marks as gold first', () => {
    // Gold is the candidate with the highest coverage × knnTop5 (an interaction a linear sum misses).
    let seed = 3;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const make = (id: number): RerankSample => {
      const n = 40;
      const feats = new Float32Array(n * RERANK_WIDTH);
      let best = 0;
      let bestV = -1;
      for (let i = 0; i < n; i++) {
        for (let f = 0; f < RERANK_WIDTH; f++) feats[i * RERANK_WIDTH + f] = rnd();
        const v =
          feats[i * RERANK_WIDTH + col('coverage')]! * feats[i * RERANK_WIDTH + col('knnTop5')]!;
        if (v > bestV) [best, bestV] = [i, v];
      }
      const keys = Array.from({ length: n }, (_, i) => `法#${i}`);
      return { id, keys, feats, gold: new Set([`法#${best}`]) };
    };
    const train = Array.from({ length: 200 }, (_, i) => make(i));
    const test = Array.from({ length: 50 }, (_, i) => make(1000 + i));
    const m = trainReranker(train, {
      hidden: 8,
      epochs: 15,
      learningRate: 0.01,
      l2: 1e-4,
      seeds: [1],
      keepTop: 40,
      sampleRest: 0,
    });
    let top1 = 0;
    for (const s of test) {
      const sc = applyReranker(m, s.feats, s.keys.length);
      const best = [...sc.keys()].sort((a, b) => sc[b]! - sc[a]!)[0]!;
      if (s.gold.has(s.keys[best]!)) top1++;
    }
    // chance is 1/40; a model that learned the rule gets most of them
    expect(top1 / test.length).toBeGreaterThan(0.6);
  });
});

describe('retriever with a second stage', () => {
  it('keeps direct references first and every score positive, the best at 1', () => {
    const r = new Retriever(retriever.ci, retriever.li.model, retriever.reranker);
    const ranked = r.rank('劳动合同法第47条 公司辞退我要给经济补偿吗', 10);
    expect(ranked[0]).toMatchObject({ direct: true });
    const rest = ranked.filter((x) => !x.direct);
    expect(rest.length).toBeGreaterThan(3);
    for (const x of rest) expect(x.score).toBeGreaterThan(0);
    expect(retriever.reranker).not.toBeNull();
    expect(rest[0]!.score).toBe(1);
  });

  it('leaves the second stage out when SEARCH_SECOND_STAGE is off', async () => {
    const off = await createTestApp({ SEARCH_SECOND_STAGE: 'false' });
    try {
      await importLawFixture(off.ctx, ['社会法/劳动合同法(2012-12-28).md']);
      const r = await (await getSearchEngine(off.ctx)).ready();
      expect(r.reranker).toBeNull();
      expect(retriever.reranker).not.toBeNull();
    } finally {
      await off.close();
    }
  }, 60_000);

  it('ranks with the first stage alone when no second stage is loaded', () => {
    const r = new Retriever(retriever.ci, emptyModel());
    expect(r.reranker).toBeNull();
    expect(r.rank('用人单位拖欠工资', 5).length).toBe(5);
  });
});
