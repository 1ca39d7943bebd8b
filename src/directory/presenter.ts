/** @module What the API shows of a directory entry (public information about institutions and licensed people). */
import type { Entry as EntryView } from '../contracts/directory.js';
import { KIND_LABELS, STATUS_LABELS, splitList } from './labels.js';
import type { Entry } from './repository.js';

export function presentEntry(e: Entry): EntryView {
  return {
    id: e.id,
    kind: e.kind,
    kindLabel: KIND_LABELS[e.kind],
    name: e.name,
    district: e.district,
    address: e.address,
    hours: e.hours,
    phone: e.phone,
    licenceNo: e.licence_no,
    status: e.status,
    statusLabel: STATUS_LABELS[e.status],
    specialties: splitList(e.specialties),
    services: splitList(e.services),
    parentId: e.parent_id,
    sample: e.is_sample === 1,
  };
}
