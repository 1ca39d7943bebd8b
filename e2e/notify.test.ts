/**
 * Browser test at phone size: a resident signs in with a code sent by SMS (a first sign-in makes the
 * account), finds a notice in 我的消息, marks it read, and turns SMS reminders off; the pages pass axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { enqueueNotification } from '../src/notify/index.js';
import {
  launchChromium,
  openPage,
  seriousViolations,
  startApp,
  type RunningApp,
} from './harness.js';

let server: RunningApp;
let browser: Browser;

beforeAll(async () => {
  server = await startApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PHONE_NO = '13655556666';

async function queuedCode(): Promise<string> {
  const row = await server.ctx.db
    .selectFrom('notify_outbox')
    .select('body')
    .where('kind', '=', 'auth.sms_code')
    .where('address', '=', PHONE_NO)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return /(\d{6})/.exec(row.body)?.[1] ?? '';
}

describe('phone sign-in and messages', () => {
  it('signs in by SMS code, shows the notice, and keeps the reminder settings', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/login?redirect=/me/messages`);
    await page.getByRole('tab', { name: '短信验证码登录' }).click();
    await page.locator('#login-phone').fill(PHONE_NO);
    await page.locator('[data-test=send-code]').click();
    await expect
      .poll(() => page.locator('[data-test=send-code]').textContent())
      .toMatch(/秒后重发/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#login-code').fill(await queuedCode());
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/me\/messages$/);
    await expect.poll(() => page.locator('[data-test=no-messages]').count()).toBe(1);

    const user = await server.ctx.db
      .selectFrom('users')
      .select('id')
      .where('phone', '=', PHONE_NO)
      .executeTakeFirstOrThrow();
    await enqueueNotification(server.ctx.db, {
      kind: 'test.notice',
      userId: user.id,
      title: '法律援助申请补正通知',
      body: '请于15日内补交身份证明材料。',
      refType: 'test',
      refId: 1,
    });
    await page.reload();
    const message = page.locator('[data-test=message]');
    await expect.poll(() => message.first().textContent()).toContain('法律援助申请补正通知');
    expect(await message.first().getAttribute('class')).toContain('unread');
    await page.locator('[data-test=mark-read]').click();
    await expect.poll(() => message.first().getAttribute('class')).not.toContain('unread');

    await page.locator('[data-test=pref-sms]').uncheck();
    await page.locator('[data-test=quiet-start]').fill('21:30');
    await page.locator('[data-test=quiet-end]').fill('07:30');
    await page.locator('[data-test=save-prefs]').click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已保存');
    expect(await seriousViolations(page)).toEqual([]);
    const pref = await server.ctx.db
      .selectFrom('notify_preferences')
      .select(['sms', 'quiet_start', 'quiet_end'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(pref).toEqual({ sms: 0, quiet_start: '21:30', quiet_end: '07:30' });
  });
});
