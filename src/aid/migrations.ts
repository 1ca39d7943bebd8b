/** @module Schema migrations of the aid area (names start with its prefix (0300_aid_…) so they sort after core). */
import { sql, type Kysely } from 'kysely';
import { index, withId, withTimestamps } from '../db/columns.js';
import type { Dialect } from '../db/connection.js';
import type { Migration } from '../db/migrator.js';
import { WUHAN_DISTRICTS } from '../db/seed-agencies.js';
import { aidFiguresMigrations } from './figures/migrations.js';
import { aidDefenceMigrations } from './defence/migrations.js';
import { aidComplaintsMigrations } from './complaints/migrations.js';
import { aidSubsidiesMigrations } from './subsidies/migrations.js';
import { aidFormsMigrations } from './forms/migrations.js';
import { addReferralLink } from './referral-link.js';

type Col = [name: string, type: 'text' | 'integer', notNull?: boolean];

// Nullable text columns of an application, listed once so the DDL stays readable.
const APPLICATION_COLUMNS: Col[] = [
  ['ref_no', 'text'],
  ['status', 'text', true],
  ['channel', 'text', true],
  ['applicant_user_id', 'integer'],
  ['created_by', 'integer', true],
  ['applicant_name', 'text', true],
  ['applicant_id_number', 'text', true],
  ['applicant_phone', 'text', true],
  ['applicant_address', 'text'],
  ['proxy_name', 'text'],
  ['proxy_relation', 'text'],
  ['proxy_id_number', 'text'],
  ['adverse_party', 'text'],
  ['case_type', 'text', true],
  ['case_category', 'text', true],
  ['case_facts', 'text', true],
  ['is_litigation', 'integer', true],
  ['handling_organ', 'text'],
  ['handling_district', 'text', true],
  ['max_penalty_life_or_death', 'integer', true],
  ['hardship_basis', 'text', true],
  ['commitment_name', 'text'],
  ['commitment_at', 'text'],
  ['exempt_article', 'text'],
  ['household_size', 'integer'],
  ['household_monthly_income', 'integer'],
  ['home_service', 'integer', true],
  ['preferred_lawyer_ids', 'text', true],
  ['received_agency_id', 'integer', true],
  ['agency_id', 'integer', true],
  ['competent_agency_id', 'integer', true],
  ['received_at', 'text', true],
  ['transferred_at', 'text'],
  ['accepted_at', 'text'],
  ['decided_at', 'text'],
  ['decision_reasons', 'text'],
  ['urgent', 'integer', true],
  ['urgent_ground', 'text'],
  ['supplement_items', 'text'],
  ['supplement_requested_at', 'text'],
  ['supplement_deadline', 'text'],
  ['supplement_count', 'integer', true],
  ['pauses', 'text', true],
  ['assigned_lawyer_id', 'integer'],
  ['assigned_at', 'text'],
  ['assigned_by_choice', 'integer', true],
  ['started_at', 'text'],
  ['closed_at', 'text'],
  ['closing_report', 'text'],
  ['termination_ground', 'text'],
  ['termination_reason', 'text'],
  ['terminated_at', 'text'],
  ['objection_text', 'text'],
  ['objection_raised_at', 'text'],
  ['objection_decided_at', 'text'],
  ['objection_reasons', 'text'],
  ['lawyer_change_reason', 'text'],
  ['economic_amount', 'integer', true],
  ['withdrawn_at', 'text'],
  ['citizen_satisfaction', 'integer'],
  ['citizen_comment', 'text'],
];

