/**
 * @module Corrections of the 简→繁 converter for legal text (tw-overrides.json): 未签 is 未簽 (not 籤, a
 * lot or tag), 不准离婚 is 不准離婚 (准 permits; 準 is a standard). Pure, shared by the server and the web.
 */
import overrides from './tw-overrides.json' with { type: 'json' };

const keep = new Set(overrides.keep);
const replace = new Map(overrides.replace.map(([from, to]) => [from!, to!]));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so a kept phrase wins over the wrong key inside it.
const pattern = new RegExp(
  [...keep, ...replace.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|'),
  'g',
);

/** Applies the corrections to text already converted to 繁体. */
export function fixTraditional(s: string): string {
  return s.replace(pattern, (m) => (keep.has(m) ? m : (replace.get(m) ?? m)));
}

/** Wraps a 简→繁 converter with the corrections. */
export function withTraditionalFixes(convert: (s: string) => string): (s: string) => string {
  return (s) => fixTraditional(convert(s));
}
