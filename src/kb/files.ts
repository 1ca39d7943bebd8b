/**
 * @module The knowledge base as shipped: one JSON file per topic in data/, each checked against the
 * schema when read (a malformed file fails loudly, naming the file and the field).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IssueFile, type IssueContent } from './schema.js';

export const KB_DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

export interface ShippedFile {
  file: string;
  version: number;
  /** sha256 of the file: a changed file is loaded again even when its version was not raised. */
  hash: string;
  issues: IssueContent[];
}

/** Every data file, in name order. */
export function readShippedFiles(dir = KB_DATA_DIR): ShippedFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      const raw: unknown = JSON.parse(text);
      const parsed = IssueFile.safeParse(raw);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new Error(
          `常见法律问题库文件 ${file} 格式有误：${first?.path.join('.') ?? ''} ${first?.message ?? ''}`,
        );
      }
      const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
      return { file, version: parsed.data.version, hash, issues: parsed.data.issues };
    });
}

/** Every shipped issue. */
export function shippedIssues(dir = KB_DATA_DIR): IssueContent[] {
  return readShippedFiles(dir).flatMap((f) => f.issues);
}

let cached: { files: ShippedFile[]; stamp: string } | null = null;

/** The shipped files as this process read them once (they change only with a release), and their stamp. */
export function shipped(): { files: ShippedFile[]; stamp: string } {
  if (!cached) {
    const files = readShippedFiles();
    const stamp = createHash('sha256')
      .update(files.map((f) => `${f.file}:${f.hash}`).join('\n'))
      .digest('hex')
      .slice(0, 16);
    cached = { files, stamp };
  }
  return cached;
}
