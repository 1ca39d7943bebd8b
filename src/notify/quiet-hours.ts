/** @module Quiet hours: when SMS and WeChat messages wait for the morning (China time, which keeps no DST). */

const CHINA_OFFSET_MIN = 8 * 60;
const DAY_MIN = 24 * 60;

export interface QuietWindow {
  /** Minutes after China's midnight. */
  start: number;
  end: number;
}

const minutes = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** `22:00-08:00` → the window; `off` (or an empty window) → none. */
export function parseQuietHours(spec: string | null | undefined): QuietWindow | null {
  if (!spec || spec === 'off') return null;
  const [a, b] = spec.split('-');
  if (!a || !b) return null;
  const w = { start: minutes(a), end: minutes(b) };
  return w.start === w.end ? null : w;
}

export const windowOf = (start: string | null, end: string | null): QuietWindow | null =>
  start && end ? parseQuietHours(`${start}-${end}`) : null;

/** When the window that `at` falls in ends, or null when `at` is outside it. Windows may span midnight. */
export function quietUntil(at: Date, w: QuietWindow | null): Date | null {
  if (!w) return null;
  const utcMin = Math.floor(at.getTime() / 60_000);
  const local = (((utcMin + CHINA_OFFSET_MIN) % DAY_MIN) + DAY_MIN) % DAY_MIN;
  const inside =
    w.start < w.end ? local >= w.start && local < w.end : local >= w.start || local < w.end;
  if (!inside) return null;
  const wait = (w.end - local + DAY_MIN) % DAY_MIN;
  return new Date((utcMin + wait) * 60_000);
}
