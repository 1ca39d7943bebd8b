/** Accounts an administrator disables: no sign-in, sessions end at once; re-enabled, the account signs in again. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

const login = (username: string) =>
  t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: 'correct-horse-9' },
  });
const me = (s: Session) => t.request({ method: 'GET', url: '/api/v1/auth/me', session: s });

describe('disabling an account', () => {
  it('ends its sessions, refuses its sign-in, and lets it in again once enabled', async () => {
    const staff = await t.signIn('notary_staff');
    expect((await me(staff)).json().user.id).toBe(staff.userId);
    const off = await t.request({
      method: 'POST',
      url: `/api/v1/admin/users/${staff.userId}/disable`,
      payload: { reason: '调离' },
      session: admin,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await me(staff)).json().user).toBeNull();
    const refused = await login(staff.username);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('account_disabled');
    const list = await t.request({
      method: 'GET',
      url: '/api/v1/admin/users?role=notary_staff',
      session: admin,
    });
    expect(list.json().items.find((u: { id: number }) => u.id === staff.userId).disabled).toBe(
      true,
    );
    const again = await t.request({
      method: 'POST',
      url: `/api/v1/admin/users/${staff.userId}/disable`,
      payload: {},
      session: admin,
    });
    expect(again.json().error.code).toBe('already_disabled');
    const on = await t.request({
      method: 'POST',
      url: `/api/v1/admin/users/${staff.userId}/enable`,
      payload: {},
      session: admin,
    });
    expect(on.statusCode).toBe(200);
    expect((await login(staff.username)).statusCode).toBe(200);
    const actions = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'user')
      .where('entity_id', '=', String(staff.userId))
      .where('action', 'in', ['disable', 'enable'])
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['disable', 'enable']);
  });

  it('is for administrators only, and not of one’s own account', async () => {
    const officer = await t.signIn('aid_officer');
    const citizen = await t.signIn('citizen');
    const byOfficer = await t.request({
      method: 'POST',
      url: `/api/v1/admin/users/${citizen.userId}/disable`,
      payload: {},
      session: officer,
    });
    expect(byOfficer.statusCode).toBe(403);
    const self = await t.request({
      method: 'POST',
      url: `/api/v1/admin/users/${admin.userId}/disable`,
      payload: {},
      session: admin,
    });
    expect(self.json().error.code).toBe('cannot_disable_self');
  });
});
