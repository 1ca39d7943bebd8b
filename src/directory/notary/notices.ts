/**
 * @module What the notary office tells the citizen, through the one outbox: the booking confirmed (in the
 * booking's transaction), and a reminder the day before the appointment (a sweep; the outbox's unique key
 * makes a second sweep, in this process or another, queue nothing more).
 */
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../core/context.js';
import type { Database } from '../../db/schema.js';
import { enqueueNotification } from '../../notify/index.js';
import { addCalendarDays } from '../../core/time.js';
import { chinaDate } from '../workdays.js';
import { bookedOn } from './repository.js';

type Db = Kysely<Database> | Transaction<Database>;

interface BookingNotice {
  bookingId: number;
  citizenId: number;
  phone: string;
  officeName: string;
  matterName: string;
  date: string;
  startTime: string;
}

const when = (n: BookingNotice) => `${n.date} ${n.startTime}`;

export function bookingConfirmed(trx: Db, n: BookingNotice, now: Date): Promise<unknown> {
  return enqueueNotification(
    trx,
    {
      kind: 'notary.booked',
      userId: n.citizenId,
      phone: n.phone,
      title: '公证预约成功',
      body: `您已预约${n.officeName}“${n.matterName}”，时间 ${when(n)}。请携带身份证件及相关材料按时到场，如需改约可在“我的公证预约”中办理。`,
      refType: 'notary_booking',
      refId: n.bookingId,
      dedupeKey: `notary.booked:${n.bookingId}`,
    },
    now,
  );
}

/** Reminds every citizen booked for tomorrow (China's date); returns how many bookings were reminded. */
export async function remindTomorrow(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const tomorrow = addCalendarDays(chinaDate(now), 1);
  const rows = await bookedOn(ctx.db, tomorrow);
  for (const r of rows) {
    await enqueueNotification(
      ctx.db,
      {
        kind: 'notary.reminder',
        userId: r.citizen_id,
        phone: r.phone,
        title: '公证预约提醒',
        body: `提醒：您预约的${r.office}“${r.matter}”在明天 ${r.start_time}，请携带身份证件及相关材料按时到场。`,
        refType: 'notary_booking',
        refId: r.id,
        dedupeKey: `notary.reminder:${r.id}:${r.date}`,
      },
      now,
    );
  }
  return rows.length;
}
