/** @module 司法鉴定 case queries; "overdue" is computed in SQL from the stored due dates (YYYY-MM-DD text compares in order). */
import type { ExpressionBuilder, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { TransitionStore } from '../../core/transition-save.js';
import type { AppraisalCaseRow, AppraisalStage } from '../tables.js';
import type { CaseQuery } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type AppraisalCase = Selectable<AppraisalCaseRow> & { institution_name: string };

/**
 * Cases past their current deadline on `today` — a paused case only if it was already late when it
 * paused — and cases accepted after the acceptance deadline, which stay in view once accepted.
 */
export const overdueWhere =
  (today: string) => (eb: ExpressionBuilder<Database, 'appraisal_cases'>) =>
    eb.or([
      eb('appraisal_cases.accepted_on', '>', eb.ref('appraisal_cases.accept_due_on')),
      eb.and([
        eb('appraisal_cases.stage', 'in', ['accepted_paused', 'examining_paused']),
        eb('appraisal_cases.due_on', '<', eb.ref('appraisal_cases.paused_on')),
      ]),
      eb.and([
        eb('appraisal_cases.stage', '=', 'commissioned'),
        eb('appraisal_cases.accept_due_on', '<', today),
      ]),
      eb.and([
        eb('appraisal_cases.stage', 'in', ['accepted', 'examining']),
        eb('appraisal_cases.due_on', '<', today),
      ]),
    ]);

function base(db: Db) {
  return db
    .selectFrom('appraisal_cases')
    .innerJoin('directory_entries as e', 'e.id', 'appraisal_cases.institution_id')
    .selectAll('appraisal_cases')
    .select('e.name as institution_name');
}

/** Cases visible to the caller: every institution's (`institutionIds` null) or only the given ones'. */
export async function listCases(
  db: Db,
  institutionIds: number[] | null,
  q: CaseQuery,
  today: string,
): Promise<{ items: AppraisalCase[]; total: number }> {
  let query = base(db);
  if (institutionIds)
    query = query.where(
      'appraisal_cases.institution_id',
      'in',
      institutionIds.length ? institutionIds : [-1],
    );
  if (q.institutionId) query = query.where('appraisal_cases.institution_id', '=', q.institutionId);
  if (q.stage) query = query.where('appraisal_cases.stage', '=', q.stage);
  if (q.code) query = query.where('appraisal_cases.code', '=', q.code);
  if (q.overdue === 'true') query = query.where(overdueWhere(today));
  if (q.overdue === 'false') query = query.where((eb) => eb.not(overdueWhere(today)(eb)));
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await query
    .orderBy('appraisal_cases.commissioned_on', 'desc')
    .orderBy('appraisal_cases.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

/**
 * How the core engine saves a case's step: only while the case is still at `from` and its extensions are
 * as read (two extensions racing from one stage must not both apply).
 */
export const appraisalStore = (extensionDays: number): TransitionStore<AppraisalStage> => ({
  entity: 'appraisal_case',
  raceMessage: '案件状态已被其他操作改变，请刷新后重试',
  table: 'appraisal_cases',
  column: 'stage',
  still: { extension_days: extensionDays },
});

export function findCase(db: Db, id: number): Promise<AppraisalCase | undefined> {
  return base(db).where('appraisal_cases.id', '=', id).executeTakeFirst();
}

/** Per institution: open, finished and overdue cases (the bureau's overview). */
export async function summaryByInstitution(db: Db, today: string) {
  const rows = await db
    .selectFrom('directory_entries as e')
    .leftJoin('appraisal_cases', 'appraisal_cases.institution_id', 'e.id')
    .select([
      'e.id',
      'e.name',
      'appraisal_cases.stage',
      'appraisal_cases.accept_due_on',
      'appraisal_cases.accepted_on',
      'appraisal_cases.due_on',
      'appraisal_cases.paused_on',
    ])
    .where('e.kind', '=', 'appraisal_institution')
    .orderBy('e.id')
    .execute();
  const out = new Map<
    number,
    {
      id: number;
      name: string;
      total: number;
      open: number;
      finished: number;
      overdue: number;
      acceptedLate: number;
    }
  >();
  for (const r of rows) {
    const s = out.get(r.id) ?? {
      id: r.id,
      name: r.name,
      total: 0,
      open: 0,
      finished: 0,
      overdue: 0,
      acceptedLate: 0,
    };
    out.set(r.id, s);
    if (!r.stage) continue;
    s.total++;
    if (['opinion', 'archived', 'declined'].includes(r.stage)) s.finished++;
    else s.open++;
    const acceptedLate = !!r.accepted_on && r.accepted_on > r.accept_due_on!;
    if (acceptedLate) s.acceptedLate++;
    if (
      acceptedLate ||
      (r.stage === 'commissioned' && r.accept_due_on! < today) ||
      ((r.stage === 'accepted' || r.stage === 'examining') && r.due_on && r.due_on < today) ||
      (r.stage.endsWith('_paused') && r.due_on && r.paused_on && r.due_on < r.paused_on)
    )
      s.overdue++;
  }
  return [...out.values()];
}
