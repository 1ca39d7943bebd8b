/**
 * @module Browser-test harness: the real app in-process over a fresh test database (SQLite, or PostgreSQL
 * when TEST_DATABASE_URL is set), the built front end (dist/web, built once if missing), Debian's chromium
 * driven by playwright-core, and an axe-core check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../src/app.js';
import type { AppContext } from '../src/core/context.js';
import { createTestContext } from '../src/test/db.js';

export const PHONE = { width: 390, height: 844 };
export const KIOSK = { width: 1080, height: 1920 };

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Builds dist/web when it is missing or older than its sources (the script skips an up-to-date build). */
export function ensureWebBuilt(): void {
  const r = spawnSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync('dist/web/index.html'))
    throw new Error('前端构建失败：dist/web/index.html 不存在');
}

export interface RunningApp {
  url: string;
  ctx: AppContext;
  close(): Promise<void>;
}

/** Starts the app on a free local port; `prepare` fills the database first (e.g. imports statutes). */
export async function startApp(
  overrides: Record<string, string> = {},
  prepare?: (ctx: AppContext) => Promise<unknown>,
): Promise<RunningApp> {
  ensureWebBuilt();
  const { ctx, close } = await createTestContext(overrides);
  if (prepare) await prepare(ctx);
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    close: async () => {
      await app.close();
      await close();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh browser context (own cookies and storage) with one page at phone size unless told. */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number } = PHONE,
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
  return context.newPage();
}

const axeSource = readFileSync(
  path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2.x A/AA rules) on the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays on for the app.
  await page.evaluate(axeSource);
  const all = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    const r = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }[];
  });
  return all
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Signs in through the login page (test accounts share one password) and waits for the redirect. */
export async function signInPage(
  page: Page,
  baseUrl: string,
  username: string,
  redirect: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login?redirect=${redirect}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('correct-horse-9');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${baseUrl}${redirect}`);
}
