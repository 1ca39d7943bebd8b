/**
 * @module Imports a corpus directory into the database. Idempotent: a unit whose content hash is unchanged
 * is skipped. Atomic: everything is parsed first, then written in one transaction, so a failure leaves
 * the previous corpus as it was.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../core/context.js';
import { withLock } from '../db/lock.js';
import { analyzeTables } from '../db/planner-stats.js';
import type { Database } from '../db/schema.js';
import { loadStatusFixes } from './repeals.js';
import type { LawStatus } from './tables.js';
import { buildUnits, listCorpusFiles, parseUnit, type ParsedUnit } from './units.js';

export interface ImportIssue {
  path: string;
  kind: string;
  detail: string;
}

export interface ImportReport {
  files: number;
  /** Law versions found (民法典 counts once). */
  units: number;
  parsed: number;
  skipped: number;
  removed: number;
  /** Article rows written by this import. */
  articlesWritten: number;
  /** Totals in the database after the import. */
  laws: number;
  articles: number;
  changed: boolean;
  corpusVersion: string;
  /** Anomalies of the files parsed in this run, per file. */
  issues: ImportIssue[];
}

export interface ImportOptions {
  dir: string;
  /** Relative paths of the files to import; others already imported stay as they are. */
  only?: string[];
  /** For 地方性法规: the region (湖北省, 武汉市); every file of the run gets level 地方性法规. */
  region?: string;
  onProgress?: (done: number, total: number) => void;
}

const BATCH = 500;
/** The note of a version whose source file itself says 已废止. */
const SOURCE_SAYS_REPEALED = '来源标注：已废止';

/**
 * Imports `opts.dir` (or the `only` files in it); see the module note for the guarantees. One import runs at
 * a time across processes: a second one waits, then finds the files already imported and writes nothing.
 */
export function importCorpus(ctx: AppContext, opts: ImportOptions): Promise<ImportReport> {
  return withLock(ctx.data, 'laws:import', () => importUnlocked(ctx, opts));
}

async function importUnlocked(ctx: AppContext, opts: ImportOptions): Promise<ImportReport> {
  const region = opts.region ?? null;
  const rels = opts.only ? [...opts.only].sort() : listCorpusFiles(opts.dir);
  const { units, duplicates } = buildUnits(opts.dir, rels, region);
  const existing = await ctx.db
    .selectFrom('laws')
    .select(['id', 'source_path', 'content_hash', 'region'])
    .execute();
  const mine = existing.filter((r) => (r.region ?? null) === region);
  const byPath = new Map(mine.map((r) => [r.source_path, r]));
  const unitKeys = new Set(units.map((u) => u.key));
  const todo = units.filter((u) => byPath.get(u.key)?.content_hash !== u.hash);
  // Only a full run of a directory removes versions that are gone from it.
  const removed = opts.only ? [] : mine.filter((r) => !unitKeys.has(r.source_path));
  const total = todo.length * 2;
  const parsed: ParsedUnit[] = [];
  for (const u of todo) {
    parsed.push(parseUnit(u, region));
    opts.onProgress?.(parsed.length, total);
  }
  const issues: ImportIssue[] = [
    ...duplicates.map((d) => ({
      path: d.path,
      kind: 'duplicate',
      detail: `与 ${d.keptPath} 为同一法律的同一版本，未重复导入`,
    })),
    ...parsed.flatMap((p) => p.issues.map((i) => ({ path: p.key, ...i }))),
  ];
  let articlesWritten = 0;
  const changed = parsed.length > 0 || removed.length > 0;
  if (changed) {
    await ctx.db.transaction().execute(async (trx) => {
      const stale = [...todo.map((u) => byPath.get(u.key)?.id), ...removed.map((r) => r.id)];
      await deleteLaws(
        trx,
        stale.filter((id): id is number => id !== undefined),
      );
      const paths = [...todo.map((u) => u.key), ...removed.map((r) => r.source_path)];
      for (let k = 0; k < paths.length; k += BATCH) {
        await trx
          .deleteFrom('law_import_issues')
          .where('source_path', 'in', paths.slice(k, k + BATCH))
          .execute();
      }
      const now = ctx.now().toISOString();
      articlesWritten = await insertUnits(trx, parsed, now, (n) =>
        opts.onProgress?.(parsed.length + n, total),
      );
      const rows = issues.map((i) => ({
        source_path: i.path,
        kind: i.kind,
        detail: i.detail,
        created_at: now,
      }));
      for (let k = 0; k < rows.length; k += BATCH) {
        await trx
          .insertInto('law_import_issues')
          .values(rows.slice(k, k + BATCH))
          .execute();
      }
      await recomputeStatuses(trx);
      await bumpVersion(trx, now);
    });
    await analyzeTables(ctx.db, ctx.dialect, ['laws', 'articles']);
  }
  const totals = await counts(ctx.db);
  return {
    files: rels.length,
    units: units.length,
    parsed: parsed.length,
    skipped: units.length - todo.length,
    removed: removed.length,
    articlesWritten,
    ...totals,
    changed,
    corpusVersion: await readVersion(ctx.db),
    issues,
  };
}

async function deleteLaws(trx: Transaction<Database>, ids: number[]): Promise<void> {
  for (let k = 0; k < ids.length; k += BATCH) {
    const chunk = ids.slice(k, k + BATCH);
    await trx.deleteFrom('articles').where('law_id', 'in', chunk).execute();
    await trx.deleteFrom('laws').where('id', 'in', chunk).execute();
  }
}

