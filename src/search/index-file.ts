/**
 * @module The built corpus index persisted to one versioned file (`SEARCH_INDEX_FILE`), so a start
 * whose corpus and index code are unchanged loads it instead of tokenising every article again
 * (seconds of CPU). The file is one JSON header line — format, corpus version, code version, the body's
 * layout — then, from the next 8-byte boundary, the flat body of `flat-index.ts`, read straight into a
 * SharedArrayBuffer that the index's typed arrays view. A file of another corpus or code version, or one
 * that cannot be read, is ignored and rebuilt.
 */
import { existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { CorpusIndex, SearchDoc } from './corpus-index.js';
import { bodyBytes, decodeIndex, encodeIndex, writeBody, type FlatLayout } from './flat-index.js';
import { readHeaderLine, readShared, sourcesDigest, writeHeaderFile } from './header-file.js';

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
  './header-file.ts',
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
  return (codeVersion ??= sourcesDigest(`format ${FORMAT}`, CODE_FILES));
}

export interface IndexFileHeader {
  format: number;
  corpusVersion: string;
  code: string;
  builtAt: string;
  articles: number;
  layout: FlatLayout;
}

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
  writeHeaderFile(file, header, [writeBody(layout, parts)]);
}

export type IndexFileResult =
  | { ok: true; ci: CorpusIndex; header: IndexFileHeader; body: SharedArrayBuffer }
  | { ok: false; reason: 'missing' | 'stale' | 'unreadable' };

/**
 * The index in `file` when it was built from this corpus version by this code. The body (≈ 70 MB) is
 * read on libuv's threads, so the main thread goes on (at a start, with the other areas' start-up and
 * the first requests) while the disk and the new memory's page faults take their ≈ 0.2 s.
 */
export async function readIndexFile(
  file: string,
  corpusVersion: string,
  /** Called once the body's read is under way (the main thread is free until it is done). */
  onBodyRead?: () => void,
): Promise<IndexFileResult> {
  if (!existsSync(file)) return { ok: false, reason: 'missing' };
  let fh: FileHandle | null = null;
  try {
    fh = await open(file, 'r');
    // the header line alone first, so a stale file costs no 70 MB read
    const head = await readHeaderLine<IndexFileHeader>(fh, HEADER_MAX);
    if (!head) return { ok: false, reason: 'unreadable' };
    const { header } = head;
    if (
      header.format !== FORMAT ||
      header.corpusVersion !== corpusVersion ||
      header.code !== indexCodeVersion()
    )
      return { ok: false, reason: 'stale' };
    const reading = readShared(fh, head.bodyAt, bodyBytes(header.layout));
    onBodyRead?.();
    const body = await reading;
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
