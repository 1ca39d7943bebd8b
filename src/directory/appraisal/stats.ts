/** @module The appraisal area's reads for the dashboard: cases commissioned in a period, cases overdue today. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { overdueWhere } from './repository.js';

/** Cases commissioned between two local dates (inclusive), with their institution's name. */
export const appraisalCasesCommissioned = (
  db: Kysely<Database>,
  range: { from: string; to: string },
) =>
  db
    .selectFrom('appraisal_cases')
    .innerJoin('directory_entries as e', 'e.id', 'appraisal_cases.institution_id')
    .select([
      'appraisal_cases.stage',
      'appraisal_cases.commissioned_on',
      'appraisal_cases.due_on',
      'appraisal_cases.opinion_on',
      'e.name as institution',
    ])
    .where('appraisal_cases.commissioned_on', '>=', range.from)
    .where('appraisal_cases.commissioned_on', '<=', range.to)
    .execute();

/** Cases past their current deadline on `today`, and those accepted late (see overdueWhere), across all institutions. */
export const appraisalCasesOverdue = (db: Kysely<Database>, today: string) =>
  db
    .selectFrom('appraisal_cases')
    .innerJoin('directory_entries as e', 'e.id', 'appraisal_cases.institution_id')
    .select([
      'appraisal_cases.code',
      'appraisal_cases.stage',
      'appraisal_cases.accept_due_on',
      'appraisal_cases.due_on',
      'e.name as institution',
    ])
    .where(overdueWhere(today))
    .orderBy('appraisal_cases.id')
    .execute();
