/** @module Personal data helpers: 居民身份证号 and mobile number validation, masking for lists. */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True for an 18-digit 居民身份证号 with a valid birth date and GB 11643 check digit. */
export function isValidIdNumber(raw: string): boolean {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth > new Date())
    return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17];
}

/** True for a mainland China mobile number (11 digits starting 1[3-9]), with optional +86. */
export function isValidMobile(raw: string): boolean {
  return /^(\+?86)?1[3-9]\d{9}$/.test(raw.replace(/[\s-]/g, ''));
}

/** `420102199001011234` → `4201**********1234`. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** `13812345678` → `138****5678`. */
export function maskMobile(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const p = phone.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  if (p.length < 7) return '*'.repeat(p.length);
  return p.slice(0, 3) + '****' + p.slice(-4);
}

/** 张三丰 → 张** (names in lists). */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** Birth date from a valid ID number, for age rules (e.g. 未成年人, 老年人). */
export function birthDateFromId(id: string): string | null {
  if (!isValidIdNumber(id)) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * Text with the numbers that identify someone taken out (ID, mobile, landline, bank card: any run of
 * seven or more digits), for text kept beyond its case, such as learned examples.
 */
export function scrubNumbers(text: string): string {
  return text.replace(/(?<![\dA-Za-z])\d[\d\s-]{5,}\d[\dXx]?(?![\dA-Za-z])/g, (m) =>
    m.replace(/\D/g, '').length >= 7 ? '〔号码〕' : m,
  );
}
