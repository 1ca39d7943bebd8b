/** @module A 考核 period ('2026' or '2026-Q4') as China-time bounds: ISO instants [from, to). */
import { badRequest } from '../core/errors.js';

const CHINA_OFFSET_MS = 8 * 3_600_000;

export function periodBounds(period: string): { from: string; to: string } {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(period);
  if (!m) throw badRequest('bad_request', '考核期间格式应为 2026 或 2026-Q4');
  const year = Number(m[1]);
  const q = m[2] ? Number(m[2]) : null;
  const startMonth = q === null ? 0 : (q - 1) * 3;
  const months = q === null ? 12 : 3;
  const at = (y: number, mon: number) =>
    new Date(Date.UTC(y, mon, 1) - CHINA_OFFSET_MS).toISOString();
  return { from: at(year, startMonth), to: at(year, startMonth + months) };
}
