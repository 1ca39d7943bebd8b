/** @module Queries of the knowledge-base area. No SQL elsewhere in kb; other areas use service.ts. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { TransitionStore } from '../core/transition-save.js';
import type { KbIssueRow, KbVersionRow, KbVersionStatus } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;
export type Issue = Selectable<KbIssueRow>;
export type Version = Selectable<KbVersionRow>;

export async function getState(db: Db, key: string): Promise<string | null> {
  const r = await db
    .selectFrom('kb_state')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return r?.value ?? null;
}

export async function setState(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('kb_state')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** The revision answers cache on: bumped in the transaction of every change to what is published. */
export async function bumpRevision(db: Db, at: string): Promise<void> {
  await setState(db, 'revision', at + Math.random().toString(36).slice(2, 8));
}

export function findIssue(db: Db, id: string): Promise<Issue | undefined> {
  return db.selectFrom('kb_issues').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts the issue unless it exists; true when this call created it. */
export async function insertIssue(db: Db, row: KbIssueRow): Promise<boolean> {
  const r = await db
    .insertInto('kb_issues')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateIssue(
  db: Db,
  id: string,
  patch: Partial<Omit<KbIssueRow, 'id'>>,
): Promise<void> {
  await db.updateTable('kb_issues').set(patch).where('id', '=', id).execute();
}

/** Takes the issue's one draft slot for `versionId`: false when another draft holds it. */
export async function claimDraftSlot(db: Db, id: string, versionId: number): Promise<boolean> {
  const r = await db
    .updateTable('kb_issues')
    .set({ draft_id: versionId })
    .where('id', '=', id)
    .where('draft_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Touches the issue only while it has no open draft: false when one is open (holds the row till commit). */
export async function holdFreeDraftSlot(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('kb_issues')
    .set({ updated_at: at })
    .where('id', '=', id)
    .where('draft_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function releaseDraftSlot(db: Db, id: string, versionId: number): Promise<void> {
  await db
    .updateTable('kb_issues')
    .set({ draft_id: null })
    .where('id', '=', id)
    .where('draft_id', '=', versionId)
    .execute();
}

export async function nextVersionNumber(db: Db, issueId: string): Promise<number> {
  const r = await db
    .selectFrom('kb_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('issue_id', '=', issueId)
    .executeTakeFirst();
  return Number(r?.v ?? 0) + 1;
}

export async function insertVersion(db: Db, row: Omit<KbVersionRow, 'id'>): Promise<number> {
  const r = await db
    .insertInto('kb_versions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function findVersion(db: Db, id: number): Promise<Version | undefined> {
  return db.selectFrom('kb_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function versionsOf(db: Db, issueId: string): Promise<Version[]> {
  return db
    .selectFrom('kb_versions')
    .selectAll()
    .where('issue_id', '=', issueId)
    .orderBy('version', 'desc')
    .execute();
}

/** The newest version that came from a shipped file. */
export function lastFileVersion(db: Db, issueId: string): Promise<Version | undefined> {
  return db
    .selectFrom('kb_versions')
    .selectAll()
    .where('issue_id', '=', issueId)
    .where('source', '=', 'file')
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

/**
 * Moves a version from one of `from` to `to` (a status-checked write): false when its status changed
 * meanwhile, so of two racing reviewers exactly one wins.
 */
/** How the core engine saves a version's review step: only while the version is still in `from`. */
export const kbVersionStore: TransitionStore<KbVersionStatus> = {
  entity: 'kb_version',
  auditPrefix: 'kb:',
  raceMessage: '该版本的状态已被其他操作改变，请刷新后重试',
  table: 'kb_versions',
};

/**
 * The corpus sync's own moves (a flagged file version published once the corpus backs it, the previous
 * published version superseded): status-checked like every step, outside the review workflow.
 */
export async function moveVersion(
  db: Db,
  id: number,
  from: readonly KbVersionStatus[],
  to: KbVersionStatus,
  patch: Partial<Pick<KbVersionRow, 'updated_at'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('kb_versions')
    .set({ ...patch, status: to })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Replaces an editable version's content; false when it is no longer editable. */
export async function updateContent(
  db: Db,
  id: number,
  editable: readonly KbVersionStatus[],
  content: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('kb_versions')
    .set({ content, updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', [...editable])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface IssueListRow extends Issue {
  draft_status: KbVersionStatus | null;
}

export function listIssues(
  db: Db,
  f: { topic?: string; q?: string; state?: 'flagged' | 'draft' | 'in_review' },
): Promise<IssueListRow[]> {
  let q = db
    .selectFrom('kb_issues as i')
    .leftJoin('kb_versions as d', 'd.id', 'i.draft_id')
    .selectAll('i')
    .select('d.status as draft_status');
  if (f.topic) q = q.where('i.topic', '=', f.topic);
  if (f.q)
    q = q.where((eb) => eb.or([eb('i.title', 'like', `%${f.q}%`), eb('i.id', 'like', `%${f.q}%`)]));
  if (f.state === 'flagged') q = q.where('i.needs_review', '=', 1);
  if (f.state === 'draft') q = q.where('d.status', 'in', ['draft', 'returned']);
  if (f.state === 'in_review') q = q.where('d.status', '=', 'in_review');
  return q.orderBy('i.topic').orderBy('i.id').execute();
}

/** Every published version's content with its issue (answers use those not flagged). */
export function publishedContents(
  db: Db,
): Promise<{ id: string; content: string; needs_review: number }[]> {
  return db
    .selectFrom('kb_issues as i')
    .innerJoin('kb_versions as v', 'v.id', 'i.published_id')
    .select(['i.id', 'v.content', 'i.needs_review'])
    .orderBy('i.id')
    .execute();
}
