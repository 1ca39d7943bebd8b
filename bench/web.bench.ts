/**
 * @module First-page benchmark of the citizen app: cold loads of `/` in Debian's chromium over Chromium's
 * network throttling with the "Slow 4G" preset values (562.5 ms latency, 180 000 B/s down, 84 375 B/s up;
 * DevTools' preset), served by the real app; plus the gzipped JavaScript the first page needs.
 * Targets (issue 5): tiles visible < 1.5 s, first-page JS ≤ 250 kB gzipped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, PHONE, startApp } from '../e2e/harness.js';

export const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: 180_000,
  uploadThroughput: 84_375,
};
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Gzipped size (level 9, as a server's static pre-compression would do) of a file under dist/web. */
function gzSize(urlPath: string): number {
  return gzipSync(readFileSync(path.join('dist/web', urlPath)), { level: 9 }).length;
}

export async function run(): Promise<void> {
  const server = await startApp();
  const browser = await launchChromium();
  const samples: { tiles: number; fcp: number; load: number; bytes: number }[] = [];
  let scripts: string[] = [];
  const wire: string[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      // WEB_BENCH_NET=off measures the same loads unthrottled (to tell network time from CPU time).
      if (process.env.WEB_BENCH_NET !== 'off')
        await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      let bytes = 0;
      const urls = new Map<string, string>();
      cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => {
        urls.set(e.requestId, new URL(e.request.url).pathname);
      });
      cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
        bytes += e.encodedDataLength;
        if (i === 0) wire.push(`${urls.get(e.requestId)} ${e.encodedDataLength} B`);
      });
      const seen: string[] = [];
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script') seen.push(new URL(r.url()).pathname);
      });
      const t0 = Date.now();
      await page.goto(server.url, { waitUntil: 'commit' });
      await page.locator('[data-test="tile-qa"]').waitFor();
      const tiles = Date.now() - t0;
      await page.waitForLoadState('load');
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        return { fcp: fcp?.startTime ?? NaN, load: nav.loadEventEnd };
      });
      samples.push({ tiles, ...timing, bytes });
      scripts = seen;
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const js = [...new Set(scripts)].map((p) => ({ p, gz: gzSize(p) }));
  const jsGz = js.reduce((s, f) => s + f.gz, 0);
  console.log(
    `network: Slow 4G preset ${JSON.stringify(SLOW_4G)}, cache disabled, ${RUNS} cold loads`,
  );
  console.log(
    `tiles visible (navigation → home tiles on screen): median ${median(samples.map((s) => s.tiles))} ms  [target < 1500]`,
  );
  console.log(`first contentful paint: median ${Math.round(median(samples.map((s) => s.fcp)))} ms`);
  console.log(`load event: median ${Math.round(median(samples.map((s) => s.load)))} ms`);
  console.log(
    `bytes on the wire for the first page: median ${median(samples.map((s) => s.bytes))}`,
  );
  console.log(`requests of the first load (bytes on the wire):\n  ${wire.join('\n  ')}`);
  for (const f of js) console.log(`  js ${f.p}: ${f.gz} B gzipped`);
  console.log(`first-page JavaScript: ${(jsGz / 1000).toFixed(1)} kB gzipped  [target ≤ 250 kB]`);
}
