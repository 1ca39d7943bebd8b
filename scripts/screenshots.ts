/**
 * @module `npx tsx scripts/screenshots.ts`: PNGs of the main citizen pages at phone size (390×844) and
 * kiosk size (1080×1920 layout, saved at half density) into docs/screenshots/, taken from the real app over a fresh in-memory database
 * with a few real statutes imported. The README links them (snippet in docs/web.md).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { KIOSK, launchChromium, openPage, PHONE, startApp } from '../e2e/harness.js';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed.js';
import { CIVIL_CODE_FILES, importLawFixture } from '../src/test/laws-fixture.js';

const OUT = 'docs/screenshots';
const LAWS = [
  '社会法/劳动合同法(2012-12-28).md',
  '诉讼与非诉讼程序法/劳动争议调解仲裁法(2007-12-29).md',
  '行政法/法律援助法(2021-08-20).md',
  '行政法规/信访条例(2005-01-10).md',
  '行政法规/信访工作条例(2022-02-25).md',
  '司法解释/最高人民法院关于适用《婚姻法》若干问题的解释（一）(2001-12-24).md',
  '司法解释/最高人民法院关于适用《民法典》婚姻家庭编的解释（一）(2020-12-29).md',
  ...CIVIL_CODE_FILES,
];
const QUESTION = '公司拖欠我三个月工资不发，我该怎么办？';

interface Shot {
  file: string;
  size: { width: number; height: number };
  path: string;
  /** Runs on the page before the picture (set a mode, ask a question). */
  prepare?: (page: Page) => Promise<void>;
  /** Signs in as this demo account first (demo server only). */
  as?: string;
  /** Taken on the server started in demo mode. */
  demo?: boolean;
}

const care = async (page: Page) => {
  await page.locator('[data-test="care-toggle"]').click();
};

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
  { file: 'phone-laws.png', size: PHONE, path: '/laws' },
  {
    file: 'phone-law-repealed.png',
    size: PHONE,
    path: '/laws/最高人民法院关于适用婚姻法若干问题的解释（一）',
  },
  {
    file: 'phone-article-zh-tw.png',
    size: PHONE,
    path: '/laws/民法典/第一千零七十九條',
    prepare: async (page) => {
      await page.locator('[data-test="locale-toggle"]').click();
      await page.getByRole('heading', { level: 2, name: '第一千零七十九條' }).waitFor();
    },
  },
  {
    file: 'phone-qa-care.png',
    size: PHONE,
    path: '/qa',
    prepare: async (page) => {
      await care(page);
      await ask(page);
    },
  },
  {
    file: 'phone-qa-long-paste.png',
    size: PHONE,
    path: '/qa',
    prepare: async (page) => {
      await page.locator('#qa-input').fill('公司拖欠工资'.repeat(834).slice(0, 5000));
      await page.locator('[data-test="qa-length"]').scrollIntoViewIfNeeded();
    },
  },
  { file: 'phone-demo-home.png', size: PHONE, path: '/', demo: true },
  { file: 'phone-aid-apply.png', size: PHONE, path: '/aid/apply', demo: true, as: 'demo_citizen' },
  { file: 'phone-notary.png', size: PHONE, path: '/notary', demo: true, as: 'demo_citizen' },
  { file: 'kiosk-home.png', size: KIOSK, path: '/?kiosk=1' },
  { file: 'kiosk-home-care.png', size: KIOSK, path: '/?kiosk=1', prepare: care },
  { file: 'kiosk-qa.png', size: KIOSK, path: '/qa?kiosk=1', prepare: ask },
];

async function take(browser: Browser, base: string, s: Shot): Promise<void> {
  // Kiosk pictures are rendered at half density (540×960 files) to keep the repository small.
  const page =
    s.size === KIOSK
      ? await (await browser.newContext({ viewport: KIOSK, deviceScaleFactor: 0.5 })).newPage()
      : await openPage(browser, s.size);
  if (s.as) {
    const r = await page.context().request.post(`${base}/api/v1/auth/login`, {
      data: { username: s.as, password: DEMO_PASSWORD },
    });
    if (r.status() !== 200) throw new Error(`登录失败：${s.as}`);
  }
  await page.goto(base + s.path);
  await page.locator('h1').first().waitFor();
  if (s.prepare) await s.prepare(page);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${OUT}/${s.file}`, animations: 'disabled' });
  await page.context().close();
  console.log(`${OUT}/${s.file}`);
}

const server = await startApp({}, (ctx) => importLawFixture(ctx, LAWS));
const demo = await startApp({ DEMO_MODE: 'true' }, async (ctx) => {
  await importLawFixture(ctx, LAWS);
  await seedDemo(ctx, { info: () => {} });
});
const browser = await launchChromium();
try {
  mkdirSync(OUT, { recursive: true });
  for (const s of SHOTS) await take(browser, s.demo ? demo.url : server.url, s);
} finally {
  await browser.close();
  await server.close();
  await demo.close();
}