/** Inserts law rows and their articles in multi-row statements (few round trips on PostgreSQL). */
async function insertUnits(
  trx: Transaction<Database>,
  parsed: ParsedUnit[],
  now: string,
  progress: (units: number) => void,
): Promise<number> {
  let written = 0;
  const LAW_BATCH = 100;
  for (let k = 0; k < parsed.length; k += LAW_BATCH) {
    const chunk = parsed.slice(k, k + LAW_BATCH);
    const ids = await trx
      .insertInto('laws')
      .values(chunk.map((p) => lawValues(p, now)))
      .returning(['id', 'source_path'])
      .execute();
    // Matched by source_path (unique), not by position: RETURNING order is not promised.
    const idOf = new Map(ids.map((r) => [r.source_path, r.id]));
    const rows = chunk.flatMap((p) =>
      p.articles.map((a, seq) => ({
        law_id: idOf.get(p.key)!,
        law_key: p.lawKey,
        num: a.num,
        sub: a.sub,
        label: a.label,
        seq,
        heading: a.heading,
        text: a.text,
      })),
    );
    for (let j = 0; j < rows.length; j += BATCH) {
      await trx
        .insertInto('articles')
        .values(rows.slice(j, j + BATCH))
        .execute();
    }
    written += rows.length;
    progress(k + chunk.length);
  }
  return written;
}

function lawValues(p: ParsedUnit, now: string) {
  return {
    law_key: p.lawKey,
    title: p.title,
    short_name: p.lawKey,
    level: p.level,
    category: p.category,
    region: p.region,
    version_date: p.versionDate,
    effective_date: p.effectiveDate,
    issuer: p.issuer,
    // Provisional; recomputeStatuses() decides once every version is in.
    status: 'in_force' as const,
    is_current: 0,
    header: p.header,
    source_path: p.key,
    content_hash: p.hash,
    article_count: p.articles.length,
    created_at: now,
    loose_text: p.looseText,
    status_note: p.declaredStatus === 'repealed' ? SOURCE_SAYS_REPEALED : null,
    replaced_by: null,
    source_files: JSON.stringify(p.files),
  };
}

/**
 * Statuses from general rules, then data fixes: per law_key the newest version (by version date, then
 * source path) is current and in force, older ones superseded; a source that says 已废止 or a fix in
 * status-fixes.json marks the current version repealed (with its note and successor).
 * @returns how many law versions changed.
 */
export async function recomputeStatuses(trx: Kysely<Database>): Promise<number> {
  const rows = await trx
    .selectFrom('laws')
    .select([
      'id',
      'law_key',
      'version_date',
      'source_path',
      'status',
      'is_current',
      'status_note',
      'replaced_by',
    ])
    .execute();
  const fixes = new Map(loadStatusFixes().map((f) => [f.law_key, f]));
  const groups = new Map<string, typeof rows>();
  for (const r of rows) groups.set(r.law_key, [...(groups.get(r.law_key) ?? []), r]);
  const updates = new Map<string, number[]>();
  let changed = 0;
  for (const [key, list] of groups) {
    list.sort(
      (a, b) =>
        (a.version_date ?? '').localeCompare(b.version_date ?? '') ||
        a.source_path.localeCompare(b.source_path),
    );
    list.forEach((r, idx) => {
      const current = idx === list.length - 1;
      const fix = current ? fixes.get(key) : undefined;
      let status: LawStatus = current ? 'in_force' : 'superseded';
      let note: string | null = null;
      let successor: string | null = null;
      if (fix) [status, note, successor] = [fix.status, fix.note, fix.replaced_by];
      else if (current && r.status_note === SOURCE_SAYS_REPEALED)
        [status, note] = ['repealed', r.status_note];
      if (
        r.status === status &&
        r.is_current === (current ? 1 : 0) &&
        r.status_note === note &&
        (r.replaced_by ?? null) === successor
      )
        return;
      changed++;
      const tag = JSON.stringify([status, current ? 1 : 0, note, successor]);
      updates.set(tag, [...(updates.get(tag) ?? []), r.id]);
    });
  }
  for (const [tag, ids] of updates) {
    const [status, isCurrent, note, successor] = JSON.parse(tag) as [
      LawStatus,
      number,
      string | null,
      string | null,
    ];
    for (let k = 0; k < ids.length; k += BATCH) {
      await trx
        .updateTable('laws')
        .set({ status, is_current: isCurrent, status_note: note, replaced_by: successor })
        .where('id', 'in', ids.slice(k, k + BATCH))
        .execute();
    }
  }
  return changed;
}

export async function bumpVersion(trx: Kysely<Database>, now: string): Promise<void> {
  const rows = await trx
    .selectFrom('laws')
    .select(['source_path', 'content_hash', 'status', 'is_current', 'replaced_by'])
    .orderBy('source_path')
    .execute();
  const h = createHash('sha256');
  for (const r of rows)
    h.update(
      `${r.source_path}\0${r.content_hash}\0${r.status}\0${r.is_current}\0${r.replaced_by ?? ''}\n`,
    );
  const version = h.digest('hex').slice(0, 16);
  await trx.deleteFrom('law_corpus_state').execute();
  await trx.insertInto('law_corpus_state').values({ version, updated_at: now }).execute();
}

export async function readVersion(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('law_corpus_state').select('version').executeTakeFirst();
  return row?.version ?? 'empty';
}

async function counts(db: Kysely<Database>): Promise<{ laws: number; articles: number }> {
  const l = await db
    .selectFrom('laws')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const a = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { laws: Number(l.n), articles: Number(a.n) };
}
