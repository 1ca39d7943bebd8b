/**
 * Browser tests of the citizen shell: home tiles, the first page inlined in index.html (and its fallback),
 * 繁体 switch, 关怀版, register/login/我的, kiosk idle reset, and the accessibility check of the home page.
 * Each test asserts on what the page shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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
  server = await startApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const text = (page: Page, sel: string) => page.locator(sel).first().innerText();

async function register(page: Page, username: string, displayName: string): Promise<void> {
  await page.goto(`${server.url}/register`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('称呼').fill(displayName);
  await page.getByLabel('密码', { exact: true }).fill('correct-horse-9');
  await page.getByLabel('确认密码').fill('correct-horse-9');
  await page.getByRole('button', { name: '注册并登录' }).click();
  await page.waitForURL(/\/me$/);
}

describe('citizen shell in the browser', () => {
  it('shows the home page with every service tile and no serious accessibility violations', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await expect(text(page, 'h1')).resolves.toBe('12348 公共法律服务');
    for (const key of ['qa', 'aid', 'consult', 'opinion', 'directory', 'notary', 'laws'])
      expect(await page.locator(`[data-test="tile-${key}"]`).count()).toBe(1);
    // 智能问答 is online: its tile is a link that opens the chat.
    await page.locator('[data-test="tile-qa"]').click();
    await page.waitForURL(/\/qa$/);
    await expect(text(page, 'h1')).resolves.toBe('智能问答');
    await page.goto(server.url);
    await page.locator('[data-test="tile-qa"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      '跳到主要内容',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it('sends the first page in one response: CSS and JS inside index.html, compressed, revalidated', async () => {
    for (const p of ['/', '/laws/劳动合同法/第四十七条']) {
      const res = await fetch(server.url + encodeURI(p), { headers: { 'accept-encoding': 'br' } });
      expect(res.headers.get('content-encoding')).toBe('br');
      expect(res.headers.get('cache-control')).toBe('public, max-age=0');
      const html = await res.text();
      expect(html).toContain('<script type="importmap">');
      expect(html).not.toMatch(/<script[^>]+src=|rel="stylesheet"|rel="modulepreload"/);
    }
    const page = await openPage(browser);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(server.url);
    await page.locator('[data-test="tile-qa"]').waitFor();
    await page.waitForLoadState('load');
    // Nothing but the document is fetched before `load` (API calls aside; the full Vant sheet comes after).
    const fetched = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.startTime < nav.loadEventStart && e.initiatorType !== 'fetch')
        .map((e) => e.name);
    });
    expect(fetched).toEqual([]);
    // A lazy page shares the inlined modules (router, session) instead of loading a second copy.
    await page.locator('[data-test="tile-qa"]').click();
    await page.waitForURL(/\/qa$/);
    await expect(text(page, 'h1')).resolves.toBe('智能问答');
    expect(scripts.some((p) => p.startsWith('/assets/'))).toBe(true); // the chat's own chunk
    expect(scripts.filter((p) => p.startsWith('/assets/index-'))).toEqual([]);
    await page.context().close();
  });

  it('without import maps (older browsers) loads the entry chunk from /assets/ instead', async () => {
    const page = await openPage(browser);
    await page.route(`${server.url}/`, async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(/<script type="importmap">[\s\S]*?<\/script>/, '');
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(server.url);
    await page.locator('[data-test="tile-qa"]').click();
    await page.waitForURL(/\/qa$/);
    await expect(text(page, 'h1')).resolves.toBe('智能问答');
    expect(scripts[0]).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    await page.context().close();
  });

  it('switches to 繁体, remembers it across a reload, and switches back', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await page.locator('[data-test="locale-toggle"]').click();
    // The 繁体 converter is fetched on first use, then the page re-renders.
    await page.getByRole('heading', { level: 1, name: '12348 公共法律服務' }).waitFor();
    expect(await text(page, '[data-test="tile-qa"] strong')).toBe('智能問答');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '12348 公共法律服務' }).waitFor();
    await page.locator('[data-test="locale-toggle"]').click();
    await page.getByRole('heading', { level: 1, name: '12348 公共法律服务' }).waitFor();
    expect(await text(page, '[data-test="tile-qa"] strong')).toBe('智能问答');
    await page.context().close();
  });

  it('关怀版 enlarges the text and raises contrast, and is remembered', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    const tileTitle = page.locator('[data-test="tile-qa"] strong');
    // Rendered size on screen (after CSS zoom), as the citizen sees it.
    const sizeOf = async () => (await tileTitle.boundingBox())?.height ?? 0;
    const before = await sizeOf();
    await page.getByRole('button', { name: '关怀版' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(
      true,
    );
    expect(await sizeOf()).toBeGreaterThan(before * 1.3);
    const color = await tileTitle.evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe('rgb(0, 0, 0)');
    await page.reload();
    await page.getByRole('button', { name: '标准版' }).waitFor();
    expect(await sizeOf()).toBeGreaterThan(before * 1.3);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '标准版' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(
      false,
    );
    await page.context().close();
  });

  it('registers, shows the account in 我的, signs out', async () => {
    const page = await openPage(browser);
    await register(page, `wang_${process.pid}`, '王阿姨');
    await expect(text(page, '[data-test="me-name"]')).resolves.toContain('王阿姨');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/me`);
    await page.locator('[data-test="me-anonymous"]').waitFor();
    await page.goto(`${server.url}/login?redirect=/me`);
    await page.getByLabel('用户名').fill(`wang_${process.pid}`);
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(text(page, '[role="alert"]')).resolves.toMatch(/密码|错误/);
    await page.context().close();
  });

  it('kiosk mode returns home and clears the session after the idle time', async () => {
    const page = await openPage(browser, KIOSK);
    await register(page, `kiosk_${process.pid}`, '李先生');
    // The kiosk starts with someone signed in; nobody touches it for the idle time (6 s here).
    await page.goto(`${server.url}/me?kiosk=1&idle=6`);
    await page.getByRole('navigation', { name: '终端导航' }).waitFor();
    expect(await page.locator('.tabbar').count()).toBe(0); // kiosk: only its own on-screen navigation
    await expect(text(page, '[data-test="me-name"]')).resolves.toContain('李先生');
    await page.evaluate(() =>
      sessionStorage.setItem('open12348.qa.chat', '{"conversationId":"x","turns":[]}'),
    );
    await page.locator('[data-test="reset-notice"]').waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()));
    expect(me).toEqual({ user: null });
    expect(await page.evaluate(() => sessionStorage.getItem('open12348.qa.chat'))).toBeNull();
    await page.goto(`${server.url}/me`);
    await page.locator('[data-test="me-anonymous"]').waitFor();
    // Still a kiosk for the rest of the browser session.
    await page.getByRole('navigation', { name: '终端导航' }).waitFor();
    await page.context().close();
  });
});
