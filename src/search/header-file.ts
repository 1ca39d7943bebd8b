/**
 * @module The shape both persisted search files share (`index-file.ts`, `learned-file.ts`): one JSON
 * header line, then from the next 8-byte boundary the body's chunks, each padded to 8 bytes. Written
 * beside a `.part` file and renamed, so a reader never sees half a file; read with the header alone
 * first (a stale file costs no body read) and the body on libuv's threads into SharedArrayBuffers.
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
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { align8 } from './flat-body.js';

/** A hash of `seed` and the files (sources, dictionaries) whose change makes a written file stale. */
export function sourcesDigest(seed: string, files: readonly URL[]): string {
  const h = createHash('sha256').update(`${seed}\n`);
  for (const f of files) h.update(existsSync(f) ? readFileSync(f) : '');
  return h.digest('hex').slice(0, 16);
}

/** Writes `header` as the first line and the chunks after it, each at an 8-byte boundary. */
export function writeHeaderFile(
  file: string,
  header: unknown,
  chunks: readonly Uint8Array[],
): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const part = `${file}.${process.pid}.part`;
  const padded = (b: Uint8Array) => Buffer.concat([b, Buffer.alloc(align8(b.length) - b.length)]);
  const fd = openSync(part, 'w');
  try {
    writeSync(fd, padded(Buffer.from(`${JSON.stringify(header)}\n`)));
    for (const c of chunks) writeSync(fd, padded(c));
  } finally {
    closeSync(fd);
  }
  renameSync(part, file);
}

/** The header line (at most `max` bytes) and where the body starts; null when there is no line. */
export async function readHeaderLine<T>(
  fh: FileHandle,
  max: number,
): Promise<{ header: T; bodyAt: number } | null> {
  const buf = Buffer.alloc(max);
  const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
  const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
  if (nl < 0) return null;
  return {
    header: JSON.parse(buf.subarray(0, nl).toString('utf8')) as T,
    bodyAt: align8(nl + 1),
  };
}

/** `bytes` of the file from `at`, into one SharedArrayBuffer (the threads view it as it is). */
export async function readShared(
  fh: FileHandle,
  at: number,
  bytes: number,
): Promise<SharedArrayBuffer> {
  const body = new SharedArrayBuffer(bytes);
  const view = new Uint8Array(body);
  for (let done = 0; done < bytes;) {
    const { bytesRead } = await fh.read(view, done, bytes - done, at + done);
    if (bytesRead === 0) throw new Error('索引文件被截断');
    done += bytesRead;
  }
  return body;
}
