/**
 * @module Getting a corpus on a fresh machine: download the LawRefBook/Laws archive at a pinned commit,
 * verify its sha256, unpack the statute folders into data/laws (a swap: a failed unpack leaves the old
 * folder) and import them. The download is kept thin; verify/unpack/import are what the tests exercise.
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

/** The commit the shared pack was taken from (see ../shared/laws/README.md). */
export const LAWS_COMMIT = '2d50496248907f61ac512ada19b7c4e139881d2e';
export const LAWS_ARCHIVE_URL = `https://codeload.github.com/LawRefBook/Laws/tar.gz/${LAWS_COMMIT}`;
/**
 * sha256 of that archive. These machines cannot reach GitHub, so it could not be computed here: until it
 * is filled in, `laws:fetch` requires `--sha256` (or LAWS_ARCHIVE_SHA256) and never imports an unverified file.
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

/** Download (unless `file`), verify, unpack, import. Nothing is unpacked or imported when the checksum fails. */
export async function fetchCorpus(
  ctx: AppContext,
  opts: FetchOptions = {},
): Promise<{ files: number; dir: string; report: ImportReport }> {
  const log = opts.log ?? (() => {});
  const expected = (opts.sha256 ?? LAWS_ARCHIVE_SHA256)?.toLowerCase() ?? null;
  if (!expected) {
    throw new FetchError(
      '未配置压缩包的 sha256 校验值：请用 --sha256 <值> 或 LAWS_ARCHIVE_SHA256 指定后再试',
    );
  }
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
    if (actual !== expected) {
      throw new FetchError(`校验失败：sha256 为 ${actual}，应为 ${expected}；未解压、未导入`);
    }
    const files = await unpackCorpus(archive, dest);
    log(`已解压 ${files} 个法规文件到 ${dest}，开始导入…`);
    const report = await importCorpus(ctx, {
      dir: dest,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    return { files, dir: dest, report };
  } finally {
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  }
}
