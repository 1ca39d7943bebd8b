/** @module Request schemas of the directory: search, create/edit an entry, import a file, link staff. */
import { z } from 'zod';
import { CoercedId, Id, Pagination } from '../core/schemas.js';
import { WUHAN_DISTRICTS } from '../db/seed-agencies.js';
import { ENTRY_KINDS, ENTRY_STATUSES } from './labels.js';

export const DISTRICTS = [...WUHAN_DISTRICTS, '武汉市'];

export const SearchQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(ENTRY_KINDS).optional(),
  district: z.string().trim().max(20).optional(),
  specialty: z.string().trim().max(30).optional(),
  service: z.string().trim().max(30).optional(),
  status: z.enum(ENTRY_STATUSES).optional(),
  parentId: CoercedId.optional(),
  ...Pagination,
});
export type SearchQuery = z.infer<typeof SearchQuery>;

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

/** One entry's fields; used by the create/edit API and, after header mapping, by each imported row. */
export const EntryFields = z.strictObject({
  kind: z.enum(ENTRY_KINDS),
  name: z.string().trim().min(2).max(80),
  district: z
    .string()
    .trim()
    .refine((d) => DISTRICTS.includes(d), { message: '所在区应为武汉市的一个区' })
    .nullable()
    .optional(),
  address: optText(120),
  hours: optText(80),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{3,30}$/, { message: '电话号码格式不正确' })
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  licenceNo: optText(40),
  status: z.enum(ENTRY_STATUSES).default('active'),
  specialties: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  services: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  parentId: Id.nullable().optional(),
});
export type EntryFields = z.infer<typeof EntryFields>;

export const EntryPatch = EntryFields.partial();
export type EntryPatch = z.infer<typeof EntryPatch>;

export const ImportBody = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  /** The file's bytes, base64-encoded (the web page reads the chosen file and sends it as JSON). */
  content: z.string().min(1).max(14_000_000),
});

export const StaffBody = z.strictObject({ userId: Id });
