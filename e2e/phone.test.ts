/**
 * Browser test at phone size (390 × 844): every form's submit button can be tapped (the element at its
 * centre is the button) and nothing is wider than the screen; 提交申请 has enough contrast; a refused file is
 * named beside the file input; an identical application warns; a long paste into 智能问答 is announced;
 * 关怀版 keeps the Q&A title readable with 新对话 at the bar's size; the kiosk's 关怀版 enlarges text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../src/auth/service.js';
import { CIVIL_CODE_FILES, importLawFixture } from '../src/test/laws-fixture.js';
import { launchChromium, openPage, PHONE, startApp, type RunningApp } from './harness.js';

let server: RunningApp;
let browser: Browser;

beforeAll(async () => {
  server = await startApp({}, async (ctx) => {
    await importLawFixture(ctx, [
      ...CIVIL_CODE_FILES,
      '社会法/劳动合同法(2012-12-28).md',
      '行政法规/信访条例(2005-01-10).md',
      '行政法规/信访工作条例(2022-02-25).md',
      '司法解释/最高人民法院关于适用《婚姻法》若干问题的解释（一）(2001-12-24).md',
      '司法解释/最高人民法院关于适用《民法典》婚姻家庭编的解释（一）(2020-12-29).md',
    ]);
    await createUser(ctx, {
      username: 'phone_citizen',
      password: 'correct-horse-9',
      role: 'citizen',
      displayName: '王小梅',
    });
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(): Promise<Page> {
  const page = await openPage(browser, PHONE);
  const r = await page.context().request.post(`${server.url}/api/v1/auth/login`, {
    data: { username: 'phone_citizen', password: 'correct-horse-9' },
  });
  expect(r.status()).toBe(200);
  return page;
}

/** Elements sticking out of the screen, and submit buttons whose centre is covered by something else. */
async function layoutProblems(page: Page): Promise<{ wide: string[]; covered: string[] }> {
  return page.evaluate(async () => {
    const w = document.documentElement.clientWidth;
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}`;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.right > w + 1 || r.left < -1);
      })
      .map(name);
    if (document.documentElement.scrollWidth > w)
      wide.unshift(`page ${document.documentElement.scrollWidth}px`);
    const covered: string[] = [];
    for (const b of document.querySelectorAll<HTMLElement>(
      'form button[type="submit"], form input[type="submit"]',
    )) {
      b.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const r = b.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !(hit === b || b.contains(hit)))
        covered.push(`${name(b)} ← ${hit ? name(hit) : 'nothing'}`);
    }
    return { wide, covered };
  });
}

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((x) => {
    const c = Number(x) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('forms on a 390 px phone', () => {
  it.each([
    ['/login', 'form'],
    ['/register', 'form'],
    ['/qa', 'form.composer'],
    ['/aid/apply', 'form.form'],
    ['/consult/new', 'form'],
  ])('%s fits the screen and its submit button can be tapped', async (path, form) => {
    const page =
      path === '/login' || path === '/register' ? await openPage(browser, PHONE) : await signedIn();
    await page.goto(`${server.url}${path}`);
    await page.locator(form).first().waitFor();
    await page.waitForLoadState('networkidle');
    const p = await layoutProblems(page);
    expect(p.wide).toEqual([]);
    expect(p.covered).toEqual([]);
    await page.context().close();
  });

  it('提交申请 reads at 4.5:1 or more; a refused file is named beside the input; a repeat warns', async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/aid/apply`);
    const submit = page.locator('[data-test="submit"]');
    await submit.waitFor();
    const [fg, bg] = await submit.evaluate((b) => {
      const s = getComputedStyle(b);
      return [s.color, s.backgroundColor];
    });
    const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
    expect((l1 + 0.05) / (l2 + 0.05)).toBeGreaterThanOrEqual(4.5);

    await page.locator('[data-test="files"]').setInputFiles({
      name: '材料.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('不是 PDF'),
    });
    const err = page.locator('[data-test="upload-error"]');
    await err.waitFor();
    expect(await err.innerText()).toContain('材料.txt');
    const input = await page.locator('[data-test="files"]').boundingBox();
    const box = await err.boundingBox();
    expect(box!.y - (input!.y + input!.height)).toBeLessThan(40);

    const fill = async () => {
      await page.getByLabel('姓名', { exact: true }).fill('王小梅');
      await page.getByLabel('身份证号', { exact: true }).fill('11010519491231002X');
      await page.getByLabel('手机号码').fill('13912345678');
      await page
        .getByLabel('案情简述')
        .fill('小区物业拖欠保洁工资六千元，催讨未果，申请法律援助。');
      await page.getByLabel('我已阅读并承诺').check();
      await page.getByLabel('签名（输入姓名）').fill('王小梅');
    };
    await fill();
    await submit.click();
    await page.waitForURL(/\/aid\/case\/\d+$/);
    await page.goto(`${server.url}/aid/apply`);
    await fill();
    await page.locator('[data-test="submit"]').click();
    const warn = page.locator('[data-test="duplicate"]');
    await warn.waitFor();
    expect(await warn.innerText()).toContain('请勿重复提交');
    await page.locator('[data-test="confirm-duplicate"]').click();
    await page.waitForURL(/\/aid\/case\/\d+$/);
    await page.context().close();
  });

  it('tells the citizen when a paste is longer than 智能问答 takes, and keeps all of it', async () => {
    const page = await openPage(browser, PHONE);
    await page.goto(`${server.url}/qa`);
    const long = '公司拖欠工资'.repeat(834).slice(0, 5000);
    await page.locator('#qa-input').fill(long);
    expect((await page.locator('#qa-input').inputValue()).length).toBe(5000);
    const note = page.locator('[data-test="qa-length"]');
    await expect.poll(() => note.innerText()).toContain('现在有 5000 字');
    expect(await note.getAttribute('role')).toBe('alert');
    expect(await page.getByRole('button', { name: '发送' }).isDisabled()).toBe(true);
    await page.context().close();
  });
});

