/**
 * @module opinion benchmark: letter generation (content from answers + quoted articles + calculations, then
 * the A4 PDF) p95 — target < 300 ms — and PDF size — target < 500 kB. Imports only the statutes the
 * scenarios cite into an in-memory SQLite database. `npm run bench opinion` (OPINION_BENCH_ROUNDS tunes it).
 */
import { createTestContext } from '../src/test/db.js';
import { importOpinionLaws } from '../src/test/opinion.js';
import { SCENARIOS } from '../src/opinion/scenarios/index.js';
import { SAMPLE_ANSWERS } from '../src/opinion/samples.js';
import { buildLetterContent, contentHash } from '../src/opinion/letter.js';
import { renderLetterPdf } from '../src/opinion/letter-pdf.js';
import { figureLookup } from '../src/opinion/service.js';

const ROUNDS = Number(process.env.OPINION_BENCH_ROUNDS ?? 20);

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

export async function run(): Promise<void> {
  const { ctx, close } = await createTestContext();
  await importOpinionLaws(ctx);
  const now = new Date('2025-06-01T08:00:00Z');
  const one = async (i: number, id: string) => {
    const s = SCENARIOS.find((x) => x.id === id)!;
    const t0 = performance.now();
    const content = await buildLetterContent(
      ctx.db,
      s,
      SAMPLE_ANSWERS[id]!,
      await figureLookup(ctx.db),
      {
        now,
        code: `BENCH${String(i).padStart(7, '0')}`,
        baseUrl: 'http://localhost:8080',
      },
    );
    const pdf = await renderLetterPdf(content, contentHash(content));
    return { ms: performance.now() - t0, bytes: pdf.length };
  };
  const t0 = performance.now();
  await one(0, 'labour'); // first letter parses the fonts once per process
  console.log(`first letter (font parse included): ${(performance.now() - t0).toFixed(0)} ms`);
  const times: number[] = [];
  const sizes: Record<string, number> = {};
  for (let r = 0; r < ROUNDS; r++)
    for (const s of SCENARIOS) {
      const x = await one(r, s.id);
      times.push(x.ms);
      sizes[s.id] = Math.max(sizes[s.id] ?? 0, x.bytes);
    }
  const p95 = pct(times, 95);
  const maxKb = Math.max(...Object.values(sizes)) / 1024;
  console.log(
    `letter generation: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${pct(times, 100).toFixed(1)} ms (n=${times.length})`,
  );
  console.log(
    `PDF size by scenario (kB): ${Object.entries(sizes)
      .map(([k, v]) => `${k} ${(v / 1024).toFixed(0)}`)
      .join(', ')}`,
  );
  console.log(
    `targets: p95 < 300 ms ${p95 < 300 ? '✓' : '✗'}; PDF < 500 kB ${maxKb < 500 ? '✓' : '✗'}`,
  );
  await close();
}
