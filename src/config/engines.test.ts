/** @module Every installed package supports the Node.js this project runs on (no EBADENGINE at npm install). */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
}

describe('package-lock.json', () => {
  it('holds no package whose engines exclude the running Node.js', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, LockEntry>;
    };
    const own = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    expect(semver.satisfies(process.versions.node, own.engines.node)).toBe(true);
    const refused = Object.entries(lock.packages)
      .filter(([p, e]) => p !== '' && e.engines && !Array.isArray(e.engines) && e.engines.node)
      .filter(([, e]) => {
        const range = (e.engines as { node: string }).node;
        return !semver.satisfies(process.versions.node, range, { includePrerelease: true });
      })
      .map(([p, e]) => `${p}@${e.version ?? '?'}`);
    expect(refused).toEqual([]);
  });
});
