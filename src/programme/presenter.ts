/** @module Response shapes of the programme area; points shown as hundredths and as a decimal string. */
import type { Column } from '../core/export.js';
import { METRICS, type ScorePart } from './scoring.js';
import type { Selectable } from 'kysely';
import type { ProgrammeScoreRow } from './tables.js';

export const points = (n: number): string => (n / 100).toFixed(2);
export const yuan = (fen: number): string => (fen / 100).toFixed(2);

export function presentScore(s: Selectable<ProgrammeScoreRow>) {
  const { parts } = JSON.parse(s.parts) as { parts: ScorePart[] };
  return {
    id: s.id,
    adviserId: s.adviser_id,
    period: s.period,
    status: s.status,
    total: s.total,
    totalLabel: points(s.total),
    services: s.services,
    parts: parts.map((p) => ({
      ...p,
      label: METRICS[p.metric].label,
      pointsLabel: points(p.points),
    })),
    publishedAt: s.published_at,
  };
}

export interface SubsidyLine {
  id: number;
  adviser_id: number;
  period: string;
  amount_fen: number;
  status: string;
  display_name: string;
}

export const presentSubsidy = (s: SubsidyLine) => ({
  id: s.id,
  adviserId: s.adviser_id,
  adviserName: s.display_name,
  period: s.period,
  amountFen: s.amount_fen,
  amountLabel: yuan(s.amount_fen),
  status: s.status,
});

export const SUBSIDY_COLUMNS: Column<SubsidyLine>[] = [
  { header: '考核期间', value: (r) => r.period },
  { header: '法律顾问', value: (r) => r.display_name },
  { header: '补贴金额（分）', value: (r) => r.amount_fen },
];
