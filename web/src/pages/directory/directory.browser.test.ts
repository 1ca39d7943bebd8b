/**
 * Browser test of the directory pages: search with a kind filter and the detail panel, a citizen booking a
 * notary slot after seeing the material checklist, and the bureau's dashboard drawing its charts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, startApp, type RunningApp } from '../../../../e2e/harness';
import { createUser } from '../../../../src/auth/service';
import { addWorkingDays, chinaDate } from '../../../../src/core/time';

let server: RunningApp;
let browser: Browser;
// The dashboard loads ECharts and several reports; give the page time on a loaded CI machine.
const POLL = { timeout: 20_000, interval: 200 };
// The next working day (rest-day slots need a reason), named `tomorrow` for the page's wording.
const tomorrow = addWorkingDays(chinaDate(new Date()), 1);

beforeAll(async () => {
  server = await startApp();
  browser = await launchChromium();
  for (const [username, role] of [
    ['web_admin', 'admin'],
    ['web_citizen', 'citizen'],
    ['web_staff', 'notary_staff'],
  ] as const)
    await createUser(server.ctx, {
      username,
      password: 'correct-horse-9',
      role,
      displayName: username,
    });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(username: string): Promise<Page> {
  const page = await openPage(browser, { width: 1024, height: 900 });
  const r = await page.context().request.post(`${server.url}/api/v1/auth/login`, {
    data: { username, password: 'correct-horse-9' },
  });
  expect(r.status()).toBe(200);
  return page;
}

describe('directory pages in the browser', () => {
  it('searches by kind and opens an entry', async () => {
    const page = await openPage(browser, { width: 1024, height: 900 });
    await page.goto(`${server.url}/directory`);
    await page.getByLabel('类型').selectOption('notary_office');
    await page.getByRole('button', { name: '查询' }).click();
    await expect
      .poll(() => page.getByRole('status').first().innerText(), POLL)
      .toContain('共 2 条');
    await page.getByRole('button', { name: /示例公证处/ }).click();
    await expect.poll(() => page.locator('.detail').innerText(), POLL).toContain('江汉区示例街3号');
  });

  it('lets a citizen see the checklist and book a slot', async () => {
    const db = server.ctx.db;
    const office = await db
      .selectFrom('directory_entries')
      .select('id')
      .where('name', '=', '示例公证处（示例数据）')
      .executeTakeFirstOrThrow();
    const staff = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'web_staff')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('directory_staff')
      .values({ entry_id: office.id, user_id: staff.id, created_at: new Date().toISOString() })
      .execute();
    const staffPage = await signedIn('web_staff');
    const me = await (await staffPage.context().request.get(`${server.url}/api/v1/auth/me`)).json();
    const pub = await staffPage
      .context()
      .request.post(`${server.url}/api/v1/notary/offices/${office.id}/slots`, {
        data: {
          matterCode: 'jicheng',
          date: tomorrow,
          startTime: '09:00',
          endTime: '10:00',
          capacity: 1,
        },
        headers: { 'x-csrf-token': me.user.csrfToken },
      });
    expect(pub.status()).toBe(200);
    const page = await signedIn('web_citizen');
    await page.goto(`${server.url}/notary`);
    await page.getByLabel('公证机构').selectOption(String(office.id));
    await page.getByLabel('公证事项').selectOption('jicheng');
    await expect
      .poll(() => page.locator('.checklist').innerText(), POLL)
      .toContain('被继承人死亡证明');
    await page.getByRole('button', { name: new RegExp(`${tomorrow} 09:00`) }).click();
    await page.getByLabel('申请人姓名').fill('王小明');
    await page.getByLabel('手机号码').fill('13812345678');
    await page.getByRole('button', { name: '确认预约' }).click();
    await expect
      .poll(() => page.getByRole('status').first().innerText(), POLL)
      .toContain('预约成功');
    await expect.poll(() => page.locator('.mine').innerText(), POLL).toContain('已预约');
    // 取消 asks first: a slip of the finger keeps the booking.
    await page.locator('[data-test="cancel-booking"]').click();
    await page.getByRole('alertdialog', { name: '确认取消预约' }).waitFor();
    await page.locator('[data-test="keep-booking"]').click();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await page.locator('.mine').innerText()).toContain('已预约');
    await page.locator('[data-test="cancel-booking"]').click();
    await page.locator('[data-test="confirm-cancel"]').click();
    await expect.poll(() => page.locator('.mine').innerText(), POLL).toContain('已取消');
  });

  it('shows the bureau’s dashboard with charts', async () => {
    const page = await signedIn('web_admin');
    await page.goto(`${server.url}/stats`);
    await expect.poll(() => page.locator('h2').allInnerTexts(), POLL).toContain('公证预约');
    await expect.poll(() => page.locator('.canvas canvas').count(), POLL).toBeGreaterThan(0);
  });
});
