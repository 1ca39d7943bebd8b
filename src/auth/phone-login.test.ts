/** Sign-in by SMS code and by WeChat: codes hashed, limited and spent; WeChat's return tied to the browser. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from './service.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { startProviderServer, type ProviderServer } from '../test/provider-server.js';

let t: TestApp;
let wx: TestApp;
let gw: ProviderServer;

beforeAll(async () => {
  t = await createTestApp();
  gw = await startProviderServer();
  wx = await createTestApp({
    WECHAT_LOGIN: 'true',
    WECHAT_APPID: 'wx-app',
    WECHAT_SECRET: 'wx-secret',
    WECHAT_API_BASE: gw.url,
    PUBLIC_BASE_URL: 'https://12348.example.cn',
  });
});
afterAll(async () => {
  await wx.close();
  await gw.close();
  await t.close();
});

const post = (url: string, payload: Record<string, unknown>, app = t) =>
  app.request({ method: 'POST', url: `/api/v1${url}`, payload });

/** The code as queued for the SMS (the only place it exists in clear, until it is sent). */
async function codeSentTo(phone: string): Promise<string> {
  const row = await t.ctx.db
    .selectFrom('notify_outbox')
    .select('body')
    .where('kind', '=', 'auth.sms_code')
    .where('address', '=', phone)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const m = /验证码为 (\d{6})/.exec(row.body);
  if (!m?.[1]) throw new Error(`no code in ${row.body}`);
  return m[1];
}

let minute = 0;
/** Each test asks at a fresh minute, so the once-a-minute limit is the one under test only where meant. */
const nextMinute = () => t.clock.set(new Date(Date.UTC(2026, 11, 2, 2, ++minute)).toISOString());

describe('SMS code sign-in', () => {
  it('makes a citizen account on first use, signs it in, and keeps only a hash of the code', async () => {
    nextMinute();
    const r = await post('/auth/sms-code', { phone: '13700001111' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ sent: true, resendAfterSeconds: 60 });
    const code = await codeSentTo('13700001111');
    const stored = await t.ctx.db
      .selectFrom('auth_sms_codes')
      .select('code_hash')
      .where('phone', '=', '13700001111')
      .executeTakeFirstOrThrow();
    expect(stored.code_hash).not.toContain(code);

    const login = await post('/auth/sms-login', { phone: '13700001111', code });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ user: { role: 'citizen', username: 'm13700001111' } });
    expect(login.cookies.find((c) => c.name === 'sid')?.httpOnly).toBe(true);
    // The code is spent.
    const again = await post('/auth/sms-login', { phone: '13700001111', code });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error: { code: 'sms_code_invalid' } });
  });

  it('signs in the citizen who already has the number, and never a staff account with it', async () => {
    nextMinute();
    const citizen = await createUser(t.ctx, {
      username: 'zhang_sms',
      password: 'correct-horse-9',
      role: 'citizen',
      displayName: '张三',
      phone: '13700002222',
    });
    await post('/auth/sms-code', { phone: '13700002222' });
    const mine = await post('/auth/sms-login', {
      phone: '13700002222',
      code: await codeSentTo('13700002222'),
    });
    expect(mine.json()).toMatchObject({ user: { id: citizen, username: 'zhang_sms' } });

    const staff = await createUser(t.ctx, {
      username: 'officer_sms',
      password: 'correct-horse-9',
      role: 'admin',
      displayName: '管理员',
      phone: '13700003333',
    });
    await post('/auth/sms-code', { phone: '13700003333' });
    const other = await post('/auth/sms-login', {
      phone: '13700003333',
      code: await codeSentTo('13700003333'),
    });
    expect(other.statusCode).toBe(200);
    expect(other.json<{ user: { id: number; role: string } }>().user).toMatchObject({
      role: 'citizen',
    });
    expect(other.json<{ user: { id: number } }>().user.id).not.toBe(staff);
  });

  it('refuses a disabled account whatever the way of signing in', async () => {
    nextMinute();
    const id = await createUser(t.ctx, {
      username: 'disabled_sms',
      password: 'correct-horse-9',
      role: 'citizen',
      displayName: '李四',
      phone: '13700007777',
    });
    await t.ctx.db
      .updateTable('users')
      .set({ disabled_at: t.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await post('/auth/sms-code', { phone: '13700007777' });
    const r = await post('/auth/sms-login', {
      phone: '13700007777',
      code: await codeSentTo('13700007777'),
    });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ error: { code: 'account_disabled' } });
  });

  it('refuses a second code within the minute and more than the hourly limit, answering alike for any number', async () => {
    nextMinute();
    expect((await post('/auth/sms-code', { phone: '13700004444' })).statusCode).toBe(200);
    const soon = await post('/auth/sms-code', { phone: '13700004444' });
    expect(soon.statusCode).toBe(429);
    expect(soon.json()).toMatchObject({
      error: { code: 'quota_exceeded', message: '验证码已发送，请 60 秒后再试' },
    });
    for (let i = 1; i < t.ctx.config.SMS_CODES_PER_HOUR; i++) {
      t.clock.advance(61_000);
      expect((await post('/auth/sms-code', { phone: '13700004444' })).statusCode).toBe(200);
    }
    t.clock.advance(61_000);
    const hourly = await post('/auth/sms-code', { phone: '13700004444' });
    expect(hourly.json()).toMatchObject({
      error: { message: '该号码获取验证码次数过多，请一小时后再试' },
    });
    expect((await post('/auth/sms-code', { phone: '12345' })).statusCode).toBe(400);
  });

  it('wears a code out after five wrong tries, so guessing cannot reach the right one', async () => {
    nextMinute();
    await post('/auth/sms-code', { phone: '13700005555' });
    const code = await codeSentTo('13700005555');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect(
        (await post('/auth/sms-login', { phone: '13700005555', code: wrong })).statusCode,
      ).toBe(400);
    expect((await post('/auth/sms-login', { phone: '13700005555', code })).statusCode).toBe(400);
  });

  it('lets a code expire after five minutes', async () => {
    nextMinute();
    await post('/auth/sms-code', { phone: '13700006666' });
    const code = await codeSentTo('13700006666');
    t.clock.advance(5 * 60_000 + 1000);
    expect((await post('/auth/sms-login', { phone: '13700006666', code })).statusCode).toBe(400);
  });
});

