/** @module Chinese and Arabic article numbers: 第一千零七十九条 → 1079, 47 → 47, and back. */

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Parses a Chinese numeral (一千零七十九, 十二, 二〇二一 is not an article number) or digits; null if invalid. */
export function parseArticleNumber(s: string): number | null {
  const t = s.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (!t || !/^[零〇一二两三四五六七八九十百千万]+$/.test(t)) return null;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of t) {
    if (ch in DIGIT) digit = DIGIT[ch]!;
    else {
      const unit = UNIT[ch]!;
      if (unit === 10000) {
        total += (section + digit) * unit;
        section = 0;
      } else section += (digit || (unit === 10 ? 1 : 0)) * unit;
      digit = 0;
    }
  }
  return total + section + digit;
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 47 → 四十七, 1079 → 一千零七十九, 10 → 十 (the form statutes print). */
export function toChineseNumber(n: number): string {
  if (n <= 0 || !Number.isInteger(n)) return String(n);
  const units = ['', '十', '百', '千'];
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const u = units[ds.length - 1 - i]!;
    if (d === 0) zero = out.length > 0;
    else {
      if (zero) out += '零';
      zero = false;
      out += CN[d]! + u;
    }
  });
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** 47 → 第四十七条; with sub 1 → 第四十七条之一. */
export function articleLabel(num: number, sub = 0): string {
  return `第${toChineseNumber(num)}条${sub > 0 ? `之${toChineseNumber(sub)}` : ''}`;
}
