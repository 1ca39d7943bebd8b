/**
 * @module Loading the shipped data files into the database, and re-checking what is published after a
 * corpus import. A shipped entry that passes the corpus check is published (the files are reviewed in the
 * repository); one that fails is kept as a draft flagged for review. When staff have published their own
 * version since the last shipped one, a newer shipped version waits in review instead of replacing it.
 * Safe to run in several processes at once: the unique (issue, version) index lets one of them win.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../core/context.js';
import type { Database } from '../db/schema.js';
import { isUniqueViolation } from '../db/faults.js';
import { corpusVersion } from '../laws/repository.js';
import type { CorpusLookup } from '../qa/corpus.js';
import { checkIssue, type IssueProblem } from './check.js';
import { shipped, type ShippedFile } from './files.js';
import * as repo from './repository.js';
import type { IssueContent } from './schema.js';

export interface SyncReport {
  published: number;
  flagged: number;
  inReview: number;
  unchanged: number;
}

const sameContent = (a: string, b: IssueContent) => a === JSON.stringify(b);

async function syncOne(
  ctx: AppContext,
  issue: IssueContent,
  fileVersion: number,
  problems: IssueProblem[],
  report: SyncReport,
): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertIssue(trx, {
      id: issue.id,
      topic: issue.topic,
      title: issue.title,
      published_id: null,
      draft_id: null,
      needs_review: 0,
      problems: null,
      updated_at: at,
    });
    const row = (await repo.findIssue(trx, issue.id))!;
    const ok = problems.length === 0;
    const lastFile = await repo.lastFileVersion(trx, issue.id);
    if (lastFile && sameContent(lastFile.content, issue)) {
      // Flagged when it was loaded (the corpus lacked an article) and backed now: publish it.
      if (ok && lastFile.status === 'draft' && row.draft_id === lastFile.id && !row.published_id) {
        await repo.moveVersion(trx, lastFile.id, ['draft'], 'published', { updated_at: at });
        await repo.releaseDraftSlot(trx, issue.id, lastFile.id);
        await publishVersion(trx, issue, lastFile.id, undefined, at);
        report.published++;
      } else report.unchanged++;
      return;
    }
    const published = row.published_id ? await repo.findVersion(trx, row.published_id) : undefined;
    const staffAhead = published?.source === 'staff';
    const status = !ok ? 'draft' : staffAhead ? 'in_review' : 'published';
    if (status !== 'published' && row.draft_id !== null) {
      report.unchanged++; // an open draft exists: staff decide; the file waits for the next run
      return;
    }
    const id = await repo.insertVersion(trx, {
      issue_id: issue.id,
      version: await repo.nextVersionNumber(trx, issue.id),
      status,
      source: 'file',
      file_version: fileVersion,
      content: JSON.stringify(issue),
      note: ok ? null : '随版本文件导入，但未通过法规库核对',
      created_by: null,
      created_at: at,
      updated_at: at,
      reviewed_by: null,
      reviewed_at: null,
    });
    if (status === 'published') {
      await publishVersion(trx, issue, id, published?.id, at);
      report.published++;
    } else {
      await repo.claimDraftSlot(trx, issue.id, id);
      if (!ok && !published) {
        await repo.updateIssue(trx, issue.id, {
          needs_review: 1,
          problems: JSON.stringify(problems),
        });
      }
      if (ok) report.inReview++;
      else report.flagged++;
    }
  });
}

/** Points the issue at its newly published version (the previous one superseded) and bumps the revision. */
export async function publishVersion(
  trx: Transaction<Database>,
  issue: IssueContent,
  versionId: number,
  previousId: number | undefined,
  at: string,
): Promise<void> {
  if (previousId !== undefined)
    await repo.moveVersion(trx, previousId, ['published'], 'superseded', { updated_at: at });
  await repo.updateIssue(trx, issue.id, {
    topic: issue.topic,
    title: issue.title,
    published_id: versionId,
    needs_review: 0,
    problems: null,
    updated_at: at,
  });
  await repo.bumpRevision(trx, at);
}

/** Loads every shipped file whose version was not loaded yet. Needs the corpus (the check reads it). */
export async function syncShipped(
  ctx: AppContext,
  lookup: CorpusLookup,
  files: ShippedFile[] = shipped().files,
): Promise<SyncReport> {
  const report: SyncReport = { published: 0, flagged: 0, inReview: 0, unchanged: 0 };
  const current = await corpusVersion(ctx.db);
  const known = new Set(files.flatMap((f) => f.issues.map((i) => i.id)));
  for (const f of files) {
    const key = `file:${f.file}`;
    const stamp = `${f.hash}@${current}`;
    if ((await repo.getState(ctx.db, key)) === stamp) continue;
    for (const issue of f.issues) {
      const problems = await checkIssue(issue, lookup, known);
      try {
        await syncOne(ctx, issue, f.version, problems, report);
      } catch (e) {
        // Another process loaded the same version at the same moment (unique index): it won.
        if (!isUniqueViolation(e)) throw e;
      }
    }
    await repo.setState(ctx.db, key, stamp);
  }
  return report;
}

/**
 * Re-checks every published version against the corpus as it is now: an issue the corpus no longer
 * backs is flagged (answers leave it out until staff review it); one that is backed again is cleared.
 */
export async function reverifyPublished(ctx: AppContext, lookup: CorpusLookup): Promise<number> {
  const rows = await repo.publishedContents(ctx.db);
  const all = rows.map((r) => JSON.parse(r.content) as IssueContent);
  const known = new Set(all.map((i) => i.id));
  let flagged = 0;
  for (const [n, r] of rows.entries()) {
    const problems = await checkIssue(all[n]!, lookup, known);
    const needs = problems.length > 0 ? 1 : 0;
    if (needs) flagged++;
    if (needs === r.needs_review) continue;
    const at = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateIssue(trx, r.id, {
        needs_review: needs,
        problems: needs ? JSON.stringify(problems) : null,
        updated_at: at,
      });
      await repo.bumpRevision(trx, at);
    });
  }
  return flagged;
}