describe('WeChat sign-in', () => {
  async function start(next = '/consult') {
    const r = await wx.request({
      method: 'GET',
      url: `/api/v1/auth/wechat/start?next=${encodeURIComponent(next)}`,
    });
    expect(r.statusCode).toBe(302);
    const loc = new URL(r.headers.location as string);
    const state = loc.searchParams.get('state') ?? '';
    const cookie = r.cookies.find((c) => c.name === 'wx_state');
    return { loc, state, cookie: `wx_state=${cookie?.value ?? ''}` };
  }
  const callback = (q: string, cookie: string) =>
    wx.request({ method: 'GET', url: `/api/v1/auth/wechat/callback?${q}`, headers: { cookie } });

  it('sends the resident to WeChat and signs in the account of the openid WeChat returns, the same one next time', async () => {
    const s = await start();
    expect(`${s.loc.origin}${s.loc.pathname}`).toBe(
      'https://open.weixin.qq.com/connect/oauth2/authorize',
    );
    expect(s.loc.searchParams.get('appid')).toBe('wx-app');
    expect(s.loc.searchParams.get('scope')).toBe('snsapi_base');
    expect(s.loc.searchParams.get('redirect_uri')).toBe(
      'https://12348.example.cn/api/v1/auth/wechat/callback',
    );
    const back = await callback(`code=abc&state=${s.state}`, s.cookie);
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe('/consult');
    const sid = back.cookies.find((c) => c.name === 'sid')?.value ?? '';
    const me = await wx.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `sid=${sid}` },
    });
    const first = me.json<{ user: { id: number; role: string } }>().user;
    expect(first.role).toBe('citizen');

    const s2 = await start();
    const back2 = await callback(`code=abc&state=${s2.state}`, s2.cookie);
    const sid2 = back2.cookies.find((c) => c.name === 'sid')?.value ?? '';
    const me2 = await wx.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `sid=${sid2}` },
    });
    expect(me2.json<{ user: { id: number } }>().user.id).toBe(first.id);
  });

  it("refuses a return without this browser's state, a code WeChat refuses, and never redirects off the site", async () => {
    const s = await start();
    expect((await callback(`code=abc&state=forged`, s.cookie)).json()).toMatchObject({
      error: { code: 'wechat_login_failed' },
    });
    expect((await callback(`code=abc&state=${s.state}`, '')).statusCode).toBe(400);
    const s2 = await start();
    expect((await callback(`code=bad&state=${s2.state}`, s2.cookie)).statusCode).toBe(400);
    const s3 = await start('//evil.example.com/x');
    expect((await callback(`code=def&state=${s3.state}`, s3.cookie)).headers.location).toBe('/');
  });

  it('is off unless configured', async () => {
    const r = await t.request({ method: 'GET', url: '/api/v1/auth/wechat/start' });
    expect(r.json()).toMatchObject({ error: { code: 'wechat_login_disabled' } });
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/providers' })).json()).toEqual({
      password: true,
      sms: true,
      wechat: false,
    });
  });
});
