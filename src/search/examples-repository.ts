/** @module Queries of the learned examples (the search area's own table). */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { LearnedExample } from './examples.js';
import type { ExampleSource, SearchExampleRow } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

function fromRow(r: Selectable<SearchExampleRow>): LearnedExample {
  return {
    id: r.id,
    question: r.question,
    articles: JSON.parse(r.articles) as LearnedExample['articles'],
    issueId: r.issue_id,
    source: r.source,
    sourceRef: r.source_ref,
    createdBy: r.created_by,
    createdAt: r.created_at,
    retiredAt: r.retired_at,
  };
}

export interface ExampleInput {
  question: string;
  articles: LearnedExample['articles'];
  issueId: string | null;
  source: ExampleSource;
  sourceRef: string;
  createdBy: number | null;
}

/** One example per source record: a new label or answer replaces the earlier one (and revives it). */
export async function upsertExample(db: Db, e: ExampleInput, at: string): Promise<number> {
  const values = {
    question: e.question,
    articles: JSON.stringify(e.articles),
    issue_id: e.issueId,
    updated_at: at,
    retired_at: null,
  };
  const r = await db
    .insertInto('search_examples')
    .values({
      ...values,
      source: e.source,
      source_ref: e.sourceRef,
      created_by: e.createdBy,
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['source', 'source_ref']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function activeExamples(db: Db): Promise<LearnedExample[]> {
  const rows = await db
    .selectFrom('search_examples')
    .selectAll()
    .where('retired_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(fromRow);
}

/** The examples (active or retired) of one source, or of the named source records of it. */
export async function examplesOf(
  db: Db,
  source: ExampleSource,
  refs?: readonly string[],
): Promise<LearnedExample[]> {
  if (refs?.length === 0) return [];
  let q = db.selectFrom('search_examples').selectAll().where('source', '=', source);
  if (refs) q = q.where('source_ref', 'in', refs);
  return (await q.orderBy('id').execute()).map(fromRow);
}

export async function listExamples(
  db: Db,
  limit: number,
  offset: number,
): Promise<{ items: LearnedExample[]; total: number }> {
  const rows = await db
    .selectFrom('search_examples')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const t = await db
    .selectFrom('search_examples')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { items: rows.map(fromRow), total: Number(t.n) };
}

/** What the engine caches on: changes with every new, changed or retired example. */
export async function examplesRevision(db: Db): Promise<string> {
  const r = await db
    .selectFrom('search_examples')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at')])
    .executeTakeFirstOrThrow();
  return `${Number(r.n)}@${r.at ?? ''}`;
}

/** Retires an active example; false when it is unknown or already retired (status-checked). */
export async function retireExample(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('search_examples')
    .set({ retired_at: at, updated_at: at })
    .where('id', '=', id)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
