import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QA_LAW_FILES } from '../test/qa.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { importLawFixture } from '../test/laws-fixture.js';
import { json, setUpArea, type Area } from '../test/consult.js';

let t: TestApp;
let area: Area;
beforeAll(async () => {
  t = await createTestApp();
  await importLawFixture(t.ctx, QA_LAW_FILES);
  area = await setUpArea(t);
});
afterAll(() => t.close());

describe('hand-off from 智能问答', () => {
  it('attaches the resident’s own conversation transcript, and refuses someone else’s', async () => {
    const qa = await json<{ conversationId: string; answer: { handoff: { url: string } } }>(
      t,
      area.resident,
      'POST',
      '/qa/ask',
      { question: '公司拖欠我三个月工资不发，我该怎么办？' },
    );
    expect(qa.status).toBe(200);
    expect(qa.body.answer.handoff.url).toBe(`/consult/new?conversation=${qa.body.conversationId}`);
    const asked = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '智能问答说可以仲裁，想请律师具体指导。',
      conversationId: qa.body.conversationId,
    });
    expect(asked.status).toBe(200);
    const q = await json<{ question: { transcript: { text: string; turns: unknown[] } } }>(
      t,
      area.lawyerA,
      'GET',
      `/consult/questions/${asked.body.id}`,
    );
    expect(q.body.question.transcript.turns).toHaveLength(1);
    expect(q.body.question.transcript.text).toContain('问：公司拖欠我三个月工资不发，我该怎么办？');

    const other = await t.signIn('citizen');
    await json(t, other, 'PUT', '/consult/profile', { communityId: area.communityA });
    const stolen = await json<{ error: { code: string } }>(t, other, 'POST', '/consult/questions', {
      body: '我也想问同样的问题。',
      conversationId: qa.body.conversationId,
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.code).toBe('conversation_not_found');
  });
});
