import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../core/context.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { testDialect } from '../test/db.js';
import { sweep, sweepOnce } from './escalation.js';
import { json, setUpArea, type Area } from '../test/consult.js';

let t: TestApp;
let area: Area;
beforeAll(async () => {
  t = await createTestApp();
  area = await setUpArea(t);
  t.clock.set('2026-11-02T02:00:00Z');
});
afterAll(() => t.close());

const MIN = 60_000;
async function ask(body = '房东不退押金，合同写明到期退还，怎么办？') {
  const r = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', { body });
  expect(r.status).toBe(200);
  return r.body.id;
}
const events = (id: number) =>
  t.ctx.db
    .selectFrom('consult_events')
    .select(['kind', 'at'])
    .where('question_id', '=', id)
    .orderBy('id')
    .execute();

describe('escalation on a clock', () => {
  it('offers an unanswered question to the pool after 10 minutes, then to the hotline 20 minutes later', async () => {
    const asked = t.clock.now();
    const id = await ask();
    t.clock.advance(10 * MIN - 1000);
    expect((await sweepOnce(t.ctx)).toPool).not.toContain(id);
    t.clock.advance(2000);
    expect((await sweepOnce(t.ctx)).toPool).toContain(id);

    const pool = await json<{ items: { id: number }[] }>(
      t,
      area.volunteer,
      'GET',
      '/consult/inbox?box=pool',
    );
    expect(pool.body.items.map((i) => i.id)).toContain(id);
    expect((await json(t, area.lawyerB, 'GET', '/consult/inbox?box=pool')).status).toBe(403);
    expect((await json(t, area.volunteer, 'GET', `/consult/questions/${id}`)).status).toBe(200);

    t.clock.advance(20 * MIN);
    expect((await sweepOnce(t.ctx)).toHotline).toContain(id);
    const ev = await events(id);
    expect(ev.map((e) => e.kind)).toEqual(['asked', 'escalated_pool', 'escalated_hotline']);
    expect(ev[0]!.at).toBe(asked.toISOString());
    expect(Date.parse(ev[1]!.at) - asked.getTime()).toBe(10 * MIN + 1000);
    expect(Date.parse(ev[2]!.at) - asked.getTime()).toBe(30 * MIN + 1000);

    // the hotline queue is for staff: an aid officer sees and answers it; the pool no longer does
    const officer = await t.signIn('aid_officer');
    const queue = await json<{ items: { id: number }[] }>(
      t,
      officer,
      'GET',
      '/consult/inbox?box=hotline',
    );
    expect(queue.body.items.map((i) => i.id)).toContain(id);
    expect((await json(t, area.volunteer, 'GET', `/consult/questions/${id}`)).status).toBe(404);
    // one staff member takes it from the queue first, then answers
    const unclaimed = await json(t, officer, 'POST', `/consult/questions/${id}/messages`, {
      body: '您好',
    });
    expect(unclaimed.status).toBe(403);
    expect((await json(t, officer, 'POST', `/consult/questions/${id}/claim`)).status).toBe(200);
    const r = await json<{ first: boolean }>(
      t,
      officer,
      'POST',
      `/consult/questions/${id}/messages`,
      { body: '您好，这里是 12348 热线。' },
    );
    expect(r.body.first).toBe(true);
    t.clock.advance(60 * MIN);
    const later = await sweep(t.ctx);
    expect([...later.toPool, ...later.toHotline]).not.toContain(id);
  });

  it('lets exactly one of two volunteers claim a pool question', async () => {
    const id = await ask();
    t.clock.advance(11 * MIN);
    await sweep(t.ctx);
    const [a, b] = await Promise.all([
      json(t, area.volunteer, 'POST', `/consult/questions/${id}/claim`),
      json(t, area.volunteer2, 'POST', `/consult/questions/${id}/claim`),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 200 ? area.volunteer2 : area.volunteer;
    const winner = a.status === 200 ? area.volunteer : area.volunteer2;
    expect((await json(t, loser, 'GET', `/consult/questions/${id}`)).status).toBe(404);
    const reply = await json(t, winner, 'POST', `/consult/questions/${id}/messages`, {
      body: '我来解答：押金可以主张返还。',
    });
    expect(reply.status).toBe(200);
    const claimed = (await events(id)).filter((e) => e.kind === 'claimed');
    expect(claimed).toHaveLength(1);
  });

  it('keeps the clock in the database, so a fresh process (a restart) escalates what is overdue', async () => {
    const id = await ask();
    const later = new Date(t.clock.now().getTime() + 15 * MIN);
    const restarted = createContext(t.ctx.config, t.ctx.data, () => later);
    const r = await sweep(restarted);
    expect(r.toPool).toContain(id);
  });

  it('uses the administrator’s clock settings for new questions', async () => {
    const s = await json(t, area.admin, 'PUT', '/consult/admin/settings', {
      poolAfterMinutes: 5,
      hotlineAfterMinutes: 15,
    });
    expect(s.status).toBe(200);
    const id = await ask();
    const row = await t.ctx.db
      .selectFrom('consult_questions')
      .select(['created_at', 'next_escalation_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Date.parse(row.next_escalation_at!) - Date.parse(row.created_at)).toBe(5 * MIN);
    await json(t, area.admin, 'PUT', '/consult/admin/settings', {
      poolAfterMinutes: 10,
      hotlineAfterMinutes: 20,
    });
  });
});

/** Seeds `n` overdue questions directly (fast) in the area's community A. */
async function seedOverdue(n: number, dueAt: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i += 100) {
    const rows = await t.ctx.db
      .insertInto('consult_questions')
      .values(
        Array.from({ length: Math.min(100, n - i) }, () => ({
          citizen_id: area.resident.userId,
          community_id: area.communityA,
          body: '批量测试问题',
          transcript: null,
          conversation_id: null,
          stage: 'community' as const,
          status: 'open' as const,
          claimed_by: null,
          claimed_at: null,
          next_escalation_at: dueAt,
          first_response_at: null,
          first_responder_id: null,
          category: null,
          rating: null,
          rating_comment: null,
          created_at: dueAt,
          updated_at: dueAt,
        })),
      )
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

type Counts = { toPool: number; toHotline: number };

/** The stand-alone sweeper in a child process; each `go()` releases one pass and resolves with its counts. */
function worker(times: string[]) {
  const child = spawn('node_modules/.bin/tsx', ['src/consult/sweep-worker.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      CONSULT_SCHEMA: t.ctx.data.schema!,
      SWEEP_NOW: times.join(','),
      SWEEP_BATCH: '25', // small transactions so the two processes interleave
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting: ((l: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (l) => waiting.shift()?.(l));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`sweeper exited with ${code}`))),
  );
  const nextLine = () => Promise.race([new Promise<string>((r) => waiting.push(r)), exited]);
  const ready = nextLine();
  return {
    ready,
    go: async (): Promise<Counts> => {
      const line = nextLine();
      child.stdin.write('go\n');
      return JSON.parse(await line) as Counts;
    },
    done: () => new Promise<number | null>((r) => child.once('exit', r)),
  };
}

describe('two sweepers at once', () => {
  it('escalates each overdue question exactly once', async () => {
    const N = 400;
    const base = new Date(t.clock.now().getTime() + 24 * 60 * MIN);
    // first drain what earlier tests left open, so the totals below count only the seeded questions
    for (const m of [-120, -90])
      await sweep(
        createContext(t.ctx.config, t.ctx.data, () => new Date(base.getTime() + m * MIN)),
      );
    const ids = await seedOverdue(N, base.toISOString());
    const at = (m: number) => new Date(base.getTime() + m * MIN).toISOString();
    let totals: { toPool: number; toHotline: number }[];
    if (testDialect() === 'postgres') {
      // two real server processes on one PostgreSQL schema, released at the same moment
      const ws = [worker([at(1), at(25)]), worker([at(1), at(25)])];
      const exits = ws.map((w) => w.done());
      await Promise.all(ws.map((w) => w.ready));
      const first = await Promise.all(ws.map((w) => w.go()));
      const second = await Promise.all(ws.map((w) => w.go()));
      expect(await Promise.all(exits)).toEqual([0, 0]);
      totals = [...first, ...second];
    } else {
      // SQLite has one writer: the same logic, two sweeps interleaved in one process
      const run = async (now: string) => {
        const c = createContext(t.ctx.config, t.ctx.data, () => new Date(now));
        const rs = await Promise.all([sweep(c, 25), sweep(c, 25)]);
        return rs.map((r) => ({ toPool: r.toPool.length, toHotline: r.toHotline.length }));
      };
      totals = [...(await run(at(1))), ...(await run(at(25)))];
    }
    const rows = await t.ctx.db
      .selectFrom('consult_events')
      .select(['question_id', 'kind'])
      .where('question_id', 'in', ids)
      .where('kind', 'in', ['escalated_pool', 'escalated_hotline'])
      .execute();
    for (const kind of ['escalated_pool', 'escalated_hotline']) {
      const per = new Map<number, number>();
      for (const r of rows.filter((x) => x.kind === kind))
        per.set(r.question_id, (per.get(r.question_id) ?? 0) + 1);
      expect(per.size).toBe(N);
      expect([...per.values()].every((c) => c === 1)).toBe(true);
    }
    expect(totals.reduce((s, x) => s + x.toPool, 0)).toBe(N);
    expect(totals.reduce((s, x) => s + x.toHotline, 0)).toBe(N);
  });
});
