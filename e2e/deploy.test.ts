/**
 * The deployment of deploy/: Debian's nginx with deploy/nginx/open12348.conf in front of two app
 * processes on one PostgreSQL database (a database of its own on the test server). Traffic runs
 * through nginx while one process is killed (SIGKILL): no GET is lost (nginx sends it to the other
 * process), no more POSTs fail than were in flight, everything after the kill succeeds, and a
 * streamed answer still arrives through nginx unbuffered.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedLawsDir } from '../src/test/laws-fixture.js';
import { freePort, serverArgs, startCommand } from '../src/test/server-process.js';

const PG = process.env.TEST_DATABASE_URL;
/** Debian puts nginx in /usr/sbin, which a test runner's PATH may lack. */
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const repo = path.resolve(import.meta.dirname, '..');

describe('the deployment starts the server as npm start does', () => {
  const read = (f: string) => readFileSync(path.join(repo, 'deploy', f), 'utf8');

  it('in the systemd unit and in the image, V8 flags included', () => {
    const start = startCommand(repo);
    expect(start.at(-1)).toBe('dist/server/server.js');
    expect(start.length).toBeGreaterThan(1); // the flags
    const exec = /^ExecStart=(\S+) (.*)$/m.exec(read('systemd/open12348@.service'));
    expect(exec?.[1]).toBe('/usr/bin/node');
    expect(exec?.[2]?.split(' ')).toEqual(start);
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'));
    expect(JSON.parse(cmd?.[1] ?? 'null')).toEqual(['node', ...start]);
  });
});

describe.runIf(PG)('two app processes behind nginx on one PostgreSQL database', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'open12348-deploy-'));
  const dbName = `open12348_deploy_${process.pid}`;
  const apps: { proc: ChildProcess; port: number; output: string[] }[] = [];
  let nginx: ChildProcess | null = null;
  let base = '';
  let admin: pg.Client;

  async function startApp(url: string, lawsDir: string) {
    const port = await freePort();
    const output: string[] = [];
    const proc = spawn(process.execPath, serverArgs(repo), {
      cwd: repo,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: url,
        LAWS_DIR: lawsDir,
        IMPORT_ON_START: 'true',
        SEARCH_INDEX_FILE: 'off',
        UPLOAD_DIR: path.join(work, `uploads-${port}`),
        TRUSTED_PROXIES: '127.0.0.1',
        RATE_LIMIT_PER_MINUTE: '100000',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout.on('data', (b: Buffer) => output.push(b.toString()));
    proc.stderr.on('data', (b: Buffer) => output.push(b.toString()));
    apps.push({ proc, port, output });
    return port;
  }

  async function untilLoaded(port: number): Promise<void> {
    for (let i = 0; i < 1200; i++) {
      const h = await fetch(`http://127.0.0.1:${port}/api/v1/health`)
        .then((r) => r.json() as Promise<{ corpus?: { loaded?: boolean } }>)
        .catch(() => null);
      if (h?.corpus?.loaded) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(
      `app on ${port} did not load the corpus: ${apps.map((a) => a.output.join('')).join('\n')}`,
    );
  }

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = new URL(PG!);
    url.pathname = `/${dbName}`;

    const lawsDir = path.join(work, 'laws');
    for (const f of ['社会法/劳动合同法(2012-12-28).md', '行政法/法律援助法(2021-08-20).md']) {
      mkdirSync(path.dirname(path.join(lawsDir, f)), { recursive: true });
      cpSync(path.join(sharedLawsDir(), f), path.join(lawsDir, f));
    }
    const ports = [await startApp(url.href, lawsDir), await startApp(url.href, lawsDir)];
    for (const p of ports) await untilLoaded(p);

    // The shipped site, with this test's ports; the main file around it holds only what a
    // non-packaged nginx needs (paths inside the test folder).
    const site = readFileSync(path.join(repo, 'deploy/nginx/open12348.conf'), 'utf8')
      .replace('127.0.0.1:8081', `127.0.0.1:${ports[0]}`)
      .replace('127.0.0.1:8082', `127.0.0.1:${ports[1]}`);
    const nginxPort = await freePort();
    const conf = path.join(work, 'nginx.conf');
    writeFileSync(
      path.join(work, 'site.conf'),
      site.replace('listen 80;', `listen 127.0.0.1:${nginxPort};`),
    );
    writeFileSync(
      conf,
      [
        'worker_processes 1;',
        `pid ${work}/nginx.pid;`,
        'error_log stderr warn;',
        'events { worker_connections 256; }',
        'http {',
        '  access_log off;',
        `  client_body_temp_path ${work}/body; proxy_temp_path ${work}/proxy;`,
        `  fastcgi_temp_path ${work}/fcgi; uwsgi_temp_path ${work}/uwsgi; scgi_temp_path ${work}/scgi;`,
        `  include ${work}/site.conf;`,
        '}',
      ].join('\n'),
    );
    chmodSync(work, 0o777);
    const check = spawnSync(NGINX, ['-t', '-p', work, '-c', conf], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    nginx = spawn(NGINX, ['-p', work, '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
    base = `http://127.0.0.1:${nginxPort}`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${base}/api/v1/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('nginx did not answer');
  }, 240_000);

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    for (const a of apps) a.proc.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    await admin?.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin?.end();
    rmSync(work, { recursive: true, force: true });
  });

  const get = () =>
    fetch(`${base}/api/v1/laws/${encodeURIComponent('劳动合同法')}`).then((r) => r.status);
  const post = () =>
    fetch(`${base}/api/v1/qa/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '公司拖欠工资怎么办' }),
    }).then(
      (r) => r.status,
      () => 0,
    );

  it('loses no GET and no more POSTs than were in flight when one process is killed', async () => {
    const CONCURRENCY = 6;
    const PER_WORKER = 40;
    const results: { kind: 'get' | 'post'; status: number; afterKill: boolean }[] = [];
    let done = 0;
    let killed = false;
    let dead = false;
    const victim = apps[0]!;
    victim.proc.once('exit', () => (dead = true));
    const worker = async () => {
      for (let i = 0; i < PER_WORKER; i++) {
        const kind = i % 4 === 3 ? 'post' : 'get';
        const afterKill = dead;
        const status = kind === 'get' ? await get() : await post();
        results.push({ kind, status, afterKill });
        if (++done === (CONCURRENCY * PER_WORKER) / 3 && !killed) {
          victim.proc.kill('SIGKILL');
          killed = true;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(killed).toBe(true);
    expect(results.some((r) => r.afterKill)).toBe(true);
    expect(results).toHaveLength(CONCURRENCY * PER_WORKER);
    const failed = results.filter((r) => r.status !== 200);
    console.info(
      `deploy: ${results.length} requests, ${results.filter((r) => r.afterKill).length} after the kill, ${failed.length} failed (${failed.map((f) => `${f.kind} ${f.status}`).join(', ')})`,
    );
    expect(failed.filter((r) => r.kind === 'get')).toEqual([]);
    expect(failed.length).toBeLessThanOrEqual(CONCURRENCY);
    // Requests sent once the process was gone: every one answered.
    expect(failed.filter((r) => r.afterKill)).toEqual([]);
  });

  it('streams an answer through nginx unbuffered, from the surviving process', async () => {
    const res = await fetch(`${base}/api/v1/qa/ask/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question: '没签劳动合同可以要双倍工资吗' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const body = await res.text();
    const events = [...body.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe('meta');
    expect(events).toContain('token');
    expect(events.at(-1)).toBe('done');
  });
});
