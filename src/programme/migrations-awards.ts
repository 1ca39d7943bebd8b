/** @module Migrations 0801 (品牌 awards: applications, steps, inspectors' scores, objections) and 0802 (普法 campaigns and activities). */
import { sql } from 'kysely';
import { index, withId, withTimestamps } from '../db/columns.js';
import type { Migration } from '../db/migrator.js';

export const awardMigration: Migration = {
  name: '0801_programme_awards',
  up: async (db, dialect) => {
    await withTimestamps(withId(db.schema.createTable('programme_awards'), dialect))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('applicant_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('nominee', 'text', (c) => c.notNull())
      .addColumn('district', 'text')
      .addColumn('materials', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('inspection_mean', 'integer')
      .addColumn('publicity_days', 'integer')
      .addColumn('publicity_from', 'text')
      .addColumn('publicity_until', 'text')
      .addColumn('awarded_at', 'text')
      .addCheckConstraint('programme_awards_kind', sql`kind IN ('studio', 'firm')`)
      .execute();
    // One application per applicant, kind and year (a returned one is resubmitted, not filed again).
    await index(db, 'programme_awards', ['applicant_id', 'kind', 'year'], true);
    await index(db, 'programme_awards', ['status']);
    await withId(db.schema.createTable('programme_award_steps'), dialect)
      .addColumn('award_id', 'integer', (c) => c.notNull().references('programme_awards.id'))
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text', (c) => c.notNull())
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await index(db, 'programme_award_steps', ['award_id']);
    await withId(db.schema.createTable('programme_award_scores'), dialect)
      .addColumn('award_id', 'integer', (c) => c.notNull().references('programme_awards.id'))
      .addColumn('inspector_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('programme_award_scores_range', sql`score >= 0 AND score <= 100`)
      .execute();
    // Each inspector scores an application once: the database decides between two at the same moment.
    await index(db, 'programme_award_scores', ['award_id', 'inspector_id'], true);
    await withId(db.schema.createTable('programme_award_objections'), dialect)
      .addColumn('award_id', 'integer', (c) => c.notNull().references('programme_awards.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('decision', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index(db, 'programme_award_objections', ['award_id']);
  },
};

export const publicityMigration: Migration = {
  name: '0802_programme_publicity',
  up: async (db, dialect) => {
    await withTimestamps(withId(db.schema.createTable('programme_campaigns'), dialect))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addCheckConstraint('programme_campaigns_dates', sql`from_date <= to_date`)
      .execute();
    await withTimestamps(withId(db.schema.createTable('programme_activities'), dialect))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('programme_campaigns.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('organiser', 'text', (c) => c.notNull())
      .addColumn('lawyers', 'text', (c) => c.notNull())
      .addColumn('audience', 'integer', (c) => c.notNull())
      .addColumn('photo_count', 'integer', (c) => c.notNull())
      .addColumn('logged_by', 'integer', (c) => c.notNull().references('users.id'))
      .addCheckConstraint(
        'programme_activities_kind',
        sql`kind IN ('lecture', 'community', 'enterprise', 'school', 'other')`,
      )
      .addCheckConstraint('programme_activities_counts', sql`audience >= 0 AND photo_count >= 0`)
      .addCheckConstraint('programme_activities_times', sql`starts_at <= ends_at`)
      .execute();
    await index(db, 'programme_activities', ['starts_at']);
    await index(db, 'programme_activities', ['logged_by', 'starts_at']);
    await index(db, 'programme_activities', ['campaign_id']);
  },
};
