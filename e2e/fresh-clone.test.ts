/**
 * A fresh clone with no ../shared beside it: `git clone`, then the server started as `npm start` starts
 * it. The first start unpacks the corpus shipped in the repository, imports it and answers a question.
 * (Dependencies are linked from this checkout rather than installed, to keep CI short; the clone holds
 * what is committed.)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, serverArgs } from '../src/test/server-process.js';

const repo = path.resolve(import.meta.dirname, '..');
const root = mkdtempSync(path.join(tmpdir(), 'open12348-clone-'));
let server: ChildProcess | null = null;
afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

async function waitForCorpus(base: string, log: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(`${base}/api/v1/health`);
      const h = (await r.json()) as { corpus?: { loaded?: boolean } };
      if (h.corpus?.loaded) return;
    } catch {
      // not listening yet
    }
    if (server?.exitCode !== null) throw new Error(`服务已退出：\n${log()}`);
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`法规库未在时限内载入：\n${log()}`);
}

describe('a fresh clone without ../shared', () => {
  it('starts with the whole corpus from the shipped snapshot and answers a question', async () => {
    const dir = path.join(root, 'open12348');
    const clone = spawnSync('git', ['clone', '--quiet', repo, dir], { encoding: 'utf8' });
    expect(clone.status, clone.stderr).toBe(0);
    expect(existsSync(path.join(root, 'shared'))).toBe(false);
    symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');

    const port = await freePort();
    let output = '';
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
    for (const k of ['DATABASE_URL', 'TEST_DATABASE_URL', 'LAWS_DIR', 'LLM_BASE_URL', 'LLM_MODEL'])
      delete env[k];
    // What `npm start` runs: the prestart build, then the built server.
    server = spawn(process.execPath, serverArgs(dir), {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    server.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const base = `http://127.0.0.1:${port}`;
    await waitForCorpus(base, () => output);

    expect(output).toContain('已解压 1539 个文件');
    const health = (await (await fetch(`${base}/api/v1/health`)).json()) as {
      corpus: { laws: number };
    };
    expect(health.corpus.laws).toBe(1527);
    const res = await fetch(`${base}/api/v1/qa/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '公司拖欠我三个月工资不发怎么办？' }),
    });
    expect(res.status).toBe(200);
    const { answer } = (await res.json()) as {
      answer: { found: boolean; citations: { law: string }[] };
    };
    expect(answer.found).toBe(true);
    expect(answer.citations.some((c) => c.law === '劳动合同法')).toBe(true);
  }, 300_000);
});
