/**
 * @module The built corpus index persisted to one versioned file (`SEARCH_INDEX_FILE`), so a start
 * whose corpus and index code are unchanged loads it instead of tokenising every article again
 * (seconds of CPU). The file is one JSON header line — format, corpus version, code version, the body's
 * layout — then, from the next 8-byte boundary, the flat body of `flat-index.ts`, read straight into a
 * SharedArrayBuffer that the index's typed arrays view. A file of another corpus or code version, or one
 * that cannot be read, is ignored and rebuilt.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusIndex, SearchDoc } from './corpus-index.js';
import { bodyBytes, decodeIndex, encodeIndex, writeBody, type FlatLayout } from './flat-index.js';

/**
 * 4: articles as columns of distinct values, texts decoded on demand, references as a sorted table;
 * 3: each field's terms as a hash table (2: as a list, a Map built on reading).
 */
const FORMAT = 4;
/** The header line is read alone first; a layout of ~45 sections fits well inside this. */
const HEADER_MAX = 64 * 1024;

/** The sources whose change changes what the index holds (tokeniser, dictionaries, index layout). */
const CODE_FILES = [
  './corpus-index.ts',
  './inverted-index.ts',
  './flat-index.ts',
  './flat-body.ts',
  './stored-articles.ts',
  './shared-memory.ts',
  './tokenizer.ts',
  '../core/text.ts',
  './data/legal-terms.txt',
  './data/userdict.txt',
].map((f) => new URL(f, import.meta.url));

let codeVersion: string | null = null;

/** A hash of the code and dictionaries that build the index. */
export function indexCodeVersion(): string {
  if (codeVersion) return codeVersion;
  const h = createHash('sha256').update(`format ${FORMAT}\n`);
  for (const f of CODE_FILES) h.update(existsSync(f) ? readFileSync(f) : '');
  return (codeVersion = h.digest('hex').slice(0, 16));
}

export interface IndexFileHeader {
  format: number;
  corpusVersion: string;
  code: string;
  builtAt: string;
  articles: number;
  layout: FlatLayout;
}

const bodyStart = (headerBytes: number) => Math.ceil(headerBytes / 8) * 8;

/** Writes the index beside a `.part` file and renames it, so a reader never sees half a file. */
export function writeIndexFile(file: string, corpusVersion: string, ci: CorpusIndex): void {
  const { layout, parts } = encodeIndex(ci);
  const header: IndexFileHeader = {
    format: FORMAT,
    corpusVersion,
    code: indexCodeVersion(),
    builtAt: new Date().toISOString(),
    articles: ci.articles.length,
    layout,
  };
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const part = `${file}.${process.pid}.part`;
  const head = Buffer.from(`${JSON.stringify(header)}\n`);
  const fd = openSync(part, 'w');
  try {
    writeSync(fd, Buffer.concat([head, Buffer.alloc(bodyStart(head.length) - head.length)]));
    writeSync(fd, writeBody(layout, parts));
  } finally {
    closeSync(fd);
  }
  renameSync(part, file);
}

export type IndexFileResult =
  | { ok: true; ci: CorpusIndex; header: IndexFileHeader; body: SharedArrayBuffer }
  | { ok: false; reason: 'missing' | 'stale' | 'unreadable' };

/** The header line of an index file (read alone, so a stale file costs no 70 MB read). */
async function readHeader(
  fh: FileHandle,
): Promise<{ header: IndexFileHeader; bytes: number } | null> {
  const buf = Buffer.alloc(HEADER_MAX);
  const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
  const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
  if (nl < 0) return null;
  return {
    header: JSON.parse(buf.subarray(0, nl).toString('utf8')) as IndexFileHeader,
    bytes: nl + 1,
  };
}

/** `bytes` of the file from `at`, into one SharedArrayBuffer (the threads view it as it is). */
async function readShared(fh: FileHandle, at: number, bytes: number): Promise<SharedArrayBuffer> {
  const body = new SharedArrayBuffer(bytes);
  const view = new Uint8Array(body);
  for (let done = 0; done < bytes;) {
    const { bytesRead } = await fh.read(view, done, bytes - done, at + done);
    if (bytesRead === 0) throw new Error('索引文件被截断');
    done += bytesRead;
  }
  return body;
}

/**
 * The index in `file` when it was built from this corpus version by this code. The body (≈ 70 MB) is
 * read on libuv's threads, so the main thread goes on answering (at a start, building the knowledge
 * base's matcher) while the disk and the new memory's page faults take their ≈ 0.2 s.
 */
export async function readIndexFile(file: string, corpusVersion: string): Promise<IndexFileResult> {
  if (!existsSync(file)) return { ok: false, reason: 'missing' };
  let fh: FileHandle | null = null;
  try {
    fh = await open(file, 'r');
    const head = await readHeader(fh);
    if (!head) return { ok: false, reason: 'unreadable' };
    const { header } = head;
    if (
      header.format !== FORMAT ||
      header.corpusVersion !== corpusVersion ||
      header.code !== indexCodeVersion()
    )
      return { ok: false, reason: 'stale' };
    const body = await readShared(fh, bodyStart(head.bytes), bodyBytes(header.layout));
    const ci = decodeIndex(body, header.layout);
    if (ci.articles.length !== header.articles) return { ok: false, reason: 'unreadable' };
    return { ok: true, ci, header, body };
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    await fh?.close();
  }
}

/** Where the built index goes, and the corpus version it is of. */
export interface IndexSave {
  file: string;
  corpusVersion: string;
}
/** What the index worker is given. */
export interface IndexJob {
  docs: SearchDoc[];
  save: IndexSave | null;
}

/** Persists the index; a failure (full disk, read-only folder) only costs the next start a rebuild. */
export function saveQuietly(save: IndexSave, ci: CorpusIndex): void {
  try {
    writeIndexFile(save.file, save.corpusVersion, ci);
  } catch (e) {
    console.warn(`检索索引未能写入 ${save.file}：${String(e)}`);
  }
}
