import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCsv, toXlsx } from './export.js';

const columns = [
  { header: '区', value: (r: { d: string; n: number }) => r.d },
  { header: '件数', value: (r: { d: string; n: number }) => r.n },
];
const rows = [
  { d: '洪山区', n: 3 },
  { d: '江岸区, "老城"', n: 5 },
];

describe('ledger export', () => {
  it('writes an xlsx that reads back with the same cells', async () => {
    const buf = await toXlsx([{ name: '台账', columns, rows }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('台账')!;
    expect(ws.getRow(1).getCell(1).value).toBe('区');
    expect(ws.getRow(3).getCell(1).value).toBe('江岸区, "老城"');
    expect(ws.getRow(3).getCell(2).value).toBe(5);
  });
  it('quotes CSV cells with commas and quotes and starts with a BOM', () => {
    const csv = toCsv(columns, rows);
    expect(csv.startsWith('\uFEFF区,件数')).toBe(true);
    expect(csv).toContain('"江岸区, ""老城""",5');
  });
});

describe('formula defusing', () => {
  it('keeps a cell that starts with = + - @ as text, and leaves numbers alone', () => {
    const cols = [{ header: '姓名', value: (r: { s: string | number }) => r.s }];
    const csv = toCsv(cols, [
      { s: '=HYPERLINK("http://x","点我")' },
      { s: '+1+1' },
      { s: '-2+3' },
      { s: '@SUM(A1)' },
      { s: -5 },
      { s: '王=五' },
    ]);
    expect(csv.split('\r\n').slice(1, 7)).toEqual([
      `"'=HYPERLINK(""http://x"",""点我"")"`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      '-5',
      '王=五',
    ]);
  });
});
