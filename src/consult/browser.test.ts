/**
 * Browser test of the 法指针 flow: a resident asks, her community lawyer's open inbox shows it live,
 * the lawyer answers, and the resident's open question page shows the answer without reloading.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, startApp, type RunningApp } from '../../e2e/harness.js';
import { createUser } from '../auth/service.js';

let server: RunningApp;
let browser: Browser;

/** dist/web may predate the consult pages in a working tree: rebuild it then. */
function ensureConsultPagesBuilt(): void {
  const dir = 'dist/web/assets';
  if (existsSync(dir) && readdirSync(dir).some((f) => f.startsWith('InboxPage'))) return;
  const r = spawnSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('前端构建失败');
}

beforeAll(async () => {
  ensureConsultPagesBuilt();
  server = await startApp({}, async (ctx) => {
    const now = new Date().toISOString();
    const mk = (username: string, role: 'citizen' | 'community_lawyer', displayName: string) =>
      createUser(ctx, { username, password: 'correct-horse-9', role, displayName });
    const lawyer = await mk('lawyer_li', 'community_lawyer', '李律师');
    const resident = await mk('resident_zhang', 'citizen', '张三');
    const s = await ctx.db
      .insertInto('consult_streets')
      .values({ district: '洪山区', name: '珞南街道', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await ctx.db
      .insertInto('consult_communities')
      .values({
        street_id: s.id,
        name: '珞珈山社区',
        kind: 'community',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('consult_assignments')
      .values({ community_id: c.id, user_id: lawyer, created_at: now })
      .execute();
    await ctx.db
      .insertInto('consult_profiles')
      .values({ user_id: resident, community_id: c.id, updated_at: now })
      .execute();
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, username: string, to: string): Promise<void> {
  await page.goto(`${server.url}/login?redirect=${encodeURIComponent(to)}`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill('correct-horse-9');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => u.pathname === to);
}

describe('法指针 in the browser', () => {
  it('a question reaches the lawyer live and her answer reaches the resident live', async () => {
    const lawyer = await openPage(browser);
    await signIn(lawyer, 'lawyer_li', '/consult/inbox');
    await lawyer.getByText('暂无待处理的咨询。').waitFor();

    const resident = await openPage(browser);
    await signIn(resident, 'resident_zhang', '/consult/new');
    await resident.locator('[data-test="body"]').fill('公司拖欠我三个月工资，我该怎么办？');
    await resident.locator('[data-test="submit"]').click();
    await resident.waitForURL(/\/consult\/\d+$/);
    await resident.getByText('暂无回复，律师会尽快答复您。').waitFor();

    // no reload on the lawyer's side: the inbox stream brings the question and the count
    await lawyer.getByText('公司拖欠我三个月工资，我该怎么办？').waitFor();
    await lawyer.getByRole('tab', { name: '本社区（1）' }).waitFor();
    await lawyer.getByText('公司拖欠我三个月工资，我该怎么办？').click();
    await lawyer.waitForURL(/\/consult\/\d+$/);
    await lawyer.locator('[data-test="reply"]').fill('可以向劳动监察大队投诉，或申请劳动仲裁。');
    await lawyer.getByRole('button', { name: '发送' }).click();

    // no reload on the resident's side either
    await resident.getByText('可以向劳动监察大队投诉，或申请劳动仲裁。').waitFor();
    expect(await resident.getByRole('status').innerText()).toContain('律师已回复');
  });

  it('the hand-off from 智能问答 starts the question with what was asked there', async () => {
    const resident = await openPage(browser);
    await signIn(resident, 'resident_zhang', '/consult');
    const req = resident.context().request;
    const me = (await (await req.get(`${server.url}/api/v1/auth/me`)).json()) as {
      user: { csrfToken: string };
    };
    const ask = await req.post(`${server.url}/api/v1/qa/ask`, {
      data: { question: '房东不退押金怎么办？' },
      headers: { 'x-csrf-token': me.user.csrfToken },
    });
    expect(ask.status()).toBe(200);
    const { conversationId } = (await ask.json()) as { conversationId: string };
    await resident.goto(`${server.url}/consult/new?conversation=${conversationId}`);
    await expect
      .poll(() => resident.locator('[data-test="body"]').inputValue())
      .toBe('房东不退押金怎么办？');
  });

  it('a legal-aid referral the resident confirmed prefills her aid application form', async () => {
    const csrf = async (page: Page) =>
      (
        (await (await page.context().request.get(`${server.url}/api/v1/auth/me`)).json()) as {
          user: { csrfToken: string };
        }
      ).user.csrfToken;
    const post = async (page: Page, url: string, data: Record<string, unknown> = {}) => {
      const r = await page.context().request.post(`${server.url}/api/v1${url}`, {
        data,
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(r.status(), await r.text()).toBe(200);
      return (await r.json()) as Record<string, unknown>;
    };
    const resident = await openPage(browser);
    await signIn(resident, 'resident_zhang', '/consult');
    const body = '工地老板拖欠我工资两万元，想申请法律援助。';
    const q = await post(resident, '/consult/questions', { body });
    const lawyer = await openPage(browser);
    await signIn(lawyer, 'lawyer_li', '/consult/inbox');
    const c = await post(lawyer, `/consult/questions/${Number(q.id)}/classify`, {
      category: 'legal_aid',
      caseType: 'labour_pay',
    });
    const referral = Number(c.referralId);
    await post(resident, `/consult/referrals/${referral}/confirm`);
    await resident.goto(`${server.url}/aid/apply?referral=${referral}`);
    await resident.locator('[data-test="referral-prefilled"]').waitFor();
    expect(await resident.getByLabel('姓名', { exact: true }).inputValue()).toBe('张三');
    expect(await resident.getByLabel('案情简述').inputValue()).toBe(body);
  });
});
