/** @module Ledger exports: Excel (.xlsx) and CSV (UTF-8 with BOM so Excel opens Chinese correctly). */
import { csvCell } from './csv.js';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  width?: number;
}

export interface Sheet<T> {
  name: string;
  columns: Column<T>[];
  rows: T[];
}

/** One workbook with one sheet per entry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- sheets of different row types
export async function toXlsx(sheets: Sheet<any>[]): Promise<Buffer> {
  // exceljs (≈ 0.25 s to load) is loaded on the first export, not at start.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'open12348';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = s.columns.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    }));
    for (const r of s.rows)
      ws.addRow(Object.fromEntries(s.columns.map((c, i) => [`c${i}`, c.value(r) ?? ''])));
    ws.getRow(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export { defuseFormula } from './csv.js';

export function toCsv<T>(columns: Column<T>[], rows: T[]): string {
  const lines = [
    columns.map((c) => csvCell(c.header)).join(','),
    ...rows.map((r) => columns.map((c) => csvCell(c.value(r))).join(',')),
  ];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
