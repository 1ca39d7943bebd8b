/** A question's live stream re-checks access per event, audits what it delivers, and is capped per user. */
import http from 'node:http';
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
  t = await createTestApp({ STREAMS_PER_USER: '2' });
  area = await setUpArea(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

const connect = (path: string, s: Session) => connectSse(port, path, s);

/** Resolves when the server ends the response of a stream. */
function endOf(path: string, s: Session): Promise<{ status: number; ended: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: `/api/v1${path}`, headers: { cookie: s.headers.cookie } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        const ended = new Promise<string>((done) => {
          res.on('data', (c: string) => (body += c));
          res.on('end', () => done(body));
        });
        resolve({ status: res.statusCode ?? 0, ended });
      },
    );
    req.on('error', reject);
  });
}

async function poolQuestion(body: string): Promise<number> {
  const r = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', { body });
  t.clock.set(new Date(Date.now() + 11 * 60_000));
  expect((await sweep(t.ctx)).toPool).toContain(r.body.id);
  return r.body.id;
}

describe('question stream access', () => {
  it('closes a pool lawyer’s stream once another lawyer claims the question', async () => {
    const id = await poolQuestion('单位拖欠工资三个月，怎么办？');
    const watcher = await endOf(`/consult/questions/${id}/stream`, area.volunteer);
    expect(watcher.status).toBe(200);
    const resident = await connect(`/consult/questions/${id}/stream`, area.resident);
    await resident.next('ready');
    const claim = await json(t, area.volunteer2, 'POST', `/consult/questions/${id}/claim`);
    expect(claim.status).toBe(200);
    await json(t, area.volunteer2, 'POST', `/consult/questions/${id}/messages`, {
      body: '请保留工资条和考勤记录，可以申请劳动仲裁。',
    });
    expect(await resident.next('message')).toMatchObject({ authorName: '钱志愿' });
    const seen = await watcher.ended;
    expect(seen).toContain('event: closed');
    expect(seen).not.toContain('考勤记录');
    resident.close();

    const audited = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action'])
      .where('entity', '=', 'consult_question')
      .where('entity_id', '=', String(id))
      .where('action', 'in', ['stream_message', 'stream_status'])
      .execute();
    expect(audited.filter((a) => a.action === 'stream_message')).toEqual([
      { actor_id: area.resident.userId, action: 'stream_message' },
    ]);
    expect(audited.some((a) => a.actor_id === area.volunteer.userId)).toBe(false);
  });

  it('closes the stream at the next event after the viewer signs out', async () => {
    const s = await t.signIn('citizen');
    await json(t, s, 'PUT', '/consult/profile', { communityId: area.communityA });
    const q = await json<{ id: number }>(t, s, 'POST', '/consult/questions', {
      body: '租房押金不退怎么办？',
    });
    const watcher = await endOf(`/consult/questions/${q.body.id}/stream`, s);
    await json(t, s, 'POST', '/auth/logout');
    await json(t, area.lawyerA, 'POST', `/consult/questions/${q.body.id}/messages`, {
      body: '可以先协商，协商不成可起诉。',
    });
    const seen = await watcher.ended;
    expect(seen).toContain('event: closed');
    expect(seen).not.toContain('协商不成');
  });
});

describe('stream cap per user', () => {
  it('refuses a third open stream with 429, and accepts one again after a close', async () => {
    const a = await connect('/consult/inbox/stream', area.lawyerB);
    const b = await connect('/consult/inbox/stream', area.lawyerB);
    await expect(connect('/consult/inbox/stream', area.lawyerB)).rejects.toThrow('status 429');
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/consult/inbox/stream',
      headers: area.lawyerB.headers,
    });
    expect(refused.json().error.code).toBe('too_many_streams');
    a.close();
    await new Promise((r) => setTimeout(r, 100));
    const c = await connect('/consult/inbox/stream', area.lawyerB);
    await c.next('counts');
    b.close();
    c.close();
  });
});
