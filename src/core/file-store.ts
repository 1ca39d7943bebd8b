/**
 * @module Uploaded files that exist only with their database row. A file is written under a temporary
 * name (`<name>.part`), the row is committed, then the file is renamed to its real name; a failed write or
 * a failed transaction removes the temporary file. What a crash leaves behind is settled at the next
 * start by `settleUploads`: a `.part` whose row committed is finished, any other leftover is removed.
 */
import { mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

const PART = '.part';

/** A leftover younger than this may belong to an upload still running in another process. */
const SETTLE_AFTER_MS = 10 * 60_000;

const ignoreMissing = (e: unknown) => {
  if ((e as { code?: string }).code !== 'ENOENT') throw e;
};

/**
 * Writes `data` as `<dir>/<name>.part`, runs `commit` (the transaction that inserts the row), then renames
 * the file to `<dir>/<name>`. On any failure before the rename the temporary file is removed.
 */
export async function storeWithRow<T>(
  dir: string,
  name: string,
  data: Buffer,
  commit: () => Promise<T>,
  mode = 0o600,
): Promise<T> {
  const part = path.join(dir, name + PART);
  let result: T;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(part, data, { mode, flag: 'wx' });
    result = await commit();
  } catch (e) {
    await unlink(part).catch(ignoreMissing);
    throw e;
  }
  // A crash right here leaves a committed row and a .part: settleUploads finishes the rename.
  await rename(part, path.join(dir, name));
  return result;
}

export interface SettleReport {
  finished: number;
  removed: number;
}

/**
 * Settles what interrupted uploads left in `dir`: a `.part` whose row exists is renamed into place; a `.part`
 * or file without a row, older than ten minutes, is deleted. `withRows` returns which names have rows.
 */
export async function settleUploads(
  dir: string,
  withRows: (names: string[]) => Promise<Set<string>>,
  now = Date.now(),
): Promise<SettleReport> {
  const entries = await readdir(dir).catch((e: unknown) => {
    ignoreMissing(e);
    return [] as string[];
  });
  const report: SettleReport = { finished: 0, removed: 0 };
  const names = entries.map((f) => (f.endsWith(PART) ? f.slice(0, -PART.length) : f));
  const rows = await withRows([...new Set(names)]);
  for (const [i, f] of entries.entries()) {
    const name = names[i]!;
    const full = path.join(dir, f);
    if (rows.has(name)) {
      if (f !== name) {
        await rename(full, path.join(dir, name));
        report.finished++;
      }
      continue;
    }
    const s = await stat(full);
    if (!s.isFile() || now - s.mtimeMs < SETTLE_AFTER_MS) continue;
    await unlink(full).catch(ignoreMissing);
    report.removed++;
  }
  return report;
}

interface StartLog {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
}

/** At an area's start: settles its upload folder, logging what was settled and never failing the start. */
export async function settleAtStart(
  area: string,
  dir: string,
  withRows: (names: string[]) => Promise<Set<string>>,
  log: StartLog,
): Promise<void> {
  try {
    const r = await settleUploads(dir, withRows);
    if (r.finished || r.removed) log.info({ uploads: r }, `${area}: interrupted uploads settled`);
  } catch (err) {
    log.warn({ err }, `${area}: settling interrupted uploads failed`);
  }
}
