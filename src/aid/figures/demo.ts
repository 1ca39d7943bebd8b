/**
 * @module Demo mode's report year: 2,138 closed 示例 cases whose figures are those of the offices' annual
 * report the project was seeded from — all under 承诺制 (837 承诺书 instead of proof, 1,301 免予审查), 91
 * 容缺受理, 318 点援制, 384 名优律师, 2,840.9 万元 挽回损失. The rows are spread over the agencies and
 * months by fixed strides (no randomness), so the statistics page shows the same numbers on every install.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { BLANK_PROGRESS } from '../blank.js';
import type { AidApplicationRow } from '../tables.js';
import { insertReportRows } from './repository.js';
import type { RecipientGroup } from './schema.js';

export const REPORT = {
  received: 2138,
  commitment: 837,
  exempt: 1301,
  tolerant: 91,
  pointChoice: 318,
  famous: 384,
  economicAmount: 28_409_000,
} as const;

const MATTERS = ['labour_pay', 'injury', 'maintenance', 'social_insurance', 'pension'] as const;
const GROUPS: RecipientGroup[] = [
  'migrant_worker',
  'elderly',
  'disabled',
  'minor',
  'woman',
  'military',
];

/** Whether row `i` is among the first `k` of a fixed permutation of 0…n-1 (7919 is prime to 2,138). */
const picked = (i: number, stride: number, k: number) => (i * stride) % REPORT.received < k;

function sampleId(i: number): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const first17 = `4201021970${String(101 + (i % 28)).padStart(4, '0')}${String(i % 1000).padStart(3, '0')}`;
  const sum = [...first17].reduce((s, d, j) => s + Number(d) * w[j]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

type Row = Omit<AidApplicationRow, 'id'>;

export function reportYearRows(a: {
  year: number;
  agencyIds: number[];
  createdBy: number;
  famousLawyerId: number;
  plainLawyerId: number;
}): { row: Row; groups: RecipientGroup[] }[] {
  const base = Math.floor(REPORT.economicAmount / REPORT.received);
  const extra = REPORT.economicAmount - base * REPORT.received;
  return Array.from({ length: REPORT.received }, (_, i) => {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const at = `${a.year}-${month}-${day}T02:00:00.000Z`;
    const closed = `${a.year}-${month}-${day}T08:00:00.000Z`;
    const agency = a.agencyIds[i % a.agencyIds.length]!;
    const commitment = i < REPORT.commitment;
    const row: Row = {
      ...BLANK_PROGRESS,
      ref_no: `示例-${a.year}-${String(i + 1).padStart(4, '0')}`,
      status: 'closed',
      channel: i % 3 === 0 ? 'window' : 'online',
      applicant_user_id: null,
      created_by: a.createdBy,
      applicant_name: `示例受援人${i + 1}`,
      applicant_id_number: sampleId(i),
      applicant_phone: `139${String(i).padStart(8, '0')}`,
      applicant_address: null,
      proxy_name: null,
      proxy_relation: null,
      proxy_id_number: null,
      adverse_party: '（示例）某公司',
      case_type: MATTERS[i % MATTERS.length]!,
      case_category: 'civil',
      case_facts: '（示例）年度报表示例案件。',
      is_litigation: i % 2,
      handling_organ: null,
      handling_district: '武汉市',
      max_penalty_life_or_death: 0,
      hardship_basis: commitment ? 'commitment' : 'exempt',
      commitment_name: commitment ? `示例受援人${i + 1}` : null,
      commitment_at: commitment ? at : null,
      exempt_article: commitment ? null : '第四十二条第一项',
      household_size: null,
      household_monthly_income: null,
      home_service: 0,
      preferred_lawyer_ids: '[]',
      received_agency_id: agency,
      agency_id: agency,
      competent_agency_id: agency,
      received_at: at,
      accepted_at: at,
      decided_at: at,
      ...(picked(i, 7919, REPORT.tolerant)
        ? {
            tolerant_at: at,
            tolerant_items: JSON.stringify(['（示例）户口簿复印件']),
            tolerant_deadline: at.slice(0, 10),
            tolerant_completed_at: at,
          }
        : {}),
      assigned_lawyer_id: picked(i, 7907, REPORT.famous) ? a.famousLawyerId : a.plainLawyerId,
      assigned_at: at,
      assigned_by_choice: picked(i, 7901, REPORT.pointChoice) ? 1 : 0,
      started_at: at,
      closed_at: closed,
      closing_report: '（示例）已结案。',
      economic_amount: base + (i < extra ? 1 : 0),
      created_at: at,
      updated_at: closed,
    };
    return { row, groups: [GROUPS[i % GROUPS.length]!] };
  });
}

/** Writes the report year (once: the caller seeds a fresh demo database). */
export async function seedReportYear(
  db: Kysely<Database>,
  a: Parameters<typeof reportYearRows>[0],
): Promise<number> {
  const rows = reportYearRows(a);
  await insertReportRows(db, rows);
  return rows.length;
}
