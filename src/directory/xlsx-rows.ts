/**
 * @module The first worksheet of an .xlsx file as rows of cell text, read as a stream and stopped at a row
 * cap: a huge sheet costs no more than its first `limit` rows, and each row is read once (no per-row
 * recount of the sheet's columns, which made the whole-workbook reader quadratic).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export type SheetResult = { rows: string[][] } | { error: 'unreadable' | 'empty' };

/** Rows with some text, at most `limit` of them (the header counts). */
export async function readSheetRows(buf: Buffer, limit: number): Promise<SheetResult> {
  const rows: string[][] = [];
  let sawSheet = false;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    sheets: for await (const ws of reader) {
      sawSheet = true;
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
        if (cells.some((x) => x.trim() !== '')) rows.push(cells);
        if (rows.length >= limit) break sheets;
      }
      break; // the first worksheet only
    }
  } catch {
    return { error: 'unreadable' };
  }
  if (!sawSheet) return { error: 'empty' };
  return { rows };
}
