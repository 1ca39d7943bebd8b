/** A big import sheet is read as a stream and only up to the row cap, in a worker thread. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { MAX_IMPORT_ROWS } from './import.js';
import { readSheetRows } from './xlsx-rows.js';

let t: TestApp;
let big: Buffer;
beforeAll(async () => {
  t = await createTestApp();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('机构');
  ws.addRow(['类型', '名称', '所在区']);
  for (let i = 0; i < MAX_IMPORT_ROWS + 3000; i++)
    ws.addRow(['人民调解委员会', `调解委员会${i}`, '黄陂区']);
  wb.addWorksheet('第二页').addRow(['不读']);
  big = Buffer.from(await wb.xlsx.writeBuffer());
});
afterAll(() => t.close());

describe('xlsx import', () => {
  it('stops reading at the limit', async () => {
    const r = await readSheetRows(big, 10);
    expect(r).toEqual({
      rows: [
        ['类型', '名称', '所在区'],
        ...Array.from({ length: 9 }, (_, i) => ['人民调解委员会', `调解委员会${i}`, '黄陂区']),
      ],
    });
  });

  it('refuses a sheet past the cap with import_too_large, writing nothing', async () => {
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/directory/import',
      payload: { format: 'xlsx', content: big.toString('base64') },
      session: await t.signIn('admin'),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('import_too_large');
    const n = await t.ctx.db
      .selectFrom('directory_entries')
      .select('id')
      .where('name', 'like', '调解委员会%')
      .execute();
    expect(n).toEqual([]);
  });

  it('tells an unreadable file from a readable one', async () => {
    expect(await readSheetRows(Buffer.from('not a zip'), 10)).toEqual({ error: 'unreadable' });
  });
});
