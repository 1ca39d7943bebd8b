/**
 * Demo mode's report year: the statistics page and the figures endpoint, counting from the seeded rows,
 * give the seed report's figures (2,138 under 承诺制 = 837 承诺书 + 1,301 免予审查; 91 容缺; 318 点援;
 * 384 名优; 2,840.9 万元).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed.js';
import { createTestApp, type TestApp } from '../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ DEMO_MODE: 'true' });
  t.clock.set('2026-03-02T02:00:00Z');
  await seedDemo(t.ctx, { info: () => undefined });
});
afterAll(() => t.close());

describe('demo report year', () => {
  it('reproduces the report figures on the statistics page and in the figures', async () => {
    const admin = await t.signIn('admin');
    const range = 'from=2025-01-01&to=2025-12-31';
    const dash = (
      await t.request({ method: 'GET', url: `/api/v1/stats/dashboard?${range}`, session: admin })
    ).json();
    const aid = dash.sections.find((s: { key: string }) => s.key === 'aid');
    const m = (k: string) => aid.metrics.find((x: { key: string }) => x.key === k).value;
    expect(['received', 'underCommitment', 'commitment', 'exempt', 'proof'].map(m)).toEqual([
      2138, 2138, 837, 1301, 0,
    ]);
    expect(['tolerant', 'pointChoice', 'famousLawyer', 'economicAmountWan'].map(m)).toEqual([
      91, 318, 384, 2840.9,
    ]);
    const f = (
      await t.request({ method: 'GET', url: `/api/v1/aid/figures?${range}`, session: admin })
    ).json();
    expect(f.economicAmount).toBe(28_409_000);
    // One category per case, in turn over six: 2,138 = 6 × 356 + 2.
    expect(f.byGroup.map((g: { count: number }) => g.count)).toEqual([
      357, 357, 356, 356, 356, 356,
    ]);
    expect(f.byAgency.reduce((s: number, a: { received: number }) => s + a.received, 0)).toBe(2138);
  });
});
