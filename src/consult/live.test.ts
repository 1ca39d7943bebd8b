import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../test/app.js';
import { createTestApp } from '../test/app.js';
import { sweep } from './escalation.js';
import { connectSse, json, setUpArea, type Area } from '../test/consult.js';

let t: TestApp;
let area: Area;
let port: number;
beforeAll(async () => {
  t = await createTestApp();
  area = await setUpArea(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

const connect = (path: string, s: Session) => connectSse(port, path, s);

describe('live inbox', () => {
  it('shows a new question to its community lawyer at once, with counts', async () => {
    const a = await connect('/consult/inbox/stream', area.lawyerA);
    const b = await connect('/consult/inbox/stream', area.lawyerB);
    expect(await a.next('counts')).toEqual({ mine: 0 });
    await b.next('counts');
    const gotQuestion = a.next('question');
    const gotCounts = a.next('counts');
    const r = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '物业费一直涨，合理吗？',
    });
    expect(await gotQuestion).toMatchObject({
      type: 'asked',
      questionId: r.body.id,
      stage: 'community',
    });
    expect(await gotCounts).toEqual({ mine: 1 });

    // lawyer B hears nothing of community A: her next event is about her own community's question
    const neighbour = await t.signIn('citizen');
    await json(t, neighbour, 'PUT', '/consult/profile', { communityId: area.communityB });
    const bQuestion = b.next('question');
    const r2 = await json<{ id: number }>(t, neighbour, 'POST', '/consult/questions', {
      body: '楼上漏水谁负责？',
    });
    expect((await bQuestion).questionId).toBe(r2.body.id);
    expect(b.seen.filter((e) => e.event === 'question').map((e) => e.data.questionId)).toEqual([
      r2.body.id,
    ]);
    a.close();
    b.close();
  });

  it('pushes an escalated question to the pool volunteers', async () => {
    const v = await connect('/consult/inbox/stream', area.volunteer);
    await v.next('counts');
    const r = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '被狗咬伤，狗主人不赔偿怎么办？',
    });
    t.clock.set(new Date(Date.now() + 11 * 60_000));
    const swept = await sweep(t.ctx);
    expect(swept.toPool).toContain(r.body.id);
    // earlier tests' questions escalate in the same pass; wait for this one's event
    let ev = await v.next('question');
    while (ev.questionId !== r.body.id) ev = await v.next('question');
    expect(ev).toMatchObject({ type: 'escalated', stage: 'pool', claimedBy: null });
    v.close();
  });

  it('delivers the lawyer’s reply to the resident’s open question page', async () => {
    const r = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '离婚后孩子抚养费怎么计算？',
    });
    const page = await connect(`/consult/questions/${r.body.id}/stream`, area.resident);
    const msg = page.next('message');
    await json(t, area.lawyerA, 'POST', `/consult/questions/${r.body.id}/messages`, {
      body: '一般按月收入的20%至30%。',
    });
    expect(await msg).toMatchObject({
      authorKind: 'lawyer',
      authorName: '李律师',
      body: '一般按月收入的20%至30%。',
    });
    page.close();
    const stranger = await t.signIn('citizen');
    await expect(connect(`/consult/questions/${r.body.id}/stream`, stranger)).rejects.toThrow(
      'status 404',
    );
  });
});
