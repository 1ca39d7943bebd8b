/**
 * @module The built corpus index persisted to one versioned file (`SEARCH_INDEX_FILE`), so a start
 * whose corpus and index code are unchanged loads it instead of tokenising every article again
 * (seconds of CPU). The file is one JSON header line — format, corpus version, code version — and the
 * index in V8's serialisation (typed arrays as raw bytes). A file of another corpus or code version,
 * or one that cannot be read, is ignored and rebuilt.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { CorpusIndex, SearchDoc } from './corpus-index.js';

const FORMAT = 1;

/** The sources whose change changes what the index holds (tokeniser, dictionaries, index layout). */
const CODE_FILES = [
  './corpus-index.ts',
  './inverted-index.ts',
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
}

/** Writes the index beside a `.part` file and renames it, so a reader never sees half a file. */
export function writeIndexFile(file: string, corpusVersion: string, ci: CorpusIndex): void {
  const header: IndexFileHeader = {
    format: FORMAT,
    corpusVersion,
    code: indexCodeVersion(),
    builtAt: new Date().toISOString(),
    articles: ci.articles.length,
  };
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const part = `${file}.${process.pid}.part`;
  writeFileSync(
    part,
    Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), v8.serialize(ci)]),
  );
  renameSync(part, file);
}

export type IndexFileResult =
  | { ok: true; ci: CorpusIndex; header: IndexFileHeader }
  | { ok: false; reason: 'missing' | 'stale' | 'unreadable' };

/** The header line of an index file (read alone, so a stale file costs no 84 MB read). */
function readHeader(file: string): { header: IndexFileHeader; bytes: number } | null {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const nl = buf.subarray(0, n).indexOf(0x0a);
    if (nl < 0) return null;
    return {
      header: JSON.parse(buf.subarray(0, nl).toString('utf8')) as IndexFileHeader,
      bytes: nl + 1,
    };
  } finally {
    closeSync(fd);
  }
}

/** The index in `file` when it was built from this corpus version by this code. */
export function readIndexFile(file: string, corpusVersion: string): IndexFileResult {
  if (!existsSync(file)) return { ok: false, reason: 'missing' };
  try {
    const head = readHeader(file);
    if (!head) return { ok: false, reason: 'unreadable' };
    const { header } = head;
    if (
      header.format !== FORMAT ||
      header.corpusVersion !== corpusVersion ||
      header.code !== indexCodeVersion()
    )
      return { ok: false, reason: 'stale' };
    const ci = v8.deserialize(readFileSync(file).subarray(head.bytes)) as CorpusIndex;
    if (!Array.isArray(ci.articles) || ci.articles.length !== header.articles)
      return { ok: false, reason: 'unreadable' };
    return { ok: true, ci, header };
  } catch {
    return { ok: false, reason: 'unreadable' };
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
