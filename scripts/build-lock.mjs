// One build at a time, shared by build-web.mjs and build-server.mjs: parallel test workers and
// `npm start` may all find a build stale; the first takes the lock file, the others wait for it.
import { closeSync, openSync, rmSync, statSync } from 'node:fs';

/** A lock older than this belongs to a build that died. */
const STALE_MS = 300_000;

/** Takes `lock` (created exclusively), waiting up to two minutes; it is removed when the process exits. */
export async function takeBuildLock(lock, label) {
  for (let i = 0; i < 600; i++) {
    try {
      closeSync(openSync(lock, 'wx'));
      process.on('exit', () => rmSync(lock, { force: true }));
      return;
    } catch {
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) > STALE_MS)
        rmSync(lock, { force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${label}: another build holds ${lock}`);
}
