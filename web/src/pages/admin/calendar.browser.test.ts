/**
 * Browser test of 节假日日历 at phone size: an admin opens it from 系统管理, sees 2027 held only
 * provisionally, makes 2027-02-09 a rest day (春节补休) and sees it listed as the bureau's change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  launchChromium,
  openPage,
  PHONE,
  seriousViolations,
  startApp,
  type RunningApp,
} from '../../../../e2e/harness';
import { createUser } from '../../../../src/auth/service';

let server: RunningApp;
let browser: Browser;

beforeAll(async () => {
  server = await startApp({}, async (ctx) => {
    await createUser(ctx, {
      username: 'cal_admin',
      password: 'correct-horse-9',
      role: 'admin',
      displayName: '局管理员',
    });
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('节假日日历 in the browser', () => {
  it('shows 2027 as provisional and records a rest day the bureau adds', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/login?redirect=/admin`);
    await page.getByLabel('用户名').fill('cal_admin');
    await page.getByLabel('密码').fill('correct-horse-9');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${server.url}/admin`);
    await page.getByRole('link', { name: '节假日日历' }).click();
    await page.waitForURL(`${server.url}/admin/calendar`);
    await page.getByLabel('年度', { exact: true }).fill('2027');
    await expect
      .poll(() => page.locator('[data-test="calendar-years"]').innerText())
      .toContain('暂定（仅法定节日）');
    await expect.poll(() => page.locator('table').innerText()).toContain('2027-02-05');
    await page.getByLabel('日期', { exact: true }).fill('2027-02-09');
    await page.getByLabel('说明', { exact: true }).fill('春节补休');
    await page.getByRole('button', { name: '保存日期' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('已保存日期');
    const row = page.locator('tr', { hasText: '2027-02-09' });
    await expect.poll(() => row.innerText()).toContain('司法局调整');
    expect(await row.innerText()).toContain('春节补休');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
  });
});
