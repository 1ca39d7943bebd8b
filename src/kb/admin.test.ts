/**
 * Bureau staff edit the knowledge base: a new issue goes draft → review → published (refused while the
 * corpus does not back it), every step audited; racing reviewers and racing drafts get one winner and
 * a 409; citizens cannot reach it; a published issue answers questions, and a corpus import that
 * removes one of its articles flags it and takes it out of answers.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCorpus } from '../laws/importer.js';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { importLawFixture, sharedLawsDir } from '../test/laws-fixture.js';
import type { IssueContent } from './schema.js';
import { kbWorkflow } from './workflow.js';

const LABOUR_FILE = '社会法/劳动合同法(2012-12-28).md';
let t: TestApp;
let admin: Session;
let reviewer: Session;

beforeAll(async () => {
  t = await createTestApp();
  await importLawFixture(t.ctx, [LABOUR_FILE, '行政法/法律援助法(2021-08-20).md']);
  admin = await t.signIn('admin');
  reviewer = await t.signIn('admin');
}, 60_000);
afterAll(() => t.close());

const content = (id: string, over: Partial<IssueContent> = {}): IssueContent => ({
  id,
  title: '单位不签合同的双倍工资',
  topic: '劳动争议',
  phrasings: [
    '干了半年老板一直不跟我签合同',
    '入职好几个月了公司还没给签劳动合同',
    '没签劳动合同可以要双倍工资吗',
    '公司拖着不签合同我能要什么补偿',
    '一直没有书面合同老板说口头约定就行',
  ],
  articles: [{ law: '劳动合同法', article: 82, paragraphs: [1], note: '不签合同付二倍工资' }],
  explanation:
    '用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。请保留工资流水和工作记录。',
  steps: [{ text: '保留工牌、考勤、工资流水等能证明在单位工作的材料。' }],
  lawyer: '单位否认存在劳动关系的，建议找律师帮助收集证据。',
  ...over,
});

const post = (url: string, session: Session, payload: unknown) =>
  t.request({ method: 'POST', url: `/api/v1${url}`, session, payload: payload as object });

async function newDraft(id: string, over: Partial<IssueContent> = {}): Promise<number> {
  const res = await post('/kb/issues', admin, { content: content(id, over) });
  expect(res.statusCode).toBe(200);
  return res.json<{ versionId: number }>().versionId;
}

describe('the review workflow table', () => {
  it('moves each row from each of its states to its target, and nothing else', () => {
    for (const row of kbWorkflow.spec.rows)
      for (const from of row.from) expect(kbWorkflow.can(from, row.event, 'admin')).toBe(true);
    expect(kbWorkflow.can('draft', 'publish', 'admin')).toBe(false);
    expect(kbWorkflow.can('published', 'submit', 'admin')).toBe(false);
    expect(kbWorkflow.available('in_review', 'admin')).toEqual(['publish', 'return']);
    expect(kbWorkflow.available('superseded', 'admin')).toEqual([]);
  });
});

describe('staff editing the knowledge base', () => {
  it('takes a new issue from draft through review to published, each step audited', async () => {
    const v = await newDraft('test-double-wage');
    const early = await post(`/kb/versions/${v}/events`, reviewer, { event: 'publish' });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { code: string } }>().error.code).toBe('invalid_transition');
    expect((await post(`/kb/versions/${v}/events`, admin, { event: 'submit' })).statusCode).toBe(
      200,
    );
    const edit = await t.request({
      method: 'PUT',
      url: `/api/v1/kb/versions/${v}`,
      session: admin,
      payload: { content: content('test-double-wage') },
    });
    expect(edit.json<{ error: { code: string } }>().error.code).toBe('kb_not_editable');
    const noNote = await post(`/kb/versions/${v}/events`, reviewer, { event: 'return' });
    expect(noNote.json<{ error: { code: string } }>().error.code).toBe('kb_note_required');
    expect(
      (await post(`/kb/versions/${v}/events`, reviewer, { event: 'publish' })).statusCode,
    ).toBe(200);
    const detail = await t.request({
      method: 'GET',
      url: '/api/v1/kb/issues/test-double-wage',
      session: admin,
    });
    const d = detail.json<{
      published: IssueContent;
      draft: unknown;
      versions: { status: string }[];
    }>();
    expect(d.published.title).toBe('单位不签合同的双倍工资');
    expect(d.draft).toBeNull();
    expect(d.versions.map((x) => x.status)).toEqual(['published']);
    const actions = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', 'in', ['kb_issue', 'kb_version'])
      .where('entity_id', 'in', ['test-double-wage', String(v)])
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['kb:create', 'kb:submit', 'kb:publish']);
  });

  it('refuses to publish what the corpus does not back, saying what is wrong', async () => {
    const v = await newDraft('test-bad-article', {
      articles: [{ law: '劳动合同法', article: 999 }],
      explanation:
        '单位超过期限不与劳动者签订书面劳动合同的，劳动者可以依法主张权利。请保留好工作和工资的证据。',
    });
    await post(`/kb/versions/${v}/events`, admin, { event: 'submit' });
    const res = await post(`/kb/versions/${v}/events`, reviewer, { event: 'publish' });
    expect(res.statusCode).toBe(422);
    const body = res.json<{ error: { code: string; details: { problems: { code: string }[] } } }>();
    expect(body.error.code).toBe('kb_unverified');
    expect(body.error.details.problems.map((p) => p.code)).toEqual(['article_missing']);
    const row = await t.ctx.db
      .selectFrom('kb_versions')
      .select('status')
      .where('id', '=', v)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('in_review');
  });

  it('lets exactly one of two racing reviewers publish, and one of two racing drafts open', async () => {
    const v = await newDraft('test-race');
    await post(`/kb/versions/${v}/events`, admin, { event: 'submit' });
    const [a, b] = await Promise.all([
      post(`/kb/versions/${v}/events`, admin, { event: 'publish' }),
      post(`/kb/versions/${v}/events`, reviewer, { event: 'return', note: '请补充' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const w = await newDraft('test-race-drafts');
    await post(`/kb/versions/${w}/events`, admin, { event: 'submit' });
    await post(`/kb/versions/${w}/events`, reviewer, { event: 'publish' });
    const drafts = await Promise.all([
      post('/kb/issues/test-race-drafts/drafts', admin, {}),
      post('/kb/issues/test-race-drafts/drafts', reviewer, {}),
    ]);
    expect(drafts.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const open = await t.ctx.db
      .selectFrom('kb_versions')
      .select('id')
      .where('issue_id', '=', 'test-race-drafts')
      .where('status', '=', 'draft')
      .execute();
    expect(open).toHaveLength(1);
  });

  it('is for bureau staff only', async () => {
    const citizen = await t.signIn('citizen');
    const list = await t.request({ method: 'GET', url: '/api/v1/kb/issues', session: citizen });
    expect(list.statusCode).toBe(403);
    const anon = await t.request({ method: 'GET', url: '/api/v1/kb/issues' });
    expect(anon.statusCode).toBe(401);
    const create = await post('/kb/issues', citizen, { content: content('test-citizen') });
    expect(create.statusCode).toBe(403);
  });
});

describe('published issues in answers', () => {
  const ask = async (question: string) =>
    (await t.request({ method: 'POST', url: '/api/v1/qa/ask', payload: { question } })).json<{
      answer: { issue?: { id: string }; citations: { article: number }[] };
    }>().answer;

  it('answers from a published issue, and leaves it out once a corpus import removes its article', async () => {
    const a = await ask('入职三个月了老板一直不和我签劳动合同，能要双倍工资吗');
    expect(a.issue?.id).toBe('test-double-wage');
    expect(a.citations.map((c) => c.article)).toContain(82);

    // The same law file with 第八十二条 cut out, imported over the original.
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-corpus-'));
    cpSync(path.join(sharedLawsDir(), '社会法'), path.join(dir, '社会法'), { recursive: true });
    const file = path.join(dir, LABOUR_FILE);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/第八十二条[^\n]*\n(\n[^第\n][^\n]*\n)*/, ''));
    await importCorpus(t.ctx, { dir, only: [LABOUR_FILE] });
    t.clock.advance(5000); // past the interval at which answers look for a changed corpus

    const after = await ask('入职三个月了老板一直不和我签劳动合同，能要双倍工资吗');
    expect(after.issue?.id).not.toBe('test-double-wage');
    const row = await t.ctx.db
      .selectFrom('kb_issues')
      .select(['needs_review', 'problems'])
      .where('id', '=', 'test-double-wage')
      .executeTakeFirstOrThrow();
    expect(row.needs_review).toBe(1);
    expect(row.problems).toContain('article_missing');
  });
});
