/**
 * @module Deadline reminders reach the officers themselves, not only the office's list: each enabled
 * 法律援助工作人员 of the office gets the reminder in the inbox and, as they allow, by SMS and WeChat,
 * through the one outbox. The outbox's key (case, step, due date, officer) makes a second sweep — in
 * this process or another — queue nothing more.
 */
import type { Kysely } from 'kysely';
import { activeStaffIds } from '../auth/repository.js';
import type { Database } from '../db/schema.js';
import { enqueueNotification } from '../notify/index.js';

export interface DeadlineReminder {
  agencyId: number;
  applicationId: number;
  /** `reminder_<step>` or `overdue_<step>`. */
  kind: string;
  dueDate: string;
  message: string;
}

/** Queues each reminder for every officer of its office; returns how many messages were queued. */
export async function remindOfficers(
  db: Kysely<Database>,
  reminders: readonly DeadlineReminder[],
  now: Date,
): Promise<number> {
  const officersOf = new Map<number, number[]>();
  let queued = 0;
  for (const r of reminders) {
    let officers = officersOf.get(r.agencyId);
    if (!officers) {
      officers = await activeStaffIds(db, r.agencyId, ['aid_officer']);
      officersOf.set(r.agencyId, officers);
    }
    const overdue = r.kind.startsWith('overdue_');
    for (const userId of officers) {
      await enqueueNotification(
        db,
        {
          kind: 'aid.deadline',
          userId,
          title: overdue ? '法律援助案件已超期' : '法律援助案件即将到期',
          body: r.message.trim(),
          refType: 'aid_application',
          refId: r.applicationId,
          dedupeKey: `aid.deadline:${r.applicationId}:${r.kind}:${r.dueDate}:${userId}`,
        },
        now,
      );
      queued += 1;
    }
  }
  return queued;
}
