/**
 * Graceful shutdown of a real server process: after SIGTERM it accepts no new connection, a request in
 * flight still gets its answer, one still running when the grace period ends gets 503, and the process exits.
 */
import { rmSync } from 'node:fs';
import net from 'node:net';
import { expect, it } from 'vitest';
import { halfSent, startServer } from './test/server-process.js';

const until = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 25));
};

it('drains in-flight requests on SIGTERM, 503s the late ones and exits', async () => {
  const { proc, port, dir, output } = await startServer({ SHUTDOWN_GRACE_SECONDS: '2' });
  const log = () => output.join('');
  const logins = () =>
    log()
      .split('\n')
      .filter((l) => l.includes('"url":"/api/v1/auth/login"'));
  const finishing = halfSent(port);
  const stalled = halfSent(port);
  await until(() => logins().length === 2); // both requests have reached the server
  const exited = new Promise<number | null>((r) => proc.on('close', (code) => r(code)));
  proc.kill('SIGTERM');
  await until(() => log().includes('正在停止服务'));
  // The log line comes just before the listening socket closes; on a busy machine a connection may
  // still get in for a moment, so try until one is refused (each attempt is closed at once).
  const tryConnect = () =>
    new Promise<string>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.on('connect', () => {
        s.destroy();
        resolve('connected');
      });
      s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
  let refused = await tryConnect();
  for (let i = 0; i < 100 && refused === 'connected'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    refused = await tryConnect();
  }
  expect(refused).toBe('ECONNREFUSED');
  expect(await finishing.finish()).toBe('401'); // its own answer (unknown user), not a reset
  expect(await stalled.outcome).toBe('503');
  expect(await exited).toBe(0);
  expect(log()).toContain('宽限期已到：1 个请求未完成');
  rmSync(dir, { recursive: true, force: true });
}, 60_000);
