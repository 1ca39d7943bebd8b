/**
 * Browser test of the 常见法律问题库 editor at phone size: an admin opens it from 系统管理, writes a new
 * issue citing 劳动合同法第八十二条 (numbers the article states), saves, submits and publishes it and
 * finds it listed as 已发布; a new draft citing 第999条 shows the 不存在 problem, cannot be published and
 * is sent back with a note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchChromium,
  openPage,
  PHONE,
  seriousViolations,
  startApp,
  type RunningApp,
} from '../../../../e2e/harness';
import { createUser } from '../../../../src/auth/service';
import { importLawFixture } from '../../../../src/test/laws-fixture';

let server: RunningApp;
let browser: Browser;
const ID = 'labour-unsigned-contract-double-pay';

beforeAll(async () => {
  server = await startApp({}, async (ctx) => {
    await createUser(ctx, {
      username: 'kb_admin',
      password: 'correct-horse-9',
      role: 'admin',
      displayName: '局管理员',
    });
    await importLawFixture(ctx, ['社会法/劳动合同法(2012-12-28).md']);
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function checkPage(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
}

describe('knowledge-base editor in the browser', () => {
  it('creates, submits and publishes an issue; an unknown article blocks publishing', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/login?redirect=/admin`);
    await page.getByLabel('用户名').fill('kb_admin');
    await page.getByLabel('密码').fill('correct-horse-9');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${server.url}/admin`);

    await page.getByRole('link', { name: '常见法律问题库' }).click();
    await page.waitForURL(`${server.url}/admin/kb`);
    await page
      .getByRole('status')
      .filter({ hasText: /共 \d+ 个问题/ })
      .waitFor();
    await checkPage(page);

    await page.getByRole('link', { name: '新增问题' }).click();
    await page.waitForURL(`${server.url}/admin/kb/new`);
    await page.getByLabel('问题编号').fill(ID);
    await page.getByLabel(/^标题/).fill('没签书面劳动合同能要二倍工资吗');
    await page.getByLabel(/^主题/).selectOption('劳动争议');
    await page
      .getByLabel(/^问法/)
      .fill(
        [
          '公司一直不跟我签劳动合同怎么办',
          '入职半年了老板还没签合同能要赔偿吗',
          '没签劳动合同可以要双倍工资吗',
          '单位不签合同二倍工资怎么算',
          '干了三个月没签合同能找公司要钱吗',
          '老板说试用期不用签合同对吗',
        ].join('\n'),
      );
    await page.getByLabel('法规名称').fill('劳动合同法');
    await page.getByLabel(/^条/).fill('82');
    await page.getByLabel(/^说明/).fill('未订立书面合同付二倍工资');
    await page
      .getByLabel(/^通俗解释/)
      .fill(
        '用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当每月向劳动者支付二倍的工资。' +
          '单位依法应当与您订立无固定期限劳动合同而不订立的，也要从应当订立之日起每月支付二倍的工资。',
      );
    await page
      .getByLabel('做什么')
      .fill(
        '保留工资流水、考勤记录和工作证等能证明劳动关系的材料，向当地劳动人事争议仲裁委员会申请仲裁。',
      );
    await page
      .getByLabel('何时找律师')
      .fill('单位否认存在劳动关系或者涉及金额较大的，建议咨询律师。');
    await checkPage(page);

    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(`${server.url}/admin/kb/${ID}`);
    const problems = page.locator('[data-test="kb-problems"]');
    await problems.getByText('未发现问题').waitFor();
    await page.getByRole('heading', { name: '草稿（草稿）' }).waitFor();
    await checkPage(page);

    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('heading', { name: '草稿（待审核）' }).waitFor();
    expect(await page.getByLabel(/^标题/).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '审核通过并发布' }).click();
    await page.getByRole('button', { name: '新建草稿' }).waitFor();
    await page.getByRole('status').filter({ hasText: '已发布' }).waitFor();
    await page.getByText('已发布内容').click();
    await page.getByText('《劳动合同法》第82条：未订立书面合同付二倍工资').waitFor();
    await checkPage(page);

    await page.goto(`${server.url}/admin/kb`);
    await page.getByRole('searchbox', { name: '标题或编号' }).fill('二倍工资');
    await page.getByRole('button', { name: '搜索' }).click();
    const row = page.locator('[data-test="kb-row"]').filter({ hasText: ID });
    await row.waitFor();
    await row.getByText('已发布', { exact: true }).waitFor();
    expect(await row.getByText('未发布').count()).toBe(0);
    await checkPage(page);

    // A new draft citing an article the law does not have: shown on save, refused on publish.
    await row.getByRole('link', { name: '没签书面劳动合同能要二倍工资吗' }).click();
    await page.waitForURL(`${server.url}/admin/kb/${ID}`);
    await page.getByRole('button', { name: '新建草稿' }).click();
    await page.getByRole('heading', { name: '草稿（草稿）' }).waitFor();
    await page.getByLabel(/^条/).fill('999');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await problems.getByText('《劳动合同法》第999条不存在').waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('heading', { name: '草稿（待审核）' }).waitFor();
    await page.getByRole('button', { name: '审核通过并发布' }).click();
    await page
      .locator('[data-test="kb-error"]')
      .getByText('内容未通过法规库核对，不能发布')
      .waitFor();
    await problems.getByText('《劳动合同法》第999条不存在').waitFor();
    await checkPage(page);

    await page.goto(`${server.url}/admin/kb`);
    await page.getByLabel(/^状态/).selectOption({ label: '待审核' });
    const pending = page.locator('[data-test="kb-row"]').filter({ hasText: ID });
    await pending.getByText('草稿：待审核').waitFor();
    await pending.getByText('已发布', { exact: true }).waitFor();

    // The reviewer sends it back: a note is required and shows in the history.
    await pending.getByRole('link').click();
    await page.getByRole('button', { name: '退回修改' }).click();
    await page.locator('[data-test="kb-error"]').getByText('退回时请写明需要修改的地方').waitFor();
    await page.getByLabel('退回意见（必填）').fill('第999条不存在，请改回第82条');
    await page.getByRole('button', { name: '退回修改' }).click();
    await page.getByRole('heading', { name: '草稿（已退回）' }).waitFor();
    await page.getByText('意见：第999条不存在，请改回第82条').waitFor();
    expect(await page.getByLabel(/^标题/).isDisabled()).toBe(false);
    await checkPage(page);
  });
});
