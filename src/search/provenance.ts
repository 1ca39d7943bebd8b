/** @module The provenance record every learned artefact carries (read by artefacts.ts, typed in model.ts). */
import { z } from 'zod';

/** What built an artefact: the corpus, the training questions (file digest and how many), the examples. */
export const Provenance = z.strictObject({
  /** The corpus version (laws area) the artefact was trained over; null: not recorded at the time. */
  corpusVersion: z.string().min(1).nullable(),
  questions: z.strictObject({
    source: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    count: z.number().int().nonnegative(),
  }),
  examples: z.number().int().nonnegative(),
  trainedAt: z.string().min(10),
  /** Anything a reader should know (e.g. that the record was added after training). */
  remark: z.string().optional(),
});
export type Provenance = z.infer<typeof Provenance>;
