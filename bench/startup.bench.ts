/**
 * @module `npm run bench startup`: cold start to first answer, side by side — the server started with
 * no persisted search index (it builds the index, and writes it) and started again with the file it
 * wrote. Each run spawns the server bundle (`dist/server/server.js`) on DATABASE_URL (a corpus must
 * be imported) and times spawn → the first `/qa/ask` answer with citations; it also reads the
 * server's resident memory. The start with the file is timed with no search threads, one and two
 * (SEARCH_WORKERS), whose RSS after the threads have started shows what a thread costs over the one
 * shared index.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, serverArgs } from '../src/test/server-process.js';

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function firstAnswer(
  indexFile: string,
  workers = 0,
): Promise<{ ms: number; rss: number; settled: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, serverArgs(), {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEARCH_INDEX_FILE: indexFile,
      SEARCH_WORKERS: String(workers),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/v1/qa/ask`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ question: '公司拖欠我三个月工资不发怎么办？' }),
        });
        const body = (await r.json()) as { answer?: { citations?: unknown[] } };
        if (r.ok && (body.answer?.citations?.length ?? 0) > 0) {
          const ms = performance.now() - started;
          const rss = rssMb(child.pid!);
          // the threads start beside the first answers: RSS again once they are up and answering
          await new Promise((done) => setTimeout(done, 5000));
          await fetch(`http://127.0.0.1:${port}/api/v1/search?q=${encodeURIComponent('加班费')}`);
          return { ms, rss, settled: rssMb(child.pid!) };
        }
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-startup-'));
  const file = path.join(dir, 'search-index.bin');
  try {
    const cold = await firstAnswer(file);
    const warm = await firstAnswer(file);
    const one = await firstAnswer(file, 1);
    const threads = await firstAnswer(file, 2);
    const none = await firstAnswer('off');
    const f = (r: { ms: number; rss: number; settled: number }) =>
      `${(r.ms / 1000).toFixed(2)} s to the first answer, RSS ${r.rss.toFixed(0)} MB (${r.settled.toFixed(0)} MB 5 s later)`;
    console.log(`no index file (builds, writes it): ${f(cold)}`);
    console.log(`with the index file it wrote:       ${f(warm)}`);
    console.log(`the same, SEARCH_WORKERS=1:         ${f(one)}`);
    console.log(`the same, SEARCH_WORKERS=2:         ${f(threads)}`);
    console.log(`SEARCH_INDEX_FILE=off (builds):     ${f(none)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
