/** @module Schema migrations of the community-lawyer programme (0800_programme_…, 0801–0809 for issue 18 items 6–7). */
import { sql } from 'kysely';
import { index, withId } from '../db/columns.js';
import type { Migration } from '../db/migrator.js';
import { awardMigration, publicityMigration } from './migrations-awards.js';

export const programmeMigrations: Migration[] = [
  {
    name: '0800_programme_scores',
    up: async (db, dialect) => {
      await withId(db.schema.createTable('programme_standards'), dialect)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('programme_standards_kind', sql`kind IN ('score', 'subsidy')`)
        .execute();
      await index(db, 'programme_standards', ['kind'], true);
      await withId(db.schema.createTable('programme_scores'), dialect)
        .addColumn('adviser_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('parts', 'text', (c) => c.notNull())
        .addColumn('services', 'integer', (c) => c.notNull())
        .addColumn('computed_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addColumn('published_by', 'integer', (c) => c.references('users.id'))
        .addColumn('published_at', 'text')
        .addCheckConstraint('programme_scores_status', sql`status IN ('draft', 'published')`)
        .addCheckConstraint('programme_scores_total', sql`total >= 0 AND total <= 10000`)
        .execute();
      await index(db, 'programme_scores', ['adviser_id', 'period'], true);
      await withId(db.schema.createTable('programme_subsidies'), dialect)
        .addColumn('score_id', 'integer', (c) => c.notNull().references('programme_scores.id'))
        .addColumn('adviser_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('amount_fen', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
        .addColumn('approved_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('programme_subsidies_status', sql`status IN ('pending', 'approved')`)
        .addCheckConstraint('programme_subsidies_amount', sql`amount_fen >= 0`)
        .execute();
      await index(db, 'programme_subsidies', ['score_id'], true);
    },
  },
  awardMigration,
  publicityMigration,
  {
    // Photos of a 普法 activity, stored like consult images: the file exists only with its row, and the
    // per-activity cap is a conditional UPDATE of photo_files, so two uploads cannot both take the last place.
    name: '0803_programme_activity_photos',
    up: async (db, dialect) => {
      await db.schema
        .alterTable('programme_activities')
        .addColumn('photo_files', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await withId(db.schema.createTable('programme_activity_photos'), dialect)
        .addColumn('activity_id', 'integer', (c) =>
          c.notNull().references('programme_activities.id'),
        )
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('stored_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await index(db, 'programme_activity_photos', ['activity_id']);
      await index(db, 'programme_activity_photos', ['stored_name'], true);
    },
  },
];
