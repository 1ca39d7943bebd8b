/** @module A short excerpt of an article around the first query word it contains. */

const MAX = 80;

/** Up to 80 characters of `text`, centred on the earliest query word found, with ellipses. */
export function makeSnippet(text: string, queryWords: readonly string[]): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  if (flat.length <= MAX) return flat;
  let at = -1;
  for (const w of [...queryWords].sort((a, b) => b.length - a.length)) {
    if (w.length < 2) continue;
    const i = flat.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = at < 0 ? 0 : Math.max(0, Math.min(at - 20, flat.length - MAX));
  return `${start > 0 ? '…' : ''}${flat.slice(start, start + MAX)}${start + MAX < flat.length ? '…' : ''}`;
}
