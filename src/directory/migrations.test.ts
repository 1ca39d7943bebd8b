/** Migration 0605 on a database that already holds duplicate bookings from the old read-then-insert check. */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { directoryMigrations } from './migrations.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('cancels the later duplicate still booked, frees its seat, keeps history, then enforces one', async () => {
  const db = t.ctx.db;
  const citizen = await t.signIn('citizen');
  const office = await db
    .selectFrom('directory_entries')
    .select('id')
    .where('kind', '=', 'notary_office')
    .executeTakeFirstOrThrow();
  const slot = await db
    .insertInto('notary_slots')
    .values({
      office_id: office.id,
      matter_code: 'weituo',
      date: '2026-03-02',
      start_time: '09:00',
      end_time: '10:00',
      capacity: 5,
      booked: 3,
      created_at: '2026-02-01T00:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`DROP INDEX notary_bookings_one_open_per_citizen`.execute(db); // as before 0605
  const base = {
    slot_id: slot.id,
    office_id: office.id,
    citizen_id: citizen.userId,
    matter_code: 'weituo',
    applicant_name: '张三',
    phone: '13812345678',
    id_number: null,
    fee_waiver: 0,
    accepted_on: null,
    due_on: null,
    completed_on: null,
    created_at: '2026-02-02T00:00:00Z',
    updated_at: '2026-02-02T00:00:00Z',
  };
  const ids: number[] = [];
  for (const status of ['completed', 'booked', 'booked', 'booked'] as const)
    ids.push(
      (
        await db
          .insertInto('notary_bookings')
          .values({ ...base, status })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const m = directoryMigrations.find((x) => x.name === '0605_directory_notary_one_seat')!;
  await m.up(db, t.ctx.dialect);
  const rows = await db
    .selectFrom('notary_bookings')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  expect(rows.map((r) => r.status)).toEqual(['completed', 'booked', 'cancelled', 'cancelled']);
  const s = await db
    .selectFrom('notary_slots')
    .select('booked')
    .where('id', '=', slot.id)
    .executeTakeFirstOrThrow();
  expect(s.booked).toBe(1);
  await expect(
    db
      .insertInto('notary_bookings')
      .values({ ...base, status: 'booked' })
      .execute(),
  ).rejects.toThrow(/unique|duplicate/i);
});
