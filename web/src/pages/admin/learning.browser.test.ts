/**
 * Browser test of 问答学习 at phone size: an admin opens it from 系统管理 and finds three reworded
 * questions that residents marked 没帮助 as one group asked three times; starting a new issue from the
 * group opens the knowledge-base editor with those questions as its first phrasings.
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
import { ask, giveFeedback } from '../../../../src/qa/service';
import { importLawFixture } from '../../../../src/test/laws-fixture';

let server: RunningApp;
let browser: Browser;
const QUESTIONS = [
  '微信被盗号了，骗子用我的号找朋友借钱',
  '我微信被盗号了，骗子用我的号找朋友借钱',
  '微信被盗号，骗子用我的号向朋友借钱',
];

beforeAll(async () => {
  server = await startApp({}, async (ctx) => {
    await createUser(ctx, {
      username: 'learn_admin',
      password: 'correct-horse-9',
      role: 'admin',
      displayName: '局管理员',
    });
    await importLawFixture(ctx, ['社会法/劳动合同法(2012-12-28).md']);
    for (const question of QUESTIONS) {
      const r = await ask(ctx, { question, locale: 'zh-CN' }, null);
      await giveFeedback(
        ctx,
        r.answer.id!,
        { helpful: false, conversationId: r.conversationId },
        null,
      );
    }
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('问答学习 in the browser', () => {
  it('shows poorly answered questions grouped and starts a new issue from a group', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/login?redirect=/admin`);
    await page.getByLabel('用户名').fill('learn_admin');
    await page.getByLabel('密码').fill('correct-horse-9');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${server.url}/admin`);

    await page.getByRole('link', { name: '问答学习' }).click();
    await page.waitForURL(`${server.url}/admin/learning`);
    const group = page.locator('[data-test="learning-group"]');
    await group.first().waitFor();
    expect(await group.count()).toBe(1);
    await expect.poll(() => group.first().innerText()).toContain('3 次');
    expect(await group.first().innerText()).toContain('没帮助 3');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );

    await page.getByRole('button', { name: '以此新增问题' }).click();
    await page.waitForURL(`${server.url}/admin/kb/new`);
    const phrasings = (await page.getByLabel(/^问法/).inputValue()).split('\n');
    expect([...phrasings].sort()).toEqual([...QUESTIONS].sort());
  });
});
