/**
 * Browser test of the reading pages over real statute files: browse → law → article permalink, an old
 * version marked 已被修订 with a link to the current one, 繁体 text from the server, and an axe check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  launchChromium,
  openPage,
  seriousViolations,
  startApp,
  type RunningApp,
} from '../../../../e2e/harness';
import { importLawFixture } from '../../../../src/test/laws-fixture';

let server: RunningApp;
let browser: Browser;
const enc = encodeURIComponent;

beforeAll(async () => {
  server = await startApp({}, (ctx) =>
    importLawFixture(ctx, [
      '社会法/劳动合同法(2012-12-28).md',
      '民法商法/公司法(2018-10-26).md',
      '民法商法/公司法(2023-12-29).md',
    ]),
  );
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('laws pages in the browser', () => {
  it('browses to a law and opens an article by permalink', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/laws`);
    await page.getByRole('link', { name: '中华人民共和国劳动合同法' }).click();
    await page.getByRole('heading', { level: 1, name: '中华人民共和国劳动合同法' }).waitFor();
    expect(await page.locator('[data-test="status-badge"]').first().innerText()).toBe('现行有效');
    await page.getByText('经济补偿按劳动者在本单位工作的年限').first().waitFor();
    await page.getByRole('link', { name: '第四十七条' }).click();
    await page.waitForURL(`${server.url}/laws/${enc('劳动合同法')}/${enc('第四十七条')}`);
    await page.getByRole('heading', { level: 2, name: '第四十七条' }).waitFor();
    await page.getByRole('link', { name: '第四十八条 ›' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('marks an old version and links the current one; 繁体 comes converted', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/laws/${enc('公司法')}/${enc('第一条')}?version=2018-10-26`);
    await page.getByText('此条文出自已被修订的旧版本').waitFor();
    expect(await page.locator('[data-test="status-badge"]').first().innerText()).toBe('已被修订');
    await page.getByRole('link', { name: '查看现行版本的同号条文' }).click();
    await page.waitForURL(`${server.url}/laws/${enc('公司法')}/${enc('第一条')}`);
    await page.getByText('现行有效').first().waitFor();
    await page.locator('[data-test="locale-toggle"]').click();
    await page.getByRole('heading', { level: 2, name: '第一條' }).waitFor();
    await page.getByText('現行有效').first().waitFor();
  });
});
