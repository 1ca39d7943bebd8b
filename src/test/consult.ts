/** @module Test fixtures of the consult area: a street with two communities, their lawyers, a pool volunteer, a resident. */
import http from 'node:http';
import type { Session, TestApp } from './app.js';

export interface Area {
  admin: Session;
  lawyerA: Session;
  lawyerB: Session;
  volunteer: Session;
  volunteer2: Session;
  resident: Session;
  streetId: number;
  communityA: number;
  communityB: number;
}

export async function json<T = Record<string, unknown>>(
  t: TestApp,
  session: Session | undefined,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await t.request({
    method,
    url: `/api/v1${url}`,
    ...(session ? { session } : {}),
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
  return { status: res.statusCode, body: res.json<T>() };
}

/** Sets up the area through the admin API (so the API itself is exercised). */
export async function setUpArea(t: TestApp): Promise<Area> {
  const admin = await t.signIn('admin');
  const lawyerA = await t.signIn('community_lawyer', { displayName: '李律师' });
  const lawyerB = await t.signIn('community_lawyer', { displayName: '王律师' });
  const volunteer = await t.signIn('community_lawyer', { displayName: '赵志愿' });
  const volunteer2 = await t.signIn('aid_lawyer', { displayName: '钱志愿' });
  const resident = await t.signIn('citizen', { displayName: '张三丰' });
  const street = await json<{ id: number }>(t, admin, 'POST', '/consult/admin/streets', {
    district: '洪山区',
    name: '珞南街道',
  });
  const a = await json<{ id: number }>(t, admin, 'POST', '/consult/admin/communities', {
    streetId: street.body.id,
    name: '珞珈山社区',
    lawyerIds: [lawyerA.userId],
  });
  const b = await json<{ id: number }>(t, admin, 'POST', '/consult/admin/communities', {
    streetId: street.body.id,
    name: '马房山社区',
    lawyerIds: [lawyerB.userId],
  });
  for (const v of [volunteer, volunteer2])
    await json(t, admin, 'PUT', `/consult/admin/lawyers/${v.userId}`, {
      registered: true,
      active: true,
      inPool: true,
      specialties: ['劳动争议'],
    });
  await json(t, resident, 'PUT', '/consult/profile', { communityId: a.body.id });
  return {
    admin,
    lawyerA,
    lawyerB,
    volunteer,
    volunteer2,
    resident,
    streetId: street.body.id,
    communityA: a.body.id,
    communityB: b.body.id,
  };
}

export interface Sse {
  next(event: string): Promise<Record<string, unknown>>;
  seen: { event: string; data: Record<string, unknown> }[];
  close(): void;
}

/** A real SSE client on loopback (server on `port`); `next(name)` takes the oldest not-yet-taken event of that name (or waits for it). */
export function connectSse(port: number, path: string, s: Session): Promise<Sse> {
  return new Promise((resolve, reject) => {
    const seen: Sse['seen'] = [];
    const taken = new Set<number>();
    const waiters: { event: string; resolve: (d: Record<string, unknown>) => void }[] = [];
    const take = (event: string) => {
      const i = seen.findIndex((x, n) => x.event === event && !taken.has(n));
      if (i < 0) return undefined;
      taken.add(i);
      return seen[i]!.data;
    };
    const req = http.get(
      { host: '127.0.0.1', port, path: `/api/v1${path}`, headers: { cookie: s.headers.cookie } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buf += chunk;
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const ev = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (!ev || !data) continue;
            seen.push({ event: ev, data: JSON.parse(data) as Record<string, unknown> });
            for (const w of [...waiters]) {
              const d = take(w.event);
              if (d) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(d);
              }
            }
          }
        });
        resolve({
          seen,
          next: (event) =>
            new Promise((r) => {
              const d = take(event);
              if (d) r(d);
              else waiters.push({ event, resolve: r });
            }),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
  });
}
