/**
 * @module A real server process (the built server `npm start` runs) on a fresh SQLite file, and raw HTTP
 * requests whose bodies stop half-way: for shutdown tests and the shutdown benchmark.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * `npm start`'s command line after `node`: the V8 flags, then the bundle. package.json is the one place
 * the flags are set; tests, benches and deploy/ start the server with these.
 */
export function startCommand(repo = process.cwd()): string[] {
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [node, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (node !== 'node' || args.length === 0) throw new Error(`npm start 不是 node 命令：${node}`);
  return args;
}

/**
 * The arguments to `node` that start the server as `npm start` does: its flags and the bundle in
 * `dist/server/`, built first when a source changed since (`scripts/build-server.mjs`, as `prestart`
 * runs it).
 */
export function serverArgs(repo = process.cwd()): string[] {
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build-server failed: ${built.stdout}${built.stderr}`);
  const args = startCommand(repo);
  return [...args.slice(0, -1), path.join(repo, args.at(-1)!)];
}

/** Starts the built server on a fresh SQLite file; resolves once /health answers. */
export async function startServer(
  env: Record<string, string> = {},
): Promise<{ proc: ChildProcess; port: number; dir: string; output: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'open12348-server-'));
  const port = await freePort();
  const output: string[] = [];
  const proc = spawn(process.execPath, serverArgs(), {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${path.join(dir, 'app.db')}`,
      UPLOAD_DIR: path.join(dir, 'uploads'),
      IMPORT_ON_START: 'false',
      SEARCH_INDEX_FILE: 'off',
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.on('data', (b: Buffer) => output.push(b.toString()));
  proc.stderr.on('data', (b: Buffer) => output.push(b.toString()));
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${output.join('')}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { proc, port, dir, output };
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Pending {
  /** Sends the rest of the body; resolves with the status line's code, or the socket error's code. */
  finish(): Promise<string>;
  /** Resolves with what arrived without sending the rest (a status code, or the error). */
  outcome: Promise<string>;
}

/** A login request whose body is half sent. */
export function halfSent(port: number): Pending {
  const body = JSON.stringify({ username: 'nobody', password: 'wrong-password-1' });
  const half = Math.floor(body.length / 2);
  const sock = net.connect(port, '127.0.0.1');
  let data = '';
  const outcome = new Promise<string>((resolve) => {
    sock.on('data', (b) => (data += b.toString()));
    sock.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    sock.on('close', () => resolve(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 'closed'));
  });
  sock.write(
    `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n` +
      body.slice(0, half),
  );
  return {
    outcome,
    finish: () => {
      if (!sock.destroyed) sock.write(body.slice(half));
      return outcome;
    },
  };
}
