/**
 * @module The statute corpus shipped inside the repository (`corpus/laws.tar.gz` with
 * `corpus/manifest.json`, every file's sha256), so a clone works anywhere: the first start unpacks it
 * into data/laws when no other corpus directory exists, checking every file against the manifest.
 * `npm run laws:pack` rebuilds both from a corpus directory.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tar from 'tar';
import { z } from 'zod';
import { listCorpusFiles } from './units.js';

const ROOT = new URL('../../corpus/', import.meta.url);
export const SNAPSHOT_ARCHIVE = new URL('laws.tar.gz', ROOT);
export const SNAPSHOT_MANIFEST = new URL('manifest.json', ROOT);

export const Manifest = z.strictObject({
  source: z.string(),
  commit: z.string(),
  packedAt: z.string(),
  /** Path inside the corpus (宪法/宪法(2018-03-11).md) → sha256 of its bytes. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type Manifest = z.infer<typeof Manifest>;

export class SnapshotError extends Error {}

const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

/** The statute files of a corpus directory (as the importer lists them), and its README when present. */
export function corpusFiles(dir: string): string[] {
  const readme = existsSync(path.join(dir, 'README.md')) ? ['README.md'] : [];
  return [...readme, ...listCorpusFiles(dir)];
}

/** The manifest of a corpus directory (every Markdown file, README included, with its sha256). */
export function manifestOf(dir: string, source: string, commit: string, at: Date): Manifest {
  const files: Record<string, string> = {};
  for (const rel of corpusFiles(dir)) files[rel] = sha256(readFileSync(path.join(dir, rel)));
  return { source, commit, packedAt: at.toISOString(), files };
}

/** Writes `corpus/laws.tar.gz` and its manifest from `dir` (the snapshot a clone imports). */
export async function packSnapshot(dir: string, manifest: Manifest, out = ROOT): Promise<void> {
  mkdirSync(out, { recursive: true });
  await tar.c(
    {
      gzip: { level: 9 },
      file: fileURLToPath(new URL('laws.tar.gz', out)),
      cwd: dir,
      portable: true,
    },
    Object.keys(manifest.files),
  );
  writeFileSync(new URL('manifest.json', out), `${JSON.stringify(manifest, null, 1)}\n`);
}

export function readManifest(file: URL = SNAPSHOT_MANIFEST): Manifest {
  return Manifest.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export const snapshotShipped = (): boolean =>
  existsSync(SNAPSHOT_ARCHIVE) && existsSync(SNAPSHOT_MANIFEST);

/**
 * Unpacks the shipped snapshot into `destDir` (replacing it only when every file matched the
 * manifest: none missing, none extra, none changed). Returns the number of files.
 * @throws SnapshotError naming the first file that does not match.
 */
export async function unpackSnapshot(
  destDir: string,
  archive: URL = SNAPSHOT_ARCHIVE,
  manifestFile: URL = SNAPSHOT_MANIFEST,
): Promise<number> {
  const manifest = readManifest(manifestFile);
  const parent = path.dirname(path.resolve(destDir));
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(path.join(parent, '.laws-snapshot-'));
  try {
    await tar.x({ file: fileURLToPath(archive), cwd: tmp });
    const found = corpusFiles(tmp);
    const wanted = Object.keys(manifest.files);
    const extra = found.find((f) => !(f in manifest.files));
    if (extra) throw new SnapshotError(`法规库压缩包中有清单外的文件：${extra}`);
    for (const rel of wanted) {
      const file = path.join(tmp, rel);
      if (!existsSync(file)) throw new SnapshotError(`法规库压缩包缺少文件：${rel}`);
      if (sha256(readFileSync(file)) !== manifest.files[rel])
        throw new SnapshotError(`法规库文件与清单的 sha256 不符：${rel}`);
    }
    if (existsSync(destDir)) rmSync(destDir, { recursive: true, force: true });
    renameSync(tmp, destDir);
    return wanted.length;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
