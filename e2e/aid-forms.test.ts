/**
 * Browser test of a window case: an officer of a non-competent office records an oral application (口头申请),
 * sees the whole file and prints the 笔录, transfers it; the competent office's officer sends a 补正 notice,
 * records the supplement, grants and assigns — printing each form along the way. Each PDF's text is read
 * with pdftotext (case number, applicant, verification code) and the public check answers for its code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, signInPage, startApp, type RunningApp } from './harness';
import { createUser } from '../src/auth/service';

let server: RunningApp;
let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), 'aid-forms-e2e-'));

beforeAll(async () => {
  server = await startApp({}, async (ctx) => {
    const agency = async (code: string) =>
      (
        await ctx.db
          .selectFrom('agencies')
          .select('id')
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).id;
    const jiangan = await agency('jiangan');
    const jianghan = await agency('jianghan');
    for (const [username, displayName, agencyId] of [
      ['ja_officer', '江岸窗口', jiangan],
      ['jh_officer', '江汉经办', jianghan],
    ] as const)
      await createUser(ctx, {
        username,
        password: 'correct-horse-9',
        role: 'aid_officer',
        displayName,
        agencyId,
      });
    const lawyer = await createUser(ctx, {
      username: 'jh_lawyer',
      password: 'correct-horse-9',
      role: 'aid_lawyer',
      displayName: '周律师',
    });
    const at = new Date().toISOString();
    await ctx.db
      .insertInto('aid_roster')
      .values({
        user_id: lawyer,
        agency_id: jianghan,
        specialties: JSON.stringify(['labour']),
        years_experience: 6,
        famous: 0,
        active: 1,
        conflict_parties: '[]',
        created_at: at,
        updated_at: at,
      })
      .execute();
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const login = (page: Page, username: string, redirect: string) =>
  signInPage(page, server.url, username, redirect);

/** Follows the page's print link for a form and returns the PDF's text (whitespace removed) and its code. */
async function printForm(page: Page, form: string): Promise<{ text: string; code: string }> {
  const link = page.locator(`a[data-form="${form}"]`);
  await link.waitFor();
  const href = await link.getAttribute('href');
  const r = await page.context().request.get(`${server.url}${href}`);
  expect(r.headers()['content-type']).toBe('application/pdf');
  const file = path.join(dir, `${form}.pdf`);
  writeFileSync(file, await r.body());
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const code = /核验码：([0-9A-Z]{5}-[0-9A-Z]{5})（/.exec(text)?.[1] ?? '';
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  return { text, code };
}

async function verified(page: Page, code: string): Promise<unknown> {
  const r = await page.context().request.get(`${server.url}/api/v1/aid/forms/verify/${code}`);
  return r.json();
}

const fire = async (page: Page, label: string, fill: Record<string, string> = {}) => {
  const form = page
    .locator('form.action')
    .filter({ has: page.getByRole('button', { name: label }) });
  for (const [field, value] of Object.entries(fill)) await form.getByLabel(field).fill(value);
  await form.getByRole('button', { name: label }).click();
};

