/** @module Who may see and act on a notary booking: the citizen who made it, the office's staff, administrators. Others get 404. */
import { definePolicy } from '../../core/policy.js';

export interface BookingResource {
  citizenId: number;
  /** Users linked to the booking's notary office. */
  staffIds: number[];
}

export const bookingPolicy = definePolicy<BookingResource, 'read' | 'actAsCitizen' | 'actAsOffice'>(
  {
    resource: 'notary_booking',
    label: '预约',
    readAction: 'read',
    rules: {
      read: (u, r) => u.role === 'admin' || u.id === r.citizenId || r.staffIds.includes(u.id),
      actAsCitizen: (u, r) => u.id === r.citizenId,
      actAsOffice: (u, r) => u.role === 'admin' || r.staffIds.includes(u.id),
    },
  },
);
