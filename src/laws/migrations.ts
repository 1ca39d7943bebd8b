/** @module Schema of the law corpus (laws, articles, import anomalies). */
import type { Kysely } from 'kysely';
import { index, withId } from '../db/columns.js';
import type { Dialect } from '../db/connection.js';
import type { Migration } from '../db/migrator.js';

async function createLaws(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('laws'), dialect)
    .addColumn('law_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('version_date', 'text')
    .addColumn('effective_date', 'text')
    .addColumn('issuer', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .addColumn('header', 'text')
    .addColumn('source_path', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'laws', ['law_key', 'version_date']);
  await index(db, 'laws', ['source_path'], true);
  await withId(db.schema.createTable('articles'), dialect)
    .addColumn('law_id', 'integer', (c) => c.notNull().references('laws.id').onDelete('cascade'))
    .addColumn('law_key', 'text', (c) => c.notNull())
    .addColumn('num', 'integer', (c) => c.notNull())
    .addColumn('sub', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('heading', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'articles', ['law_id', 'num', 'sub']);
  await index(db, 'articles', ['law_key', 'num', 'sub']);
  await withId(db.schema.createTable('law_import_issues'), dialect)
    .addColumn('source_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

/** Text outside articles, a status note for data fixes, and the corpus version other processes poll. */
async function addExtras(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('laws').addColumn('loose_text', 'text').execute();
  await db.schema.alterTable('laws').addColumn('status_note', 'text').execute();
  await db.schema.alterTable('laws').addColumn('source_files', 'text').execute();
  await index(db, 'laws', ['is_current', 'level']);
  await index(db, 'law_import_issues', ['source_path']);
  await withId(db.schema.createTable('law_corpus_state'), dialect)
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export const lawsMigrations: Migration[] = [
  { name: '0100_laws_tables', up: createLaws },
  { name: '0101_laws_extras', up: addExtras },
  // Neighbouring articles (prev/next) are looked up by position within a law version.
  { name: '0102_laws_article_seq', up: (db) => index(db, 'articles', ['law_id', 'seq']) },
  // The successor of a repealed law (status-fixes.json), so its page can link there.
  {
    name: '0103_laws_replaced_by',
    up: (db) => db.schema.alterTable('laws').addColumn('replaced_by', 'text').execute(),
  },
];
