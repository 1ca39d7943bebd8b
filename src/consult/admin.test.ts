import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { json } from '../test/consult.js';

let t: TestApp;
let admin: Session;
let liu: Session;
let zhou: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  liu = await t.signIn('community_lawyer', { username: 'lawyer_liu', displayName: '刘律师' });
  zhou = await t.signIn('aid_lawyer', { username: 'lawyer_zhou', displayName: '周律师' });
  await t.signIn('citizen', { username: 'citizen_wu' });
});
afterAll(() => t.close());

const count = async (table: 'consult_streets' | 'consult_communities' | 'consult_assignments') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('bulk import', () => {
  const header = '区,街道,社区,类型,法律顾问\n';

  it('reports every bad row and imports nothing when any row is wrong', async () => {
    const csv =
      header +
      '洪山区,珞南街道,珞珈山社区,社区,lawyer_liu\n' +
      '火星区,某街道,某社区,社区,\n' +
      '洪山区,珞南街道,马房山社区,镇,lawyer_nobody\n' +
      '洪山区,珞南街道,珞珈山社区,社区,citizen_wu\n';
    const r = await json<{
      error: { code: string; details: { rows: { row: number; message: string }[] } };
    }>(t, admin, 'POST', '/consult/admin/import', { kind: 'communities', csv });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('import_failed');
    const rows = r.body.error.details.rows;
    expect(rows.map((x) => x.row)).toEqual([3, 4, 5]);
    expect(rows[0]!.message).toContain('火星区');
    expect(rows[1]!.message).toContain('类型');
    expect(rows[1]!.message).toContain('lawyer_nobody');
    expect(rows[2]!.message).toContain('重复');
    expect(rows[2]!.message).toContain('不是律师');
    expect(await count('consult_streets')).toBe(0);
    expect(await count('consult_communities')).toBe(0);
  });

  it('imports a clean file in one go, and re-importing updates instead of duplicating', async () => {
    const csv =
      header +
      '洪山区,珞南街道,珞珈山社区,社区,lawyer_liu\n' +
      '洪山区,珞南街道,马房山社区,社区,lawyer_liu;lawyer_zhou\n' +
      '"黄陂区","木兰乡","双泉村","村",\n';
    const r = await json<{ rows: number; created: number }>(
      t,
      admin,
      'POST',
      '/consult/admin/import',
      { kind: 'communities', csv },
    );
    expect(r.body).toEqual({ rows: 3, created: 3, updated: 0 });
    expect(await count('consult_streets')).toBe(2);
    expect(await count('consult_assignments')).toBe(3);
    const again = await json<{ created: number; updated: number }>(
      t,
      admin,
      'POST',
      '/consult/admin/import',
      { kind: 'communities', csv },
    );
    expect(again.body).toMatchObject({ created: 0, updated: 3 });
    expect(await count('consult_communities')).toBe(3);
    const tree = await json<{
      items: {
        district: string;
        streets: {
          name: string;
          communities: { name: string; kind: string; lawyers: { name: string }[] }[];
        }[];
      }[];
    }>(t, undefined, 'GET', '/consult/geography');
    const hongshan = tree.body.items.find((d) => d.district === '洪山区')!;
    expect(hongshan.streets[0]!.communities[1]!.lawyers.map((l) => l.name)).toEqual([
      '刘律师',
      '周律师',
    ]);
    expect(
      tree.body.items.find((d) => d.district === '黄陂区')!.streets[0]!.communities[0]!.kind,
    ).toBe('village');
  });

  it('imports lawyers’ registration and pool membership, and reports the registration rate', async () => {
    const bad = await json<{ error: { details: { rows: { row: number }[] } } }>(
      t,
      admin,
      'POST',
      '/consult/admin/import',
      {
        kind: 'lawyers',
        csv: '用户名,已注册,在岗,志愿律师库,专长\nlawyer_liu,是,也许,否,\n',
      },
    );
    expect(bad.body.error.details.rows).toEqual([expect.objectContaining({ row: 2 })]);
    const ok = await json(t, admin, 'POST', '/consult/admin/import', {
      kind: 'lawyers',
      csv: '用户名,已注册,在岗,志愿律师库,专长\nlawyer_liu,是,是,否,婚姻家庭、劳动争议\nlawyer_zhou,是,否,是,\n',
    });
    expect(ok.status).toBe(200);
    const list = await json<{
      items: { id: number; registered: boolean; inPool: boolean; specialties: string[] }[];
      registration: unknown;
    }>(t, admin, 'GET', '/consult/admin/lawyers');
    expect(list.body.items.find((l) => l.id === liu.userId)).toMatchObject({
      registered: true,
      specialties: ['婚姻家庭', '劳动争议'],
    });
    expect(list.body.items.find((l) => l.id === zhou.userId)).toMatchObject({ inPool: true });
    expect(list.body.registration).toEqual({ assigned: 2, registeredActive: 1, rate: 0.5 });
  });

  it('refuses a file with the wrong header', async () => {
    const r = await json<{ error: { code: string } }>(t, admin, 'POST', '/consult/admin/import', {
      kind: 'lawyers',
      csv: 'a,b\n1,2\n',
    });
    expect(r.body.error.code).toBe('csv_header_invalid');
  });
});

describe('administration by hand', () => {
  it('creates, renames, reassigns and deletes an unused community; only admins may', async () => {
    const street = await json<{ id: number }>(t, admin, 'POST', '/consult/admin/streets', {
      district: '武昌区',
      name: '中南路街道',
    });
    expect(
      (
        await json(t, admin, 'POST', '/consult/admin/streets', {
          district: '武昌区',
          name: '中南路街道',
        })
      ).status,
    ).toBe(409);
    expect(
      (await json(t, admin, 'POST', '/consult/admin/streets', { district: '外星区', name: 'x' }))
        .status,
    ).toBe(400);
    const c = await json<{ id: number }>(t, admin, 'POST', '/consult/admin/communities', {
      streetId: street.body.id,
      name: '丁字桥社区',
    });
    const badLawyer = await json<{ error: { code: string } }>(
      t,
      admin,
      'PATCH',
      `/consult/admin/communities/${c.body.id}`,
      { lawyerIds: [999999] },
    );
    expect(badLawyer.body.error.code).toBe('lawyer_not_found');
    expect(
      (
        await json(t, admin, 'PATCH', `/consult/admin/communities/${c.body.id}`, {
          name: '丁字桥南社区',
          lawyerIds: [liu.userId],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await json(t, liu, 'POST', '/consult/admin/streets', {
          district: '武昌区',
          name: '水果湖街道',
        })
      ).status,
    ).toBe(403);
    expect((await json(t, admin, 'DELETE', `/consult/admin/communities/${c.body.id}`)).status).toBe(
      200,
    );
    expect((await json(t, admin, 'DELETE', `/consult/admin/communities/${c.body.id}`)).status).toBe(
      404,
    );
  });
});
