import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serverArgs } from '../test/server-process.js';
import { builtEntry } from './thread-entry.js';

/** Every `startThread(X)` in src/, with the module X names (`const X = new URL('./m.ts', import.meta.url)`). */
function threadModules(): URL[] {
  const out: URL[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        const src = readFileSync(p, 'utf8');
        for (const m of src.matchAll(/startThread\((\w+)/g)) {
          const decl = new RegExp(
            `const ${m[1]} = new URL\\('([^']+)', import\\.meta\\.url\\)`,
          ).exec(src);
          if (decl) out.push(new URL(decl[1]!, pathToFileURL(p)));
        }
      }
    }
  };
  walk('src');
  return out;
}

describe('the built server', () => {
  it('has a bundle entry for every module started as a thread', () => {
    serverArgs();
    const modules = threadModules();
    expect(modules.map((u) => path.basename(u.pathname)).sort()).toEqual([
      'index-worker.ts',
      'search-worker.ts',
      'xlsx-worker.ts',
    ]);
    for (const m of modules) expect(existsSync(builtEntry(m)), m.href).toBe(true);
  });
});
