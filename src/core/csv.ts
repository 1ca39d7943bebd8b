/**
 * @module CSV, in one place: the RFC 4180 reader every import uses (quoted cells holding commas, doubled
 * quotes and line breaks; CRLF; a leading BOM) and the cell writer of every export (export.ts).
 */

/**
 * Rows of cells as written (not trimmed). A quote opens a quoted cell only at the start of a cell, as
 * RFC 4180 says; elsewhere it is a character. Blank lines are kept as rows of one empty cell, so row `i`
 * is the file's line `i + 1` when no cell holds a line break.
 */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
      continue;
    }
    if (ch === '"' && cellStart) quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
      cellStart = true;
      continue;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      cellStart = true;
      continue;
    } else cell += ch;
    cellStart = false;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Whether a row has any text (blank lines and rows of empty cells are skipped by the imports). */
export const hasContent = (cells: readonly string[]): boolean => cells.some((c) => c.trim() !== '');

/**
 * A text that a spreadsheet would read as a formula (= + - @, or a leading tab/CR) gets a leading
 * apostrophe, so a name like `=HYPERLINK(…)` typed by a citizen stays text in the officer's Excel.
 */
export const defuseFormula = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** One cell of an exported CSV: defused, and quoted when it holds a quote, comma or line break. */
export const csvCell = (v: string | number | null | undefined): string => {
  const s = v == null ? '' : typeof v === 'number' ? String(v) : defuseFormula(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
