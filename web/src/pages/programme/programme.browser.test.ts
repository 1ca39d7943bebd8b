/**
 * Browser test of the programme pages: the bureau takes a studio application through 现场考核 and 审议 on
 * /programme/admin (the buttons are the ones the workflow allows), the public 品牌评选 page then lists it in
 * 公示 with its window, and the public calendar shows an upcoming 普法 activity without the lawyers' names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, startApp, type RunningApp } from '../../../../e2e/harness';
import { createUser } from '../../../../src/auth/service';
import { addCalendarDays, chinaDate } from '../../../../src/core/time';
import type { SessionUser } from '../../../../src/core/session';
import { apply } from '../../../../src/programme/awards/service';
import { createCampaign, logActivity } from '../../../../src/programme/publicity/service';

let server: RunningApp;
let browser: Browser;
const POLL = { timeout: 20_000, interval: 200 };
const today = chinaDate(new Date());
const soon = addCalendarDays(today, 3);

const user = (id: number, role: SessionUser['role']): SessionUser => ({
  id,
  username: `u${id}`,
  role,
  displayName: `u${id}`,
  agencyId: null,
  csrfToken: '',
});

beforeAll(async () => {
  server = await startApp();
  browser = await launchChromium();
  const ids: Record<string, number> = {};
  for (const [username, role] of [
    ['web_admin', 'admin'],
    ['web_adviser', 'community_lawyer'],
  ] as const)
    ids[username] = await createUser(server.ctx, {
      username,
      password: 'correct-horse-9',
      role,
      displayName: username,
    });
  const adviser = user(ids.web_adviser!, 'community_lawyer');
  await apply(server.ctx, adviser, {
    kind: 'studio',
    nominee: '浏览器测试法律顾问工作室',
    district: '洪山区',
    materials: '三年服务台账',
  });
  const admin = user(ids.web_admin!, 'admin');
  const campaignId = await createCampaign(server.ctx, admin, {
    name: '宪法宣传周',
    fromDate: today,
    toDate: addCalendarDays(today, 10),
  });
  await logActivity(server.ctx, adviser, {
    campaignId,
    kind: 'school',
    title: '宪法进校园',
    place: '珞珈山小学礼堂',
    date: soon,
    startTime: '09:00',
    endTime: '10:30',
    organiser: '珞南街道司法所',
    lawyers: ['保密的律师姓名'],
    audience: 0,
    photoCount: 0,
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

describe('programme pages in the browser', () => {
  it('lets the bureau pass, score and approve a studio application', async () => {
    const page = await signedIn('web_admin');
    await page.goto(`${server.url}/programme/admin`);
    await page.getByRole('tab', { name: '品牌评选' }).click();
    await page.getByRole('button', { name: '查看' }).click();
    const detail = page.locator('[data-test="award-detail"]');
    await expect.poll(() => detail.innerText(), POLL).toContain('已申报（待初审）');
    await page.getByRole('button', { name: '初审通过' }).click();
    await expect.poll(() => detail.innerText(), POLL).toContain('现场考核中');
    await page.getByLabel('我的现场考核分数（0–100）').fill('90');
    await page.getByRole('button', { name: '录入分数' }).click();
    await expect.poll(() => detail.innerText(), POLL).toContain('web_admin：90');
    await page.getByRole('button', { name: '结束现场考核' }).click();
    await expect.poll(() => detail.innerText(), POLL).toContain('现场考核平均分：90.00');
    await page.getByRole('button', { name: '审议通过并公示' }).click();
    await expect
      .poll(() => detail.innerText(), POLL)
      .toContain(`公示期：${today} 至 ${addCalendarDays(today, 6)}`);
    // Before the window has passed the 授牌 button is there, and its guard answers why not.
    await page.getByRole('button', { name: '授牌' }).click();
    await expect.poll(() => detail.innerText(), POLL).toContain('届满后方可授牌');
  });

  it('shows the 公示 and the calendar to anyone, without personal data', async () => {
    const page = await openPage(browser, { width: 1024, height: 900 });
    await page.goto(`${server.url}/programme/awards`);
    const pub = page.locator('[data-test="publicity"]');
    await expect.poll(() => pub.innerText(), POLL).toContain('浏览器测试法律顾问工作室');
    await expect
      .poll(() => page.locator('main, .page').first().innerText(), POLL)
      .toContain('暂无授牌名单');
    await page.goto(`${server.url}/programme/activities`);
    const day = page.locator('[data-test="activity-day"]');
    await expect.poll(() => day.innerText(), POLL).toContain('09:00–10:30 宪法进校园');
    expect(await page.content()).not.toContain('保密的律师姓名');
    await page.goto(`${server.url}/directory`);
    await page.getByRole('link', { name: /十大示范律师事务所名单/ }).click();
    await expect.poll(() => page.url(), POLL).toContain('/programme/awards');
  });
});
