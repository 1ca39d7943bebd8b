/**
 * @module `npx tsx scripts/screenshots.ts`: PNGs of the main citizen pages at phone size (390×844) and
 * kiosk size (1080×1920 layout, saved at half density) into docs/screenshots/, taken from the real app over a fresh in-memory database
 * with a few real statutes imported. The README links them (snippet in docs/web.md).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { KIOSK, launchChromium, openPage, PHONE, startApp } from '../e2e/harness.js';
import { importLawFixture } from '../src/test/laws-fixture.js';

const OUT = 'docs/screenshots';
const LAWS = [
  '社会法/劳动合同法(2012-12-28).md',
  '诉讼与非诉讼程序法/劳动争议调解仲裁法(2007-12-29).md',
  '行政法/法律援助法(2021-08-20).md',
];
const QUESTION = '公司拖欠我三个月工资不发，我该怎么办？';

interface Shot {
  file: string;
  size: { width: number; height: number };
  path: string;
  /** Runs on the page before the picture (set a mode, ask a question). */
  prepare?: (page: Page) => Promise<void>;
}

async function ask(page: Page): Promise<void> {
  await page.locator('#qa-input').fill(QUESTION);
  await page.locator('#qa-input').press('Enter');
  await page.locator('[data-test="answer"]').waitFor({ timeout: 30_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

const SHOTS: Shot[] = [
  { file: 'phone-home.png', size: PHONE, path: '/' },
  { file: 'phone-qa.png', size: PHONE, path: '/qa', prepare: ask },
  {
    file: 'phone-qa-zh-tw.png',
    size: PHONE,
    path: '/qa',
    prepare: async (page) => {
      await page.locator('[data-test="locale-toggle"]').click();
      await page.getByRole('heading', { level: 1, name: '智能問答' }).waitFor();
      await ask(page);
    },
  },
  {
    file: 'phone-home-care.png',
    size: PHONE,
    path: '/',
    prepare: async (page) => {
      await page.locator('[data-test="care-toggle"]').click();
    },
  },
  { file: 'phone-article.png', size: PHONE, path: '/laws/劳动合同法/第三十条' },
  { file: 'phone-me.png', size: PHONE, path: '/me' },
  { file: 'phone-login.png', size: PHONE, path: '/login' },
  { file: 'kiosk-home.png', size: KIOSK, path: '/?kiosk=1' },
  { file: 'kiosk-qa.png', size: KIOSK, path: '/qa?kiosk=1', prepare: ask },
];

async function take(browser: Browser, base: string, s: Shot): Promise<void> {
  // Kiosk pictures are rendered at half density (540×960 files) to keep the repository small.
  const page =
    s.size === KIOSK
      ? await (await browser.newContext({ viewport: KIOSK, deviceScaleFactor: 0.5 })).newPage()
      : await openPage(browser, s.size);
  await page.goto(base + s.path);
  await page.locator('h1').first().waitFor();
  if (s.prepare) await s.prepare(page);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${OUT}/${s.file}`, animations: 'disabled' });
  await page.context().close();
  console.log(`${OUT}/${s.file}`);
}

const server = await startApp({}, (ctx) => importLawFixture(ctx, LAWS));
const browser = await launchChromium();
try {
  mkdirSync(OUT, { recursive: true });
  for (const s of SHOTS) await take(browser, server.url, s);
} finally {
  await browser.close();
  await server.close();
}
