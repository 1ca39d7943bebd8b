/** @module Queries behind browsing: current laws by level/category/title, counts, article presence per version. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { LawLevel } from './tables.js';

export interface BrowseFilter {
  level?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** The order of 效力层级 in the list: the higher the force, the earlier. */
const LEVEL_ORDER: readonly LawLevel[] = [
  '宪法',
  '法律',
  '行政法规',
  '司法解释',
  '地方性法规',
  '部门规章',
  '其他',
];

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
    // 民法典 first, laws in force before repealed ones, then by 效力层级 (宪法, 法律, 行政法规 …), then
    // short titles first: 劳动法 before 劳动法实施条例 (and no 已废止 信访条例 opening the list).
    .orderBy((eb) => eb.case().when('law_key', '=', '民法典').then(0).else(1).end())
    .orderBy((eb) => eb.case().when('status', '=', 'in_force').then(0).else(1).end())
    .orderBy((eb) => {
      let c = eb.case().when('level', '=', LEVEL_ORDER[0]!).then(0);
      LEVEL_ORDER.slice(1).forEach((l, i) => (c = c.when('level', '=', l).then(i + 1)));
      return c.else(LEVEL_ORDER.length).end();
    })
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
