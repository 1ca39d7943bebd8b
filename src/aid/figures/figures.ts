/**
 * @module The offices' report figures, counted from the rows (pure): 承诺制 (承诺书 + 免予审查), 容缺受理
 * (an application that had a 补正 notice: accepted although incomplete), 点援制, 名优律师, 挽回损失, recipient
 * categories and matter types, per agency.
 */
import { CASE_TYPE_LABELS } from '../presenter.js';
import type { FigureRow } from './repository.js';
import { RECIPIENT_GROUPS, type RecipientGroup } from './schema.js';

export interface AidFigures {
  from: string;
  to: string;
  /** The agency counted, or null for every agency (the bureau's view). */
  agencyId: number | null;
  received: number;
  /** 承诺制 in all: a signed 承诺书 instead of proof, plus 免予审查 (Art. 42). */
  underCommitment: number;
  commitment: number;
  exempt: number;
  proof: number;
  tolerantAcceptance: number;
  pointChoice: number;
  famousLawyer: number;
  /** 挽回（避免）经济损失, 元. */
  economicAmount: number;
  /** The same in 万元, to one decimal as the reports print it. */
  economicAmountWan: number;
  byGroup: { group: RecipientGroup; label: string; count: number }[];
  byMatter: { caseType: string; label: string; count: number }[];
  byAgency: { agencyId: number; agency: string; received: number; underCommitment: number }[];
}

const count = <T>(xs: readonly T[], p: (x: T) => boolean) => xs.filter(p).length;

export function computeFigures(
  input: { rows: FigureRow[]; groups: { application_id: number; grp: string }[] },
  scope: { from: string; to: string; agencyId: number | null },
  agencies: { id: number; name: string }[],
): AidFigures {
  const { rows } = input;
  const committed = (r: FigureRow) =>
    r.hardship_basis === 'commitment' || r.hardship_basis === 'exempt';
  const matters = new Map<string, number>();
  for (const r of rows) matters.set(r.case_type, (matters.get(r.case_type) ?? 0) + 1);
  const economicAmount = rows.reduce((s, r) => s + r.economic_amount, 0);
  return {
    ...scope,
    received: rows.length,
    underCommitment: count(rows, committed),
    commitment: count(rows, (r) => r.hardship_basis === 'commitment'),
    exempt: count(rows, (r) => r.hardship_basis === 'exempt'),
    proof: count(rows, (r) => r.hardship_basis === 'proof'),
    tolerantAcceptance: count(rows, (r) => r.tolerant_at !== null),
    pointChoice: count(rows, (r) => r.assigned_by_choice === 1),
    famousLawyer: count(rows, (r) => r.assigned_lawyer_id !== null && r.famous === 1),
    economicAmount,
    economicAmountWan: Math.round(economicAmount / 1000) / 10,
    byGroup: (Object.keys(RECIPIENT_GROUPS) as RecipientGroup[]).map((g) => ({
      group: g,
      label: RECIPIENT_GROUPS[g],
      count: count(input.groups, (x) => x.grp === g),
    })),
    byMatter: [...matters.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([caseType, n]) => ({
        caseType,
        label: CASE_TYPE_LABELS[caseType] ?? caseType,
        count: n,
      })),
    byAgency: agencies
      .filter((a) => scope.agencyId === null || a.id === scope.agencyId)
      .map((a) => {
        const mine = rows.filter((r) => r.agency_id === a.id);
        return {
          agencyId: a.id,
          agency: a.name,
          received: mine.length,
          underCommitment: count(mine, committed),
        };
      }),
  };
}
