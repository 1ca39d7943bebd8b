/** @module Who may see and act on a notary booking: the citizen who made it, the office's staff, administrators. Others get 404. */
import { definePolicy } from '../../core/policy.js';
import type { SessionUser } from '../../core/session.js';

export interface BookingResource {
  citizenId: number;
  /** Users linked to the booking's notary office. */
  staffIds: number[];
}

/** A 公证机构工作人员 account linked to the booking's office. */
const isOfficeStaff = (u: SessionUser, r: BookingResource) =>
  u.role === 'notary_staff' && r.staffIds.includes(u.id);

export const bookingPolicy = definePolicy<BookingResource, 'read' | 'actAsCitizen' | 'actAsOffice'>(
  {
    resource: 'notary_booking',
    label: '预约',
    readAction: 'read',
    rules: {
      read: (u, r) => u.role === 'admin' || u.id === r.citizenId || isOfficeStaff(u, r),
      actAsCitizen: (u, r) => u.id === r.citizenId,
      actAsOffice: (u, r) => u.role === 'admin' || isOfficeStaff(u, r),
    },
  },
);
