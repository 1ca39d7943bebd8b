/**
 * @module The knowledge base as shipped: one JSON file per topic in data/, each checked against the
 * schema when read (a malformed file fails loudly, naming the file and the field).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IssueFile, type IssueContent } from './schema.js';

export const KB_DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

export interface ShippedFile {
  file: string;
  version: number;
  issues: IssueContent[];
}

/** Every data file, in name order. */
export function readShippedFiles(dir = KB_DATA_DIR): ShippedFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw: unknown = JSON.parse(readFileSync(`${dir}${file}`, 'utf8'));
      const parsed = IssueFile.safeParse(raw);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new Error(
          `常见法律问题库文件 ${file} 格式有误：${first?.path.join('.') ?? ''} ${first?.message ?? ''}`,
        );
      }
      return { file, version: parsed.data.version, issues: parsed.data.issues };
    });
}

/** Every shipped issue. */
export function shippedIssues(dir = KB_DATA_DIR): IssueContent[] {
  return readShippedFiles(dir).flatMap((f) => f.issues);
}
