/** @module Test helper: imports a few real statute files from the shared corpus into a test database. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../core/context.js';
import { importCorpus, type ImportReport } from '../laws/importer.js';

/** The shared corpus folder (`../shared/laws` next to the repository), as parseConfig finds it. */
export function sharedLawsDir(): string {
  const dir = path.resolve(process.cwd(), '../shared/laws');
  if (!existsSync(dir)) throw new Error(`法规语料目录不存在：${dir}`);
  return dir;
}

/**
 * Imports the named files (paths relative to the corpus root, e.g. `社会法/劳动合同法(2012-12-28).md`,
 * or all eight `民法典/…` parts for the 民法典) from the shared corpus.
 */
export function importLawFixture(ctx: AppContext, files: string[]): Promise<ImportReport> {
  return importCorpus(ctx, { dir: sharedLawsDir(), only: files });
}

/** The eight 民法典 files, which together are one law. */
export const CIVIL_CODE_FILES = [
  '民法典/总则.md',
  '民法典/物权编.md',
  '民法典/合同编.md',
  '民法典/人格权编.md',
  '民法典/婚姻家庭编.md',
  '民法典/继承编.md',
  '民法典/侵权责任编.md',
  '民法典/附则.md',
];
