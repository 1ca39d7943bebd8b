/**
 * @module Updating the corpus from upstream: download the LawRefBook/Laws archive (at the pinned commit
 * unless told another URL), check it, unpack the statute folders into data/laws (a swap: a failed
 * unpack leaves the old folder), report what changed against the shipped snapshot file by file, and
 * import. The download is kept thin; check/unpack/compare/import are what the tests exercise.
 */
import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import type { AppContext } from '../core/context.js';
import { importCorpus, type ImportReport } from './importer.js';
import { manifestOf, readManifest, snapshotShipped, type Manifest } from './snapshot.js';

/** The commit the shared pack was taken from (see ../shared/laws/README.md). */
export const LAWS_COMMIT = '2d50496248907f61ac512ada19b7c4e139881d2e';
export const LAWS_ARCHIVE_URL = `https://codeload.github.com/LawRefBook/Laws/tar.gz/${LAWS_COMMIT}`;
/**
 * sha256 of that archive. These machines cannot reach GitHub, so it could not be computed here; what
 * `laws:fetch` gets is compared file by file with the shipped snapshot's manifest instead (and checked
 * against `--sha256` / LAWS_ARCHIVE_SHA256 when one is given).
 */
export const LAWS_ARCHIVE_SHA256: string | null = null;

/** The statute folders of the upstream repository; DLC/ (other provinces), 案例/ and scripts/ are left out. */
export const STATUTE_FOLDERS = [
  '宪法',
  '宪法相关法',
  '民法典',
  '民法商法',
  '行政法',
  '经济法',
  '社会法',
  '刑法',
  '诉讼与非诉讼程序法',
  '司法解释',
  '行政法规',
  '部门规章',
  '其他',
];
/** Not a legal text (an authored guide), so it is not imported. */
const EXCLUDED_FILES = new Set(['其他/劳动仲裁和劳动诉讼的攻略.md']);

export class FetchError extends Error {}

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(file), h);
  return h.digest('hex');
}

/** Downloads `url` to `dest` (plain fetch; no retries, no resume). */
export async function download(url: string, dest: string): Promise<void> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new FetchError(`下载失败：HTTP ${res.status} ${url}`);
  await pipeline(Readable.fromWeb(res.body as never), createWriteStream(dest));
}

/** Unpacks the statute folders of an upstream archive into `destDir`, replacing it only on success. */
export async function unpackCorpus(archive: string, destDir: string): Promise<number> {
  const parent = path.dirname(path.resolve(destDir));
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(path.join(parent, '.laws-unpack-'));
  try {
    let count = 0;
    await tar.x({
      file: archive,
      cwd: tmp,
      // Archives from GitHub have one top folder (Laws-<commit>/); keep only statute Markdown below it.
      strip: 1,
      filter: (p) => {
        const rel = p.split('/').slice(1).join('/');
        const top = rel.split('/')[0] ?? '';
        const ok =
          STATUTE_FOLDERS.includes(top) &&
          (rel === top ||
            rel.endsWith('/') ||
            (rel.endsWith('.md') && !rel.endsWith('/_index.md'))) &&
          !EXCLUDED_FILES.has(rel);
        if (ok && rel.endsWith('.md')) count++;
        return ok;
      },
    });
    if (count === 0)
      throw new FetchError('压缩包中没有法规文件（目录结构与 LawRefBook/Laws 不符）');
    const old = `${destDir}.old-${process.pid}`;
    if (existsSync(destDir)) renameSync(destDir, old);
    renameSync(tmp, destDir);
    if (existsSync(old)) rmSync(old, { recursive: true, force: true });
    return count;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

export interface FetchOptions {
  /** A local archive instead of downloading (offline machines, tests). */
  file?: string | undefined;
  url?: string | undefined;
  sha256?: string | null | undefined;
  /** Where the statutes go (default data/laws). */
  dest?: string | undefined;
  onProgress?: (done: number, total: number) => void;
  log?: (msg: string) => void;
}

export interface CorpusChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** What the statutes in `dir` add, change and remove against the shipped snapshot's manifest, file by file. */
export function changesAgainst(dir: string, manifest: Manifest): CorpusChanges {
  const got = manifestOf(dir, '', '', new Date()).files;
  const isStatute = (rel: string) => STATUTE_FOLDERS.includes(rel.split('/')[0] ?? '');
  const before = Object.keys(manifest.files).filter(isStatute);
  const after = Object.keys(got).filter(isStatute);
  return {
    added: after.filter((f) => !(f in manifest.files)),
    changed: after.filter((f) => f in manifest.files && manifest.files[f] !== got[f]),
    removed: before.filter((f) => !(f in got)),
  };
}

/**
 * Download (unless `file`), verify, unpack, report what changed against the shipped snapshot file by
 * file, import. An archive checksum is checked when one is given (`sha256`); nothing is unpacked or
 * imported when it fails.
 */
export async function fetchCorpus(
  ctx: AppContext,
  opts: FetchOptions = {},
): Promise<{ files: number; dir: string; report: ImportReport; changes: CorpusChanges | null }> {
  const log = opts.log ?? (() => {});
  const expected = (opts.sha256 ?? LAWS_ARCHIVE_SHA256)?.toLowerCase() ?? null;
  const dest = path.resolve(opts.dest ?? 'data/laws');
  let archive = opts.file;
  let tmpDir: string | null = null;
  try {
    if (!archive) {
      tmpDir = mkdtempSync(path.join(path.dirname(dest), '.laws-dl-'));
      archive = path.join(tmpDir, 'laws.tar.gz');
      log(`正在下载 ${opts.url ?? LAWS_ARCHIVE_URL} …`);
      await download(opts.url ?? LAWS_ARCHIVE_URL, archive);
    }
    const actual = await sha256File(archive);
    if (expected && actual !== expected) {
      throw new FetchError(`校验失败：sha256 为 ${actual}，应为 ${expected}；未解压、未导入`);
    }
    const files = await unpackCorpus(archive, dest);
    const changes = snapshotShipped() ? changesAgainst(dest, readManifest()) : null;
    if (changes)
      log(
        `与仓库自带的法规库逐个文件比对：新增 ${changes.added.length}、变更 ${changes.changed.length}、移除 ${changes.removed.length}`,
      );
    log(`已解压 ${files} 个法规文件到 ${dest}，开始导入…`);
    const report = await importCorpus(ctx, {
      dir: dest,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    return { files, dir: dest, report, changes };
  } finally {
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  }
}
