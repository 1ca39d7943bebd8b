/**
 * @module The learned artefacts (data/model.json, data/reranker.json) as the code expects them: a
 * schema each, checked when loaded, with the corpus version and training data that built them. A file
 * that does not fit the code stops the load with the reason — never a silently untrained model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FEATURES, MODEL_VERSION, type LearnedModel } from './model.js';
import { RERANK_FEATURES } from './rerank-features.js';
import { Provenance } from './provenance.js';

export class ArtefactError extends Error {}

export { Provenance } from './provenance.js';

const counts = z.record(z.string(), z.number().nonnegative());

export const ModelFile = z.strictObject({
  version: z.literal(MODEL_VERSION),
  note: z.string(),
  trainedOn: Provenance,
  lawPrior: counts,
  articlePrior: counts,
  expansions: z.record(z.string(), z.array(z.string())),
  bridge: z.record(z.string(), z.array(z.tuple([z.string(), z.number()]))),
  weights: z.strictObject(Object.fromEntries(FEATURES.map((f) => [f, z.number()]))),
});

const Net = z.strictObject({
  w: z.array(z.number()),
  W1: z.array(z.array(z.number())),
  b1: z.array(z.number()),
  v: z.array(z.number()),
});

export const RerankerFile = z.strictObject({
  version: z.number().int(),
  note: z.string(),
  trainedOn: Provenance,
  features: z
    .array(z.string())
    .refine(
      (f) => f.join() === RERANK_FEATURES.join(),
      '特征与程序不符（请运行 npm run search:train）',
    ),
  mean: z.array(z.number()).length(RERANK_FEATURES.length),
  std: z.array(z.number()).length(RERANK_FEATURES.length),
  nets: z.array(Net).min(1),
  topicLaw: z.record(z.string(), counts),
});

/** Reads and checks an artefact. @throws ArtefactError naming the file and what does not fit. */
export function readArtefact<S extends z.ZodType>(file: URL, schema: S, what: string): z.infer<S> {
  const name = fileURLToPath(file);
  if (!existsSync(file))
    throw new ArtefactError(`${what}文件不存在：${name}（请运行 npm run search:train）`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ArtefactError(`${what}文件不是有效的 JSON：${name}（${String(e)}）`);
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first?.path.join('.') || '（根）';
    throw new ArtefactError(`${what}文件与程序不符：${name} 的 ${where}：${first?.message ?? ''}`);
  }
  return r.data;
}

export const readModelFile = (file: URL): LearnedModel & { trainedOn: Provenance } =>
  readArtefact(file, ModelFile, '检索模型') as LearnedModel & { trainedOn: Provenance };