describe('关怀版 and kiosk', () => {
  it('keeps the Q&A title on a line and 新对话 at the size of the bar’s buttons', async () => {
    const page = await openPage(browser, PHONE);
    await page.goto(`${server.url}/qa`);
    await page.locator('[data-test="care-toggle"]').click();
    await page.locator('#qa-input').fill('公司拖欠工资怎么办？');
    await page.getByRole('button', { name: '发送' }).click();
    const fresh = page.getByRole('button', { name: '新对话' });
    await fresh.waitFor();
    const h1 = await page.locator('.bar h1').evaluate((e) => {
      const s = getComputedStyle(e);
      return { height: e.getBoundingClientRect().height, line: parseFloat(s.lineHeight) };
    });
    expect(h1.height).toBeLessThan(h1.line * 1.5);
    const size = (sel: string) =>
      page
        .locator(sel)
        .first()
        .evaluate((e) => getComputedStyle(e).fontSize);
    expect(await size('.new-btn')).toBe(await size('[data-test="care-toggle"]'));
    await page.context().close();
  });

  it('enlarges text on the kiosk when 关怀版 is on', async () => {
    const page = await openPage(browser, { width: 1080, height: 1920 });
    await page.goto(`${server.url}/laws?kiosk=1`);
    const content = page.locator('main.content');
    await content.waitFor();
    const zoom = () => content.evaluate((e) => Number(getComputedStyle(e).zoom));
    const before = await zoom();
    await page.locator('[data-test="care-toggle"]').click();
    await expect.poll(zoom).toBeGreaterThan(before);
    await page.context().close();
  });
});

describe('laws pages a newcomer meets', () => {
  const enc = encodeURIComponent;
  it('an anonymous visit logs no console error; /laws features 民法典 and keeps 已废止 at the end', async () => {
    const page = await openPage(browser, PHONE);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(`${server.url}/`);
    await page.waitForLoadState('networkidle');
    await page.goto(`${server.url}/laws`);
    const titles = page.locator('.list .item .title');
    await titles.first().waitFor();
    expect(await titles.first().innerText()).toBe('中华人民共和国民法典');
    const all = await titles.allInnerTexts();
    // The two repealed texts come after every law in force.
    expect(all.slice(-2).sort()).toEqual(
      ['信访条例', '最高人民法院关于适用《中华人民共和国婚姻法》若干问题的解释（一）'].sort(),
    );
    expect(await page.locator('.list').innerText()).not.toContain('行政法规 · 行政法规');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a repealed interpretation shows 已废止 and links its successor', async () => {
    const page = await openPage(browser, PHONE);
    await page.goto(`${server.url}/laws/${enc('最高人民法院关于适用婚姻法若干问题的解释（一）')}`);
    expect(await page.locator('[data-test="status-badge"]').first().innerText()).toBe('已废止');
    await page.getByText('法释〔2020〕16号').first().waitFor();
    await page.getByRole('link', { name: /婚姻家庭编的解释（一）/ }).click();
    await page.waitForURL(
      `${server.url}/laws/${enc('最高人民法院关于适用民法典婚姻家庭编的解释（一）')}`,
    );
    // The URL changes before the successor's text arrives: wait for its title, then read its badge.
    await page.locator('h1', { hasText: '婚姻家庭编的解释（一）' }).waitFor();
    expect(await page.locator('[data-test="status-badge"]').first().innerText()).toBe('现行有效');
    await page.context().close();
  });

  it('opens a 繁体 permalink and shows the permalink decoded', async () => {
    const page = await openPage(browser, PHONE);
    await page.goto(`${server.url}/laws/${enc('民法典')}/${enc('第一千零七十九條')}`);
    await page.getByRole('heading', { level: 2, name: '第一千零七十九条' }).waitFor();
    expect(await page.locator('code').first().innerText()).toBe('/laws/民法典/第一千零七十九条');
    await page.locator('[data-test="locale-toggle"]').click();
    await page.getByRole('heading', { level: 2, name: '第一千零七十九條' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('不准離婚');
    await page.context().close();
  });
});