async function createTables(db: Kysely<any>, dialect: Dialect): Promise<void> {
  let app = withId(db.schema.createTable('aid_applications'), dialect);
  for (const [name, type, nn] of APPLICATION_COLUMNS)
    app = app.addColumn(name, type, (c) => (nn ? c.notNull() : c));
  await withTimestamps(app).execute();
  await index(db, 'aid_applications', ['agency_id', 'status']);
  await index(db, 'aid_applications', ['applicant_user_id']);
  await index(db, 'aid_applications', ['assigned_lawyer_id']);
  await index(db, 'aid_applications', ['applicant_id_number']);

  await withId(db.schema.createTable('aid_steps'), dialect)
    .addColumn('application_id', 'integer', (c) => c.notNull().references('aid_applications.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .execute();
  await index(db, 'aid_steps', ['application_id']);

  await withId(db.schema.createTable('aid_attachments'), dialect)
    .addColumn('application_id', 'integer', (c) => c.notNull().references('aid_applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'aid_attachments', ['application_id']);

  await withTimestamps(
    withId(db.schema.createTable('aid_roster'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id'))
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('specialties', 'text', (c) => c.notNull())
      .addColumn('years_experience', 'integer', (c) => c.notNull())
      .addColumn('famous', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('conflict_parties', 'text', (c) => c.notNull()),
  ).execute();

  await withId(db.schema.createTable('aid_notes'), dialect)
    .addColumn('application_id', 'integer', (c) => c.notNull().references('aid_applications.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await index(db, 'aid_notes', ['application_id']);

  await withId(db.schema.createTable('aid_evaluations'), dialect)
    .addColumn('application_id', 'integer', (c) =>
      c.notNull().unique().references('aid_applications.id'),
    )
    .addColumn('satisfaction', 'integer', (c) => c.notNull())
    .addColumn('file_score', 'integer', (c) => c.notNull())
    .addColumn('hearing_score', 'integer')
    .addColumn('court_score', 'integer')
    .addColumn('combined', 'integer', (c) => c.notNull())
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('evaluator_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('aid_notifications'), dialect)
    .addColumn('agency_id', 'integer')
    .addColumn('user_id', 'integer')
    .addColumn('application_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await index(db, 'aid_notifications', ['agency_id']);
  await index(db, 'aid_notifications', ['application_id', 'kind']);

  await db.schema
    .createTable('aid_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await withTimestamps(
    withId(db.schema.createTable('aid_hardship_lines'), dialect)
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('monthly_per_capita', 'integer', (c) => c.notNull())
      .addColumn('effective_from', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull()),
  ).execute();
  await index(db, 'aid_hardship_lines', ['region', 'effective_from'], true);
}

/**
 * No verified Hubei/Wuhan hardship figure is available offline (see shared domain notes, Art. 34),
 * so the shipped lines are example values, labelled as such for the administrator to replace.
 */
async function seedHardshipLines(db: Kysely<any>): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  const rows = ['武汉市', ...WUHAN_DISTRICTS].map((region) => ({
    region,
    monthly_per_capita: 1800,
    effective_from: '2025-01-01',
    source: '示例数据，请替换',
    created_at: at,
    updated_at: at,
  }));
  await db.insertInto('aid_hardship_lines').values(rows).execute();
}

/**
 * Notices already in an account's inbox were delivered when sent; a window applicant's were never
 * delivered at all, so those cases wait for staff to record a paper notice (migration 0370).
 */
export async function backfillSupplementDelivery(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('aid_applications')
    .set({ supplement_delivered_at: sql.ref('supplement_requested_at') })
    .where('applicant_user_id', 'is not', null)
    .where('supplement_requested_at', 'is not', null)
    .where('supplement_delivered_at', 'is', null)
    .execute();
}

export const aidMigrations: Migration[] = [
  { name: '0300_aid_tables', up: createTables },
  { name: '0301_aid_seed_hardship_lines', up: (db) => seedHardshipLines(db) },
  ...aidFiguresMigrations,
  ...aidDefenceMigrations,
  ...aidComplaintsMigrations,
  ...aidSubsidiesMigrations,
  ...aidFormsMigrations,
  {
    // When the one 补正 notice reached the applicant (in-app at once, SMS once sent, or on paper as
    // recorded by staff): 视为撤回 may only count from there (Art. 43 ¶2).
    name: '0370_aid_supplement_delivery',
    up: async (db) => {
      await db.schema
        .alterTable('aid_applications')
        .addColumn('supplement_delivered_at', 'text')
        .execute();
      await backfillSupplementDelivery(db);
    },
  },
  // Which 法指针 referral an application came from (src/aid/referral-link.ts).
  { name: '0380_aid_referral_link', up: addReferralLink },
  {
    // Art. 38 corrections, 容缺受理 as its own step, and a fresh decision clock after 责令改正.
    name: '0390_aid_competence_tolerant',
    up: async (db) => {
      for (const col of [
        'competence_reason',
        'tolerant_at',
        'tolerant_items',
        'tolerant_deadline',
        'tolerant_completed_at',
        'clock_started_at',
      ])
        await db.schema.alterTable('aid_applications').addColumn(col, 'text').execute();
    },
  },
];
