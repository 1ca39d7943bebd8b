/** @module Aid queries shared by routes and the workflow: hardship lines in force, agency names, the status-checked save. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import { localDate } from './clock.js';
import type { TransitionStore } from '../core/transition-save.js';
import type { AidApplicationRow, AidHardshipLineRow, AidNotificationRow } from './tables.js';

type Line = Selectable<AidHardshipLineRow>;

/** For each region, the newest line whose effective date has come. */
export async function currentLines(db: Kysely<Database>, now: Date): Promise<Line[]> {
  const rows = await db
    .selectFrom('aid_hardship_lines')
    .selectAll()
    .where('effective_from', '<=', localDate(now))
    .orderBy('effective_from', 'desc')
    .execute();
  const seen = new Map<string, Line>();
  for (const r of rows) if (!seen.has(r.region)) seen.set(r.region, r);
  return [...seen.values()];
}

/** The district's own line, else the city-wide one. */
export const lineFor = (lines: Line[], region: string): Line | undefined =>
  lines.find((l) => l.region === region) ?? lines.find((l) => l.region === '武汉市');

/** Statuses after which a new application for the same matter is no repeat (the old one is over). */
const OVER = [
  'withdrawn',
  'refused',
  'terminated',
  'closed',
  'evaluated',
  'objection_rejected',
] as const;

/**
 * An open application with the same applicant ID, matter and facts: the citizen's own (by account), or any
 * for an officer (who registers for others and may see them all).
 */
export async function findOpenDuplicate(
  db: Kysely<Database>,
  q: { idNumber: string; caseType: string; caseFacts: string; ownerUserId: number | null },
) {
  let s = db
    .selectFrom('aid_applications')
    .select(['id', 'ref_no', 'received_at'])
    .where('applicant_id_number', '=', q.idNumber)
    .where('case_type', '=', q.caseType as never)
    .where('case_facts', '=', q.caseFacts)
    .where('status', 'not in', [...OVER]);
  if (q.ownerUserId !== null) s = s.where('applicant_user_id', '=', q.ownerUserId);
  return s.orderBy('id').executeTakeFirst();
}

/** The ID numbers an account has applied under for itself (no proxy recorded): its own, as far as we know. */
export async function ownIdNumbers(db: Kysely<Database>, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('aid_applications')
    .select('applicant_id_number')
    .distinct()
    .where('applicant_user_id', '=', userId)
    .where('proxy_name', 'is', null)
    .execute();
  return rows.map((r) => r.applicant_id_number);
}

/** Other applications by the same person for the same kind of matter (any office, any status). */
export async function sameApplicantSameMatter(
  db: Kysely<Database>,
  a: { id: number; applicant_id_number: string; case_type: string },
) {
  return db
    .selectFrom('aid_applications as a')
    .innerJoin('agencies as g', 'g.id', 'a.agency_id')
    .select(['a.id', 'a.ref_no', 'a.status', 'a.received_at', 'g.name as agency_name'])
    .where('a.applicant_id_number', '=', a.applicant_id_number)
    .where('a.case_type', '=', a.case_type as never)
    .where('a.id', '<>', a.id)
    .where('a.status', '<>', 'draft')
    .orderBy('a.id')
    .limit(10)
    .execute();
}

export async function agencyNames(db: Kysely<Database>): Promise<Map<number, string>> {
  const rows = await db.selectFrom('agencies').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * How the core engine saves a legal-aid step: the application row changes only while it is still in `from`
 * (on PostgreSQL the second UPDATE waits for the first's row lock and then finds the status changed; SQLite
 * runs one writer at a time), and the step joins the application's timeline under its agency.
 */
export const aidStore = (agencyId: number): TransitionStore<string> => ({
  entity: 'aid_application',
  raceMessage: '该申请刚被其他操作处理，状态已改变，请刷新后重试',
  table: 'aid_applications',
  async addStep(trx, s) {
    await trx
      .insertInto('aid_steps')
      .values({
        application_id: s.id,
        at: s.at,
        actor_id: s.actorId,
        actor_role: s.actorRole,
        event: s.event,
        from_status: s.from,
        to_status: s.to,
        note: s.note,
        agency_id: agencyId,
      })
      .execute();
  },
});

/** Which of `names` are stored application materials (for settling interrupted uploads at start). */
export async function storedMaterialNames(
  db: Kysely<Database>,
  names: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < names.length; i += 500) {
    const rows = await db
      .selectFrom('aid_attachments')
      .select('stored_name')
      .where('stored_name', 'in', names.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.stored_name);
  }
  return found;
}

export const loadApplication = (db: Kysely<Database>, id: number) =>
  db.selectFrom('aid_applications').selectAll().where('id', '=', id).executeTakeFirst();

/** The agency's id if it exists (to check the receiving agency of a new application). */
export const findAgencyId = (db: Kysely<Database>, agencyId: number) =>
  db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();

/** Inserts a new application (its status is `draft` until applyEvent submits it) and returns its id. */
export async function insertApplication(
  db: Kysely<Database>,
  values: Insertable<AidApplicationRow>,
): Promise<number> {
  const row = await db
    .insertInto('aid_applications')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sets the reference number (made from the id, so only after the insert). */
export async function setRefNo(db: Kysely<Database>, id: number, refNo: string): Promise<void> {
  await db.updateTable('aid_applications').set({ ref_no: refNo }).where('id', '=', id).execute();
}

export async function insertNotification(
  db: Kysely<Database>,
  values: Insertable<AidNotificationRow>,
): Promise<void> {
  await db.insertInto('aid_notifications').values(values).execute();
}

/** The active lawyers of an agency's roster, with what assignment needs to weigh them. */
export const listActiveRoster = (db: Kysely<Database>, agencyId: number) =>
  db
    .selectFrom('aid_roster')
    .innerJoin('users', 'users.id', 'aid_roster.user_id')
    .select([
      'aid_roster.user_id',
      'users.display_name',
      'aid_roster.specialties',
      'aid_roster.years_experience',
      'aid_roster.famous',
      'aid_roster.conflict_parties',
    ])
    .where('aid_roster.agency_id', '=', agencyId)
    .where('aid_roster.active', '=', 1)
    .execute();

/** Open cases per assigned lawyer (every agency). */
export const countOpenCasesByLawyer = (db: Kysely<Database>) =>
  db
    .selectFrom('aid_applications')
    .select(['assigned_lawyer_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['assigned', 'in_progress', 'lawyer_change_requested'])
    .groupBy('assigned_lawyer_id')
    .execute();
