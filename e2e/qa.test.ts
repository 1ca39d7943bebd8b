/**
 * Browser tests of 智能问答 over the real API and real statutes: ask, read the cited articles, follow up,
 * rate, 繁体 questions and answers, kiosk reset of the chat, and the accessibility check of the chat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../src/auth/service.js';
import { importKbLaws } from '../src/test/kb.js';
import { qaDeps } from '../src/qa/service.js';
import {
  KIOSK,
  launchChromium,
  openPage,
  seriousViolations,
  startApp,
  type RunningApp,
} from './harness';

let server: RunningApp;
let browser: Browser;

beforeAll(async () => {
  // The statutes the knowledge base cites, so every issue is published as in production; the index
  // and the issue matcher are built here, so the first question waits for the answer, not the build.
  server = await startApp({}, async (ctx) => {
    await importKbLaws(ctx);
    await qaDeps(ctx).engine();
    await qaDeps(ctx).issues();
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const WAGES = '公司拖欠我三个月工资不发，我该怎么办？';

async function askOnPage(page: Page, question: string): Promise<void> {
  const before = await page.locator('[data-test="answer"]').count();
  await page.locator('#qa-input').fill(question);
  await page.getByRole('button', { name: /^(发送|發送)$/ }).click();
  await page.locator('[data-test="answer"]').nth(before).waitFor({ timeout: 20_000 });
}

describe('智能问答 in the browser', () => {
  it('answers with cited articles, takes a follow-up and a rating, and opens a cited article', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/qa`);
    await askOnPage(page, WAGES);
    const first = page.locator('[data-test="answer"]').first();
    // Built on the reviewed issue: its title, then the plain-language explanation.
    expect(await first.locator('[data-test="issue"]').innerText()).toContain('工资');
    expect(await first.locator('[data-test="conclusion"]').innerText()).toContain('工资');
    const citations = first.locator('[data-test="citation"]');
    expect(await citations.count()).toBeGreaterThan(0);
    expect(await first.innerText()).toContain('劳动合同法');
    expect(await first.locator('[data-test="legal-aid"]').innerText()).toContain('法律援助');
    expect(await seriousViolations(page)).toEqual([]);

    // Rate it: 没帮助 with a comment; the server keeps it with the conversation.
    await first.getByRole('button', { name: '没帮助' }).click();
    await first.getByLabel('补充意见（选填）').fill('希望说明仲裁去哪里申请');
    await first.getByRole('button', { name: '提交反馈' }).click();
    await first.locator('[data-test="feedback-done"]').waitFor();
    const stored = await page.evaluate(async () => {
      const id = (
        JSON.parse(sessionStorage.getItem('open12348.qa.chat')!) as { conversationId: string }
      ).conversationId;
      const r = await fetch(`/api/v1/qa/conversations/${id}`);
      return ((await r.json()) as { turns: { feedback: unknown }[] }).turns[0]?.feedback;
    });
    expect(stored).toMatchObject({ helpful: false, comment: '希望说明仲裁去哪里申请' });

    // A follow-up continues the same conversation.
    await askOnPage(page, '申请劳动仲裁有时间限制吗？');
    expect(await page.locator('[data-test="question"]').count()).toBe(2);
    expect(await page.locator('[data-test="answer"]').nth(1).innerText()).toContain('仲裁');

    // Tap a citation: the article page shows that article.
    const label = await citations.first().locator('strong').innerText();
    const articleLabel = /第[一二三四五六七八九十百零]+条/.exec(label)![0];
    const excerpt = (await citations.first().locator('.excerpt').innerText()).slice(0, 20);
    await citations.first().click();
    await page.waitForURL(/\/laws\//);
    expect(decodeURIComponent(new URL(page.url()).pathname)).toContain(articleLabel);
    await page.getByText(excerpt).first().waitFor();
    expect(await page.locator('main').innerText()).toContain(articleLabel);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('answers a question typed in 繁体 in 繁体, and switches the conversation back to 简体', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/qa`);
    await page.locator('[data-test="locale-toggle"]').click();
    await page.getByRole('heading', { level: 1, name: '智能問答' }).waitFor();
    await askOnPage(page, '公司拖欠我三個月工資不發，我該怎麼辦？');
    const conclusion = page.locator('[data-test="conclusion"]').first();
    expect(await conclusion.innerText()).toContain('工資');
    expect(await page.locator('[data-test="citation"]').first().innerText()).toMatch(/勞動|工資/);
    await page.locator('[data-test="locale-toggle"]').click();
    await page.getByRole('heading', { level: 1, name: '智能问答' }).waitFor();
    await expect.poll(() => conclusion.innerText(), { timeout: 10_000 }).toContain('工资');
    await page.context().close();
  });

  it('asks back when a fact changes the answer, and opens the calculator with what the question said', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/qa`);
    await askOnPage(page, '在公司干了三年，月薪八千，被公司辞退了怎么赔偿');
    const first = page.locator('[data-test="answer"]').first();
    await first.locator('[data-test="clarify"]').waitFor();
    const tool = first.locator('[data-test="tool"]');
    expect(await tool.innerText()).toContain('算一算');
    expect(await tool.getAttribute('href')).toContain('monthlyWage=8000');
    // Tap 「还在试用期」: the next answer is about dismissal during probation and asks nothing more.
    await first.getByRole('button', { name: '还在试用期' }).click();
    const second = page.locator('[data-test="answer"]').nth(1);
    await second.waitFor({ timeout: 20_000 });
    expect(await second.locator('[data-test="issue"]').innerText()).toContain('试用期');
    expect(await second.locator('[data-test="clarify"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The calculator opens with the dispute, the start date and the wage already answered.
    await tool.click();
    await page.waitForURL(/\/opinion\/labour/);
    const question = page.locator('[data-test="question"] h2');
    await expect
      .poll(() => question.innerText(), { timeout: 10_000 })
      .toContain('是否仍在该单位工作');
    await page.context().close();
  });

  it('at a kiosk, offers printing and clears the chat after the idle time', async () => {
    const page = await openPage(browser, KIOSK);
    await page.goto(`${server.url}/qa?kiosk=1&idle=12`);
    await askOnPage(page, WAGES);
    expect(await page.locator('[data-test="answer"] [data-test="print"]').count()).toBe(1);
    await page.locator('[data-test="reset-notice"]').waitFor({ timeout: 30_000 });
    await page.goto(`${server.url}/qa`);
    await page.getByText('大家常问').waitFor();
    expect(await page.locator('[data-test="answer"]').count()).toBe(0);
    await page.context().close();
  });

  it('shows an administrator the unhelpful-answer feedback and creates a staff account', async () => {
    await createUser(server.ctx, {
      username: `admin_${process.pid}`,
      password: 'correct-horse-9',
      role: 'admin',
      displayName: '管理员',
      agencyId: null,
    });
    const page = await openPage(browser);
    await page.goto(`${server.url}/login?redirect=/admin`);
    await page.getByLabel('用户名').fill(`admin_${process.pid}`);
    await page.getByLabel('密码').fill('correct-horse-9');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin$/);
    await page.getByRole('tab', { name: '没帮助的回答' }).click();
    // The rating left in the first test reaches the review list.
    await page.getByRole('cell', { name: '希望说明仲裁去哪里申请' }).waitFor();
    await page.getByRole('tab', { name: '工作人员账户' }).click();
    await page.getByLabel('用户名').fill(`lawyer_${process.pid}`);
    await page.getByLabel('姓名').fill('赵律师');
    await page.getByLabel('初始密码（至少 8 位）').fill('correct-horse-9');
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByRole('cell', { name: '赵律师' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
