/** @module Queries behind browsing: current laws by level/category/title, counts, article presence per version. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface BrowseFilter {
  level?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** Current versions matching the filter, by level then title; `q` matches title or short name. */
export async function searchLaws(db: Kysely<Database>, f: BrowseFilter) {
  let q = db.selectFrom('laws').where('is_current', '=', 1);
  if (f.level) q = q.where('level', '=', f.level as never);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.q) {
    // Wildcards are dropped rather than escaped: SQLite and PostgreSQL escape LIKE differently.
    const like = `%${f.q.replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([eb('title', 'like', eb.val(like)), eb('law_key', 'like', eb.val(like))]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .select([
      'law_key',
      'title',
      'level',
      'category',
      'region',
      'version_date',
      'status',
      'status_note',
      'article_count',
    ])
    // Short titles first when searching: 劳动法 before 劳动法实施条例.
    .orderBy((eb) => eb.fn('length', ['title']))
    .orderBy('title')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(total.n), items };
}

/** Count of current laws per level and category. */
export async function levelCounts(db: Kysely<Database>) {
  return db
    .selectFrom('laws')
    .where('is_current', '=', 1)
    .select(['level', 'category', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['level', 'category'])
    .execute();
}

/** Ids of the versions of a law that contain the article. */
export async function versionsWithArticle(
  db: Kysely<Database>,
  lawKey: string,
  num: number,
  sub: number,
): Promise<Set<number>> {
  const rows = await db
    .selectFrom('articles')
    .select('law_id')
    .where('law_key', '=', lawKey)
    .where('num', '=', num)
    .where('sub', '=', sub)
    .execute();
  return new Set(rows.map((r) => r.law_id));
}

/** Text outside articles and the header lines of one law version (only for full reading). */
export async function lawTexts(db: Kysely<Database>, lawId: number) {
  return db
    .selectFrom('laws')
    .select(['header', 'loose_text'])
    .where('id', '=', lawId)
    .executeTakeFirstOrThrow();
}
