/** @module Demo mode in the browser: the banner on every page; without a corpus a plain notice for citizens, the commands for the admin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed.js';
import { launchChromium, openPage, PHONE, startApp, type RunningApp } from './harness.js';

let server: RunningApp;
let browser: Browser;
beforeAll(async () => {
  server = await startApp({ DEMO_MODE: 'true' }, (ctx) => seedDemo(ctx, { info: () => {} }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('demo mode in the browser', () => {
  it.each(['/', '/laws', '/aid', '/qa', '/notary', '/consult'])(
    '%s says it shows 示例数据',
    async (path) => {
      const page = await openPage(browser, PHONE);
      await page.goto(`${server.url}${path}`);
      const banner = page.locator('[data-test="demo-banner"]');
      await banner.waitFor();
      expect(await banner.innerText()).toContain('示例数据');
      await page.context().close();
    },
  );

  it('without a corpus tells citizens plainly and the admin how to load it', async () => {
    const page = await openPage(browser, PHONE);
    await page.goto(`${server.url}/`);
    const notice = page.locator('[data-test="corpus-notice"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('12348');
    expect(await page.locator('main').innerText()).not.toMatch(/npm|LAWS_DIR/);
    const r = await page.context().request.post(`${server.url}/api/v1/auth/login`, {
      data: { username: 'demo_admin', password: DEMO_PASSWORD },
    });
    expect(r.status()).toBe(200);
    await page.goto(`${server.url}/admin`);
    const admin = page.locator('[data-test="corpus-admin"]');
    await admin.waitFor();
    expect(await admin.innerText()).toMatch(/npm run laws:(import|fetch)/);
    await page.context().close();
  });
});
