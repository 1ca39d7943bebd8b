/** @module Schema migrations of the consult area (names start with its prefix (0400_consult_…) so they sort after core). */
import { sql, type Kysely } from 'kysely';
import { index, withId, withTimestamps } from '../db/columns.js';
import type { Dialect } from '../db/connection.js';
import type { Migration } from '../db/migrator.js';

async function geography(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withTimestamps(
    withId(db.schema.createTable('consult_streets'), dialect)
      .addColumn('district', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull()),
  ).execute();
  await index(db, 'consult_streets', ['district', 'name'], true);
  await withTimestamps(
    withId(db.schema.createTable('consult_communities'), dialect)
      .addColumn('street_id', 'integer', (c) => c.notNull().references('consult_streets.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull()),
  ).execute();
  await index(db, 'consult_communities', ['street_id', 'name'], true);
  await withTimestamps(
    withId(db.schema.createTable('consult_lawyers'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id'))
      .addColumn('registered', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('in_pool', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('specialties', 'text', (c) => c.notNull().defaultTo('[]')),
  ).execute();
  await withId(db.schema.createTable('consult_assignments'), dialect)
    .addColumn('community_id', 'integer', (c) =>
      c.notNull().references('consult_communities.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'consult_assignments', ['community_id', 'user_id'], true);
  await index(db, 'consult_assignments', ['user_id']);
  await withId(db.schema.createTable('consult_profiles'), dialect)
    .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id'))
    .addColumn('community_id', 'integer', (c) => c.notNull().references('consult_communities.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('consult_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('pool_after_minutes', 'integer', (c) => c.notNull())
    .addColumn('hotline_after_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('consult_settings')
    .values({
      id: 1,
      pool_after_minutes: 10,
      hotline_after_minutes: 20,
      updated_at: new Date().toISOString(),
    })
    .execute();
}

async function questions(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withTimestamps(
    withId(db.schema.createTable('consult_questions'), dialect)
      .addColumn('citizen_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('community_id', 'integer', (c) => c.notNull().references('consult_communities.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('transcript', 'text')
      .addColumn('conversation_id', 'text')
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('claimed_by', 'integer', (c) => c.references('users.id'))
      .addColumn('claimed_at', 'text')
      .addColumn('next_escalation_at', 'text')
      .addColumn('first_response_at', 'text')
      .addColumn('first_responder_id', 'integer', (c) => c.references('users.id'))
      .addColumn('category', 'text')
      .addColumn('rating', 'integer')
      .addColumn('rating_comment', 'text'),
  ).execute();
  await index(db, 'consult_questions', ['next_escalation_at']);
  await index(db, 'consult_questions', ['citizen_id']);
  await index(db, 'consult_questions', ['community_id', 'status']);
  await index(db, 'consult_questions', ['stage', 'status']);
  await index(db, 'consult_questions', ['created_at']);
  await withId(db.schema.createTable('consult_messages'), dialect)
    .addColumn('question_id', 'integer', (c) => c.notNull().references('consult_questions.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'consult_messages', ['question_id']);
  await withId(db.schema.createTable('consult_attachments'), dialect)
    .addColumn('question_id', 'integer', (c) => c.notNull().references('consult_questions.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'consult_attachments', ['question_id']);
  await withId(db.schema.createTable('consult_events'), dialect)
    .addColumn('question_id', 'integer', (c) => c.notNull().references('consult_questions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'consult_events', ['question_id', 'kind']);
  // A second line of defence behind the row locks: one escalation of each kind per question, ever.
  await sql`CREATE UNIQUE INDEX uq_consult_events_escalation ON consult_events (question_id, kind) WHERE kind IN ('escalated_pool', 'escalated_hotline')`.execute(
    db,
  );
}

async function serviceTables(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('consult_referrals'), dialect)
    .addColumn('question_id', 'integer', (c) => c.notNull().references('consult_questions.id'))
    .addColumn('citizen_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('lawyer_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .execute();
  await index(db, 'consult_referrals', ['question_id']);
  await withId(db.schema.createTable('consult_offline_logs'), dialect)
    .addColumn('lawyer_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('community_id', 'integer', (c) => c.notNull().references('consult_communities.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'consult_offline_logs', ['date']);
  await index(db, 'consult_offline_logs', ['lawyer_id']);
}

export const consultMigrations: Migration[] = [
  { name: '0400_consult_geography', up: geography },
  { name: '0401_consult_questions', up: questions },
  { name: '0402_consult_service', up: serviceTables },
  { name: '0403_consult_attachment_count', up: attachmentCount },
  { name: '0404_consult_hotline_claim', up: hotlineClaim },
  { name: '0405_consult_targets', up: targets },
];

/** The bureau's yearly targets of the half-year report, one per year and measure. */
async function targets(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('consult_targets'), dialect)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'consult_targets', ['year', 'metric'], true);
}

/**
 * Who of the 12348 staff took a question in the hotline queue. Kept apart from `claimed_by` (the pool
 * volunteer's claim, which a question escalated on from the pool still carries).
 */
async function hotlineClaim(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('consult_questions')
    .addColumn('hotline_claimed_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('consult_questions').addColumn('hotline_claimed_at', 'text').execute();
}

/**
 * The number of images a question holds, kept on the question so the 6-image limit is one conditional
 * UPDATE (`attachment_count < 6`) in the upload's transaction rather than a count read beforehand.
 */
async function attachmentCount(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('consult_questions')
    .addColumn('attachment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`UPDATE consult_questions SET attachment_count = (
    SELECT COUNT(*) FROM consult_attachments a WHERE a.question_id = consult_questions.id)`.execute(
    db,
  );
}
