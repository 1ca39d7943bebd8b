/**
 * @module Renders one sample letter per scenario to PDF and its first page to a small PNG in docs/letters/
 * (pdftoppm from poppler-utils). `npx tsx scripts/render-letters.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestContext } from '../src/test/db.js';
import { importOpinionLaws } from '../src/test/opinion.js';
import { SCENARIOS } from '../src/opinion/scenarios/index.js';
import { SAMPLE_ANSWERS } from '../src/opinion/samples.js';
import { buildLetterContent, contentHash } from '../src/opinion/letter.js';
import { renderLetterPdf } from '../src/opinion/letter-pdf.js';
import { figureLookup } from '../src/opinion/service.js';

const OUT = path.resolve('docs/letters');

const { ctx, close } = await createTestContext();
await importOpinionLaws(ctx);
mkdirSync(OUT, { recursive: true });
const tmp = mkdtempSync(path.join(tmpdir(), 'letters-'));
for (const [i, s] of SCENARIOS.entries()) {
  const content = await buildLetterContent(
    ctx.db,
    s,
    SAMPLE_ANSWERS[s.id]!,
    await figureLookup(ctx.db),
    {
      now: new Date('2025-06-01T08:00:00Z'),
      code: `SAMPLE${String(i + 1).padStart(6, '0')}`,
      baseUrl: 'http://localhost:8080',
    },
  );
  const pdf = path.join(tmp, `${s.id}.pdf`);
  writeFileSync(pdf, await renderLetterPdf(content, contentHash(content)));
  // First page only, 60 dpi grey: legible in a README, a few tens of kB.
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-gray',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    path.join(OUT, s.id),
  ]);
  console.log(`${s.id}.png ${(statSync(path.join(OUT, `${s.id}.png`)).size / 1024).toFixed(0)} kB`);
}
await close();
