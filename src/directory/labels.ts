/** @module Chinese labels for directory kinds and statuses, shared by presenters, import and the dashboard. */
import type { EntryKind, EntryStatus } from './tables.js';

export const KIND_LABELS: Record<EntryKind, string> = {
  law_firm: '律师事务所',
  lawyer: '律师',
  notary_office: '公证机构',
  appraisal_institution: '司法鉴定机构',
  appraiser: '司法鉴定人',
  aid_centre: '法律援助机构',
  mediation_committee: '人民调解委员会',
  service_point: '公共法律服务点',
};

export const ENTRY_KINDS = Object.keys(KIND_LABELS) as [EntryKind, ...EntryKind[]];

export const STATUS_LABELS: Record<EntryStatus, string> = {
  active: '正常',
  suspended: '暂停执业',
  revoked: '注销',
};

export const ENTRY_STATUSES = Object.keys(STATUS_LABELS) as [EntryStatus, ...EntryStatus[]];

/** Institutions that can have staff accounts and (for notary offices) publish slots. */
export const INSTITUTION_KINDS: EntryKind[] = [
  'law_firm',
  'notary_office',
  'appraisal_institution',
  'aid_centre',
  'mediation_committee',
  'service_point',
];

/** Splits a 、/,/，/; separated list into trimmed non-empty items. */
export function splitList(s: string | null | undefined): string[] {
  return (s ?? '')
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}
