/**
 * Browser test of the aid pages: an anonymous pre-check to a result, then a citizen applies online (承诺书) and
 * sees the status; an officer of the competent agency accepts and grants from the actions the server offers;
 * the citizen sees the decision in her timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  signInPage,
  launchChromium,
  openPage,
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
      username: 'aid_citizen',
      password: 'correct-horse-9',
      role: 'citizen',
      displayName: '王小梅',
    });
    const jiangan = await ctx.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'jiangan')
      .executeTakeFirstOrThrow();
    await createUser(ctx, {
      username: 'aid_officer_ja',
      password: 'correct-horse-9',
      role: 'aid_officer',
      displayName: '江岸经办',
      agencyId: jiangan.id,
    });
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const login = (page: Page, username: string, redirect: string) =>
  signInPage(page, server.url, username, redirect);

describe('aid pages in the browser', () => {
  it('runs the pre-check one question at a time to a result with its article', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/aid`);
    await page.getByRole('link', { name: '条件自测（无需登录）' }).click();
    await page.getByRole('button', { name: /民事、行政事项/ }).click();
    await page.getByRole('button', { name: '请求确认劳动关系或者支付劳动报酬' }).click();
    await page.getByRole('button', { name: /进城务工人员/ }).click();
    await page.getByRole('heading', { name: '可能符合条件' }).waitFor();
    expect(await page.getByText('法律援助法第四十二条').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a citizen applies; the officer accepts and grants; the citizen sees every step', async () => {
    const citizen = await openPage(browser);
    await login(citizen, 'aid_citizen', '/aid/apply');
    await citizen.getByLabel('姓名', { exact: true }).fill('王小梅');
    await citizen.getByLabel('身份证号', { exact: true }).fill('11010519491231002X');
    await citizen.getByLabel('手机号码').fill('13912345678');
    await citizen.getByLabel('案情简述').fill('在工地务工半年，公司拖欠工资两万元，多次催讨未果。');
    await citizen.getByLabel('我已阅读并承诺').check();
    await citizen.getByLabel('签名（输入姓名）').fill('王小梅');
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await Promise.race([
      citizen.waitForURL(/\/aid\/case\/\d+$/),
      citizen
        .locator('[role="alert"]')
        .waitFor()
        .then(async () => {
          throw new Error(`提交失败：${await citizen.locator('[role="alert"]').innerText()}`);
        }),
    ]);
    await citizen.getByText('当前状态：已接收').waitFor();
    const url = citizen.url();

    const officer = await openPage(browser);
    await login(officer, 'aid_officer_ja', '/aid/office');
    await officer.getByText('王**').first().click();
    await officer.waitForURL(url);
    await officer.getByRole('button', { name: '受理', exact: true }).click();
    await officer.getByText('当前状态：审查中').waitFor();
    const grant = officer
      .locator('form.action')
      .filter({ has: officer.getByRole('button', { name: '决定给予法律援助' }) });
    await grant.getByLabel('理由').fill('申请人追索劳动报酬，经济困难，符合第三十一条第五项。');
    await grant.getByRole('button', { name: '决定给予法律援助' }).click();
    await officer.getByText('当前状态：决定给予援助').waitFor();

    await citizen.reload();
    await citizen.getByText('当前状态：决定给予援助').waitFor();
    expect(await citizen.getByText('查看/打印决定书（PDF）').count()).toBe(1);
    expect(await citizen.getByText('受理', { exact: true }).count()).toBeGreaterThan(0);
    expect(await seriousViolations(citizen)).toEqual([]);
  });
});
