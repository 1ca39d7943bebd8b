/** @module `npm start` does not rebuild the web app when nothing under web/ changed (the build stamp). */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ensureWebBuilt } from './harness';

describe('the web build', () => {
  it('skips an up-to-date build and leaves dist/web as it was', () => {
    ensureWebBuilt();
    const before = statSync('dist/web/index.html').mtimeMs;
    const stamp = readFileSync('dist/web/.build-stamp', 'utf8');
    const r = spawnSync(process.execPath, ['scripts/build-web.mjs'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('dist/web is up to date');
    expect(statSync('dist/web/index.html').mtimeMs).toBe(before);
    expect(stamp).toMatch(/^[0-9a-f]{64}$/);
  });
});
