/** @module The learned artefacts are checked when loaded: what built them is recorded, a misfit stops the load. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ArtefactError } from './artefacts.js';
import { loadModel } from './engine.js';
import { MODEL_VERSION } from './model.js';
import { loadReranker } from './rerank.js';

const work = mkdtempSync(path.join(tmpdir(), 'artefacts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function variant(name: string, from: string, change: (m: Record<string, unknown>) => void): URL {
  const m = JSON.parse(readFileSync(new URL(from, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
  change(m);
  const file = path.join(work, name);
  writeFileSync(file, JSON.stringify(m));
  return pathToFileURL(file);
}

describe('learned artefacts', () => {
  it('record the training data that built them', () => {
    const m = loadModel();
    const r = loadReranker();
    for (const p of [m.trainedOn!, r.trainedOn!]) {
      expect(p.questions.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(p.questions.count).toBeGreaterThan(900);
      expect(p.questions.source).toContain('stard-train');
    }
    expect(m.version).toBe(MODEL_VERSION);
    expect(Object.keys(m.expansions).length).toBeGreaterThan(500);
  });

  it('stop the load, naming the file and the field, when they do not fit the code', () => {
    const wrongVersion = variant('v.json', './data/model.json', (m) => (m.version = 1));
    expect(() => loadModel(wrongVersion)).toThrow(ArtefactError);
    expect(() => loadModel(wrongVersion)).toThrow(/v\.json 的 version/);
    const noRecord = variant('n.json', './data/model.json', (m) => delete m.trainedOn);
    expect(() => loadModel(noRecord)).toThrow(/trainedOn/);
    const badWeights = variant('w.json', './data/model.json', (m) => {
      (m.weights as Record<string, unknown>).text = 'one';
    });
    expect(() => loadModel(badWeights)).toThrow(/weights\.text/);
    expect(() => loadModel(pathToFileURL(path.join(work, 'missing.json')))).toThrow(/不存在/);
    const net = variant('r.json', './data/reranker.json', (m) => (m.nets = []));
    expect(() => loadReranker(net)).toThrow(/nets/);
  });
});
