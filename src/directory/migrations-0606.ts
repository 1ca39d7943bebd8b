/**
 * @module Directory migrations of issue 16: one notary slot per office, matter, date and start time (a
 * unique index; slots on rest days carry their reason), and 司法鉴定 cases' pause for supplementary
 * materials and Art. 53 fee waiver.
 */
import { sql, type Kysely } from 'kysely';

/**
 * Duplicates published before the index are kept (they may hold bookings): each later copy gets its own
 * `legacy_duplicate` (its id), so the index over (office, matter, date, start, legacy_duplicate) can be built
 * and refuses every new duplicate (new slots have 0).
 */
export async function uniqueSlots(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notary_slots').addColumn('weekend_reason', 'text').execute();
  await db.schema
    .alterTable('notary_slots')
    .addColumn('legacy_duplicate', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`UPDATE notary_slots SET legacy_duplicate = id WHERE EXISTS (
    SELECT 1 FROM notary_slots k
    WHERE k.office_id = notary_slots.office_id AND k.matter_code = notary_slots.matter_code
      AND k.date = notary_slots.date AND k.start_time = notary_slots.start_time
      AND k.id < notary_slots.id)`.execute(db);
  await db.schema
    .createIndex('notary_slots_one_per_time')
    .on('notary_slots')
    .columns(['office_id', 'matter_code', 'date', 'start_time', 'legacy_duplicate'])
    .unique()
    .execute();
}

export async function appraisalPauseAndWaiver(db: Kysely<any>): Promise<void> {
  for (const [name, type, dflt] of [
    ['paused_on', 'text', null],
    ['paused_days', 'integer', 0],
    ['fee_waiver', 'integer', 0],
    ['fee_waiver_basis', 'text', null],
  ] as const) {
    await db.schema
      .alterTable('appraisal_cases')
      .addColumn(name, type, (c) => (dflt === null ? c : c.notNull().defaultTo(dflt)))
      .execute();
  }
}
