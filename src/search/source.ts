/** @module Reads every article version from the database (through the laws repository) for the index. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { listArticlesForIndex } from '../laws/repository.js';
import type { SearchDoc } from './corpus-index.js';

/** STARD-style law name: the official title without any 中华人民共和国 (《民法典》 stays in brackets). */
export const lawNameOf = (title: string, lawKey: string) =>
  title.replace(/中华人民共和国/g, '').replace(/\s+/g, '') || lawKey;

/** All versions (superseded and repealed too: the index masks them unless a search asks). */
export async function loadSearchDocs(db: Kysely<Database>): Promise<SearchDoc[]> {
  const rows = await listArticlesForIndex(db, { includeSuperseded: true });
  return rows.map((r) => ({
    id: r.id,
    lawKey: r.law_key,
    lawName: lawNameOf(r.title, r.law_key),
    lawTitle: r.title,
    level: r.level,
    num: r.num,
    sub: r.sub,
    label: r.label,
    heading: r.heading,
    text: r.text,
    version: r.version_date,
    status: r.status,
    isCurrent: r.is_current === 1,
  }));
}