describe('a window case with its forms', () => {
  it('oral application, 补正, transfer, decision and assignment, each form printed and verifiable', async () => {
    const ja = await openPage(browser);
    await login(ja, 'ja_officer', '/aid/apply');
    await ja.getByLabel('口头申请（工作人员记录）').check();
    await ja.getByLabel('姓名', { exact: true }).fill('赵秋菊');
    await ja.getByLabel('身份证号', { exact: true }).fill('11010519491231002X');
    await ja.getByLabel('手机号码').fill('13700002222');
    await ja.getByLabel('对方当事人').fill('武汉某物流有限公司');
    await ja.getByLabel('案情简述').fill('在物流公司做搬运工八个月，公司拖欠工资一万二千元。');
    await ja.getByLabel('办案机关所在地或事由发生地').selectOption('江汉区');
    await ja.getByLabel('我已阅读并承诺').check();
    await ja.getByLabel('签名（输入姓名）').fill('赵秋菊');
    await ja.getByRole('button', { name: '提交申请' }).click();
    await ja.waitForURL(/\/aid\/case\/\d+$/);
    const caseUrl = new URL(ja.url()).pathname;
    await ja.getByText('当前状态：已接收').waitFor();
    // The whole file, not the masked list view.
    expect(await ja.locator('[data-test="applicant-name"]').innerText()).toBe('赵秋菊');
    expect(await ja.getByText('11010519491231002X').count()).toBe(1);
    expect(await ja.getByText('武汉某物流有限公司').count()).toBe(1);
    const refNo = (await ja.locator('h2 + p').innerText()).split(' · ')[0]!;
    expect(refNo).toMatch(/号$/);

    const oral = await printForm(ja, 'oral_record');
    expect(oral.text).toContain('口头申请法律援助笔录');
    expect(oral.text).toContain(refNo);
    expect(oral.text).toContain('赵秋菊');
    expect(await verified(ja, oral.code)).toMatchObject({ form: 'oral_record', refNo });
    expect((await printForm(ja, 'commitment')).text).toContain('第六十四条');

    await fire(ja, '转交有管辖权的机构（市区通办）');
    // Once transferred the receiving office still sees the file, with nothing left for it to do.
    await ja.getByText('当前状态：已转交受理机构').waitFor();
    expect(await ja.getByRole('button', { name: '受理' }).count()).toBe(0);

    const jh = await openPage(browser);
    await login(jh, 'jh_officer', caseUrl);
    await jh.getByText('当前状态：已转交受理机构').waitFor();
    const tr = await printForm(jh, 'transfer');
    expect(tr.text).toContain('转交至：江汉区法律援助中心');
    expect(tr.text).toContain(refNo);

    await fire(jh, '一次性告知补正', {
      '需补充的全部材料（每行一项）': '劳动关系证明\n工资欠条',
    });
    await jh.getByText('当前状态：待补正').waitFor();
    const sup = await printForm(jh, 'supplement');
    expect(sup.text).toContain('劳动关系证明、工资欠条');
    expect(await verified(jh, sup.code)).toMatchObject({ form: 'supplement', refNo });

    await fire(jh, '补正材料');
    await jh.getByText('当前状态：审查中').waitFor();
    await fire(jh, '决定给予法律援助', { 理由: '追索劳动报酬，符合第四十二条第三项。' });
    await jh.getByText('当前状态：决定给予援助').waitFor();
    const dec = await printForm(jh, 'decision');
    expect(dec.text).toContain('给予法律援助决定书');
    expect(dec.text).toContain('赵秋菊');
    expect(dec.text).toMatch(/减免费用核验码：[0-9A-Z]{5}-[0-9A-Z]{5}/);

    await fire(jh, '指派法律援助人员');
    await jh.getByText('当前状态：已指派').waitFor();
    expect(await jh.locator('[data-test="lawyer"]').innerText()).toBe('周律师');
    const as = await printForm(jh, 'assignment');
    expect(as.text).toContain('指派律师：周律师');
    expect(as.text).toContain('13700002222');
    expect(await verified(jh, as.code)).toEqual({
      form: 'assignment',
      title: '指派通知书（公函）',
      refNo,
      issuedAt: expect.any(String),
    });

    // The assigned lawyer sees what Art. 46 needs to act: facts, the applicant's contact, the decision.
    const lawyer = await openPage(browser);
    await login(lawyer, 'jh_lawyer', caseUrl);
    await lawyer.getByText('当前状态：已指派').waitFor();
    expect(await lawyer.getByText('13700002222').count()).toBe(1);
    expect(await lawyer.getByText('公司拖欠工资一万二千元', { exact: false }).count()).toBe(1);
    expect(await lawyer.getByRole('heading', { name: '决定给予法律援助' }).count()).toBe(1);
    expect(await lawyer.locator('[data-test="lawyer"]').innerText()).toBe('周律师');
    expect(await lawyer.locator('a[data-form]').count()).toBe(0);
  });
});
