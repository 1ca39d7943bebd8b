/**
 * @module The learned fields persisted beside the index file (`<SEARCH_INDEX_FILE>.learned`), so a
 * start whose corpus, model, examples and code are unchanged reads them instead of laying the model
 * over the corpus again (tokenising a thousand training questions and profiling the articles they
 * cite: ≈ 0.37 s of a start's main thread here). The file (`header-file.ts`) is one JSON header line —
 * format, key, the shelf's layout, the fields' sizes, the query-time part of the model, the training
 * questions — then the shelf's buffers, each read into a SharedArrayBuffer that the search threads
 * share as it is. A file under another key, or one that cannot be read, is ignored and written again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { align8 } from './flat-body.js';
import { readHeaderLine, readShared, sourcesDigest, writeHeaderFile } from './header-file.js';
import { indexCodeVersion } from './index-file.js';
import type { SharedLearned } from './shared-index.js';
import type { ShelfEntry } from './shared-memory.js';

const FORMAT = 1;
/** The header carries the training questions (≈ 1,000 lines): far under this. */
const HEADER_MAX = 4 * 1024 * 1024;

/** The sources that lay the model over the corpus, beyond the index's own (index-file.ts). */
const CODE_FILES = [
  './model.ts',
  './examples.ts',
  './shared-index.ts',
  './rerank-features.ts',
  './rank-index.ts',
].map((f) => new URL(f, import.meta.url));

let codeVersion: string | null = null;

const learnedCodeVersion = () =>
  (codeVersion ??= sourcesDigest(`learned ${FORMAT}\n${indexCodeVersion()}`, CODE_FILES));

/** Where the learned fields of the index file `indexFile` lie. */
export const learnedFileOf = (indexFile: string) => `${indexFile}.learned`;

/**
 * What the learned fields were laid from: the corpus version, the model (a digest of it), the
 * examples' revision and the code. Any change makes another key and the file is written again.
 */
export function learnedKey(corpusVersion: string, modelDigest: string, examples: string): string {
  return createHash('sha256')
    .update([learnedCodeVersion(), corpusVersion, modelDigest, examples].join('\n'))
    .digest('hex')
    .slice(0, 32);
}

interface LearnedFileHeader {
  format: number;
  key: string;
  /** Byte length of each of the shelf's buffers, laid one after another at 8-byte boundaries. */
  buffers: number[];
  entries: Record<string, ShelfEntry>;
  fields: SharedLearned['fields'];
  model: SharedLearned['model'];
  questionTexts: string[];
}

/** Writes the shared learned fields (beside a `.part` file, renamed: never half a file). */
export function writeLearnedFile(file: string, key: string, s: SharedLearned): void {
  const header: LearnedFileHeader = {
    format: FORMAT,
    key,
    buffers: s.shelf.buffers.map((b) => b.byteLength),
    entries: s.shelf.entries,
    fields: s.fields,
    model: s.model,
    questionTexts: s.questionTexts,
  };
  writeHeaderFile(
    file,
    header,
    s.shelf.buffers.map((b) => new Uint8Array(b)),
  );
}

/** Writes it, or warns: a file that cannot be written costs the next start a rebuild, nothing more. */
export function saveLearnedQuietly(file: string, key: string, s: SharedLearned): void {
  try {
    writeLearnedFile(file, key, s);
  } catch (e) {
    console.warn(`学习字段文件未能写入（${file}）：${String(e)}`);
  }
}

/** Every entry lies inside its buffer (a damaged or hand-edited layout is refused, not viewed). */
function entriesFit(h: LearnedFileHeader): boolean {
  const size = { u8: 1, u16: 2, u32: 4, i32: 4, f32: 4, f64: 8 } as const;
  return Object.values(h.entries).every((e) => {
    const len = h.buffers[e.buf];
    return (
      len !== undefined &&
      e.at % size[e.kind] === 0 &&
      e.at >= 0 &&
      e.length >= 0 &&
      e.at + e.length * size[e.kind] <= len
    );
  });
}

/** The learned fields in `file` when they were laid under `key`; null when absent, stale or damaged. */
export async function readLearnedFile(file: string, key: string): Promise<SharedLearned | null> {
  if (!existsSync(file)) return null;
  let fh: FileHandle | null = null;
  try {
    fh = await open(file, 'r');
    const head = await readHeaderLine<LearnedFileHeader>(fh, HEADER_MAX);
    if (!head || head.header.format !== FORMAT || head.header.key !== key) return null;
    const h = head.header;
    if (!entriesFit(h)) return null;
    const buffers: SharedArrayBuffer[] = [];
    let at = head.bodyAt;
    for (const bytes of h.buffers) {
      buffers.push(await readShared(fh, at, bytes));
      at += align8(bytes);
    }
    return {
      shelf: { buffers, entries: h.entries },
      fields: h.fields,
      model: h.model,
      questionTexts: h.questionTexts,
    };
  } catch {
    return null;
  } finally {
    await fh?.close();
  }
}
