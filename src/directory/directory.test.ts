import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

const csv = (lines: string[]) =>
  Buffer.from('\uFEFF' + lines.join('\r\n'), 'utf8').toString('base64');
const HEADER = '类型,名称,所在区,地址,办公时间,电话,执业许可证号,状态,业务专长,服务项目,所属机构';

describe('directory search', () => {
  it('ships sample data marked 示例 and the legal-aid centres, searchable by kind and district', async () => {
    const all = await t.request({ method: 'GET', url: '/api/v1/directory/entries?pageSize=200' });
    expect(all.statusCode).toBe(200);
    const items = all.json().items as {
      name: string;
      sample: boolean;
      kind: string;
      licenceNo: string | null;
    }[];
    // Sample entries say so in their name, and in a licence number where they have one.
    const samples = items.filter((i) => i.sample);
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.filter((e) => !e.name.includes('示例'))).toEqual([]);
    const licensed = samples.filter((e) => e.licenceNo !== null);
    expect(licensed.length).toBeGreaterThan(0);
    expect(licensed.filter((e) => !e.licenceNo!.includes('示例'))).toEqual([]);
    expect(items.filter((i) => i.kind === 'aid_centre')).toHaveLength(14);
    const hongshanAid = await t.request({
      method: 'GET',
      url: `/api/v1/directory/entries?kind=aid_centre&district=${encodeURIComponent('洪山区')}`,
    });
    expect(hongshanAid.json().items.map((i: { name: string }) => i.name)).toEqual([
      '洪山区法律援助中心',
    ]);
  });

  it('finds by name, specialty and service, and shows a firm with its lawyers', async () => {
    const r = await t.request({
      method: 'GET',
      url: `/api/v1/directory/entries?specialty=${encodeURIComponent('劳动争议')}&kind=lawyer`,
    });
    const lawyers = r.json().items as { id: number; name: string; parentId: number }[];
    expect(lawyers.map((l) => l.name)).toEqual(['示例律师李某（示例数据）']);
    const svc = await t.request({
      method: 'GET',
      url: `/api/v1/directory/entries?service=${encodeURIComponent('继承公证')}`,
    });
    expect(svc.json().items.every((i: { kind: string }) => i.kind === 'notary_office')).toBe(true);
    expect(svc.json().total).toBe(2);
    const firm = await t.request({
      method: 'GET',
      url: `/api/v1/directory/entries/${lawyers[0]!.parentId}`,
    });
    expect(firm.json().members.map((m: { name: string }) => m.name)).toContain(
      '示例律师李某（示例数据）',
    );
    const none = await t.request({ method: 'GET', url: '/api/v1/directory/entries/999999' });
    expect(none.statusCode).toBe(404);
  });

  it('rejects unknown filters with 400', async () => {
    const r = await t.request({ method: 'GET', url: '/api/v1/directory/entries?kind=bank' });
    expect(r.statusCode).toBe(400);
  });
});

describe('directory administration', () => {
  it('lets only administrators create and edit entries', async () => {
    const payload = {
      kind: 'law_firm',
      name: '测试律师事务所',
      district: '江汉区',
      licenceNo: 'T-0001',
      specialties: ['刑事辩护'],
    };
    const citizen = await t.signIn('citizen');
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/directory/entries',
          payload,
          session: citizen,
        })
      ).statusCode,
    ).toBe(403);
    const c = await t.request({
      method: 'POST',
      url: '/api/v1/directory/entries',
      payload,
      session: admin,
    });
    expect(c.statusCode).toBe(200);
    const dup = await t.request({
      method: 'POST',
      url: '/api/v1/directory/entries',
      payload,
      session: admin,
    });
    expect(dup.json().error.code).toBe('licence_taken');
    const e = await t.request({
      method: 'PATCH',
      url: `/api/v1/directory/entries/${c.json().id}`,
      payload: { status: 'suspended', hours: '周一至周五' },
      session: admin,
    });
    expect(e.json().entry.statusLabel).toBe('暂停执业');
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/directory/entries',
      payload: { ...payload, district: '朝阳区', licenceNo: 'T-2' },
      session: admin,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('imports a CSV: creates firms and their lawyers, updates by licence number on re-import', async () => {
    const content = csv([
      HEADER,
      '律师,导入律师甲,江岸区,,,,L-100,正常,婚姻家事,法律咨询,导入律师事务所',
      '律师事务所,导入律师事务所,江岸区,"江岸区某路1号, 3楼",,027-12345678,F-100,正常,"婚姻家事、劳动争议",法律咨询,',
    ]);
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/directory/import',
      payload: { format: 'csv', content },
      session: admin,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ created: 2, updated: 0 });
    const found = await t.request({
      method: 'GET',
      url: `/api/v1/directory/entries?q=${encodeURIComponent('导入律师甲')}`,
    });
    const lawyer = found.json().items[0];
    const firm = await t.request({
      method: 'GET',
      url: `/api/v1/directory/entries/${lawyer.parentId}`,
    });
    expect(firm.json().entry.address).toBe('江岸区某路1号, 3楼');
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/directory/import',
      payload: {
        format: 'csv',
        content: csv([HEADER, '律师事务所,导入律师事务所,江岸区,,,027-87654321,F-100,暂停执业,,,']),
      },
      session: admin,
    });
    expect(again.json()).toEqual({ created: 0, updated: 1 });
  });

  it('reports every bad row and writes nothing when one row fails', async () => {
    const before = (await t.request({ method: 'GET', url: '/api/v1/directory/entries' })).json()
      .total;
    const content = csv([
      HEADER,
      '律师事务所,好的律师事务所,江岸区,,,,G-1,正常,,,',
      '银行,某银行,江岸区,,,,,正常,,,',
      '律师事务所,重复许可证所,江岸区,,,,G-1,正常,,,',
      '律师,孤单律师,江岸区,,,,,正常,,,不存在的所',
      '律师事务所,火星所,火星区,,,,,正常,,,',
    ]);
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/directory/import',
      payload: { format: 'csv', content },
      session: admin,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('import_invalid');
    const errors = r.json().error.details.errors as { row: number; field: string }[];
    expect(errors.map((e) => `${e.row}:${e.field}`)).toEqual([
      '3:kind',
      '4:licenceNo',
      '5:parentName',
      '6:district',
    ]);
    const after = (await t.request({ method: 'GET', url: '/api/v1/directory/entries' })).json()
      .total;
    expect(after).toBe(before);
  });

  it('imports an Excel workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('机构');
    ws.addRow(HEADER.split(','));
    ws.addRow([
      '人民调解委员会',
      'Excel调解委员会',
      '黄陂区',
      '',
      '',
      '',
      '',
      '正常',
      '邻里纠纷',
      '人民调解',
      '',
    ]);
    ws.addRow(['司法鉴定机构', 'Excel鉴定所', '武昌区', '', '', '', 'X-9', '正常', '', '', '']);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/directory/import',
      payload: { format: 'xlsx', content },
      session: admin,
    });
    expect(r.json()).toEqual({ created: 2, updated: 0 });
    const m = await t.request({
      method: 'GET',
      url: `/api/v1/directory/entries?kind=mediation_committee&district=${encodeURIComponent('黄陂区')}`,
    });
    expect(m.json().items[0].specialties).toEqual(['邻里纠纷']);
    const broken = await t.request({
      method: 'POST',
      url: '/api/v1/directory/import',
      payload: { format: 'xlsx', content: Buffer.from('not a zip').toString('base64') },
      session: admin,
    });
    expect(broken.json().error.code).toBe('import_unreadable');
  });
});
