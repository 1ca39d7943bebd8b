/**
 * @module The shape of one entry of the legal-issue knowledge base (常见法律问题库): what the data files in
 * data/ hold, what staff edit in the admin page and what answers are built from. Shared with the web.
 */
import { z } from 'zod';
import { IssueContent } from '../contracts/kb.js';

// The content shapes are the contract the web shares (src/contracts/kb.ts); re-exported for the server.
export {
  AidGround,
  Clarify,
  IssueContent,
  IssueId,
  KeyArticle,
  Step,
  Tool,
} from '../contracts/kb.js';
/** One data file: a topic's issues, with the version of the file's content. */
export const IssueFile = z.strictObject({
  version: z.number().int().positive(),
  issues: z.array(IssueContent).min(1),
});
export type IssueFile = z.infer<typeof IssueFile>;

/** Sentences of a text (split after 。！？; a trailing fragment counts). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
