/** @module Request schemas of notary appointments. */
import { z } from 'zod';
import { CoercedId, Id, IdNumber, IsoDate, Mobile } from '../../core/schemas.js';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:MM' });

export const SlotBody = z
  .strictObject({
    matterCode: z.string().trim().min(1).max(20),
    date: IsoDate,
    startTime: Time,
    endTime: Time,
    capacity: z.number().int().min(1).max(200),
    /** A slot on a rest day (weekend or holiday) is refused unless marked, with the reason recorded. */
    allowWeekend: z.boolean().default(false),
    weekendReason: z.string().trim().max(200).optional(),
  })
  .refine((s) => s.startTime < s.endTime, { message: '结束时间应晚于开始时间', path: ['endTime'] })
  .refine((s) => !s.allowWeekend || (s.weekendReason?.length ?? 0) >= 2, {
    message: '休息日办理须说明理由',
    path: ['weekendReason'],
  });

export const SlotQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  matter: z.string().trim().max(20).optional(),
});

export const OfficeParams = z.strictObject({ id: CoercedId });

export const BookBody = z.strictObject({
  slotId: Id,
  applicantName: z.string().trim().min(2).max(40),
  phone: Mobile,
  idNumber: IdNumber.optional(),
  /** 核验码 of a 给予法律援助决定书 (booking for a recipient who is not the account holder: fee waiver, Art. 53). */
  aidCode: z.string().trim().min(4).max(20).optional(),
});

export const RescheduleBody = z.strictObject({ slotId: Id });

export const DayQuery = z.strictObject({ date: IsoDate.optional() });
