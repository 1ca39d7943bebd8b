/**
 * Browser test of the opinion pages over the real statutes: a kiosk user answers the loan interview one
 * question at a time (with a step back), generates the letter, downloads the PDF and verifies the code.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  launchChromium,
  openPage,
  seriousViolations,
  startApp,
  type RunningApp,
} from '../../../../e2e/harness';
import { importOpinionLaws } from '../../../../src/test/opinion';

let server: RunningApp;
let browser: Browser;

beforeAll(async () => {
  server = await startApp({}, importOpinionLaws);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('opinion pages in the browser', () => {
  it('runs the loan interview to a downloaded PDF and a verified code', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/opinion`);
    await page.locator('[data-test="scenario-loan"]').click();
    const q = page.locator('[data-test="question"]');
    const fill = async (value: string) => {
      await q.locator('input').fill(value);
      await q.getByRole('button', { name: '下一题' }).click();
    };
    await q.getByText('您实际借出的本金是多少？').waitFor();
    await fill('50000');
    await q.getByText('借款是哪一天交付').waitFor();
    await fill('2024-03-01');
    await q.getByText('双方是否书面约定了利息？').waitFor();
    await page.getByRole('button', { name: '上一题' }).click();
    expect(await q.locator('input').inputValue()).toBe('2024-03-01');
    await fill('2024-03-01');
    await q.getByRole('button', { name: '是' }).click();
    await q.getByText('约定的年利率').waitFor();
    await fill('36');
    await q.getByText('约定的还款日期').waitFor();
    await fill('2025-03-01');
    await q.getByText('借条、欠条').waitFor();
    await q.getByRole('button', { name: '是' }).click();
    await page.locator('[data-test="summary"]').getByText('50,000 元').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-test="make-letter"]').click();
    await page.waitForURL(/\/opinion\/letter\/\d+$/);
    await page
      .getByRole('heading', {
        name: '《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条',
      })
      .waitFor();
    await page.getByText('超过上限、不受保护的利息').waitFor();
    const code = (await page.locator('.meta').innerText()).match(/[0-9A-Z]{12}/)![0];
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="pdf"]').click(),
    ]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.goto(`${server.url}/opinion/verify/${code}`);
    await page.getByText('真实有效，内容未被改动').waitFor();
    // Another browser (another kiosk token) cannot open the letter.
    const other = await openPage(browser);
    const r = await other.request.get(`${server.url}/api/v1/opinion/letters/1`);
    expect(r.status()).toBe(404);
  }, 150_000);
});
