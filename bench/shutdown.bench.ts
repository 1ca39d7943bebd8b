/**
 * @module Graceful shutdown under load: a real server process gets SIGTERM while 40 login requests are
 * mid-body; counts how many still get an answer (instead of a reset) once their bodies finish, and how long
 * the process takes to exit. `npm run bench shutdown`.
 */
import { rmSync } from 'node:fs';
import { halfSent, startServer } from '../src/test/server-process.js';

const N = 40;

/** 40 requests mid-body at SIGTERM: 30 finish their bodies afterwards, 10 never do (a stalled upload). */
export async function run(): Promise<void> {
  const { proc, port, dir } = await startServer({ LOG_LEVEL: 'warn', SHUTDOWN_GRACE_SECONDS: '5' });
  const pending = Array.from({ length: N }, () => halfSent(port));
  const [finishing, stalled] = [pending.slice(0, 30), pending.slice(30)];
  await new Promise((r) => setTimeout(r, 500));
  const t0 = Date.now();
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  proc.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  const done = await Promise.all(finishing.map((p) => p.finish()));
  const code = await Promise.race([
    exited,
    new Promise<'still running'>((r) => setTimeout(() => r('still running'), 20_000)),
  ]);
  const waited = Date.now() - t0;
  if (code === 'still running') proc.kill('SIGKILL');
  const stuck = await Promise.all(stalled.map((p) => p.outcome));
  const tally = (xs: string[]) =>
    Object.entries(
      xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {}),
    )
      .map(([k, v]) => `${v}× ${k}`)
      .join(', ');
  console.log(`SIGTERM with ${N} requests mid-body (grace 5 s):`);
  console.log(`  30 that finish their body: ${tally(done)}`);
  console.log(`  10 that never do: ${tally(stuck)}`);
  console.log(
    `  process: ${code === 'still running' ? 'still running, killed' : `exit ${String(code)}`} after ${waited} ms`,
  );
  rmSync(dir, { recursive: true, force: true });
}
