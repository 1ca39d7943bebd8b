/**
 * @module `npm run bench http`: distinct answers per second over HTTP on loopback. A real server
 * process is started on DATABASE_URL (a corpus must be imported) with a persisted search index, and
 * every STARD training question is asked once (no answer comes from the result cache) by clients
 * keeping 8 requests in flight, each as another citizen (X-Forwarded-For through a trusted proxy,
 * so the per-client rate limit is the one a real deployment has), after as many other questions to warm
 * up (BENCH_HTTP_WARMUP, default all). It reports answers per second,
 * latency p50/p95 and the server's resident memory, for `/search` and `/qa/ask` (each on a fresh
 * server), with the default search threads and with none.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { readJsonLines } from '../src/search/cli-util.js';
import { freePort, serverArgs } from '../src/test/server-process.js';

const QUERIES = '../shared/datasets/stard-train/queries.jsonl';
const IN_FLIGHT = 8;

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** CPU seconds used so far by each thread of process `pid` (Linux /proc; clock ticks of 10 ms). */
function threadCpu(pid: number): Map<number, { name: string; s: number }> {
  const out = new Map<number, { name: string; s: number }>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = /\((.*)\)/.exec(stat)?.[1] ?? '';
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), { name, s: (Number(f[11]) + Number(f[12])) / 100 });
    } catch {
      // the thread ended
    }
  }
  return out;
}

/** CPU per answer between two readings: the main thread, the other threads, and this client. */
function cpuSplit(
  pid: number,
  before: Map<number, { name: string; s: number }>,
  after: Map<number, { name: string; s: number }>,
  client: NodeJS.CpuUsage,
  answers: number,
): string {
  let main = 0;
  let others = 0;
  for (const [tid, t] of after) {
    const used = t.s - (before.get(tid)?.s ?? 0);
    if (tid === pid) main += used;
    else others += used;
  }
  const c = (client.user + client.system) / 1e6;
  const per = (s: number) => ((s / answers) * 1000).toFixed(2);
  return `CPU per answer: server main thread ${per(main)} ms, its other threads ${per(others)} ms, this client ${per(c)} ms`;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

interface Server {
  proc: ChildProcess;
  port: number;
}

async function startServer(indexFile: string, workers: string | undefined): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEARCH_INDEX_FILE: indexFile,
    TRUSTED_PROXIES: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  if (workers === undefined) delete env.SEARCH_WORKERS;
  else env.SEARCH_WORKERS = workers;
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...extra, ...serverArgs()], {
    env,
    stdio: 'ignore',
  });
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`服务进程退出（${proc.exitCode}）`);
    const r = await fetch(`http://127.0.0.1:${port}/api/v1/search?q=${encodeURIComponent('工资')}`)
      .then((res) => (res.ok ? (res.json() as Promise<{ items: unknown[] }>) : null))
      .catch(() => null);
    if (r && r.items.length > 0) return { proc, port };
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function stopServer(s: Server): Promise<void> {
  s.proc.kill('SIGTERM');
  await new Promise((done) => s.proc.once('exit', done));
}

type Ask = (question: string, client: number) => Promise<void>;

/** One request as client number `client` (its own forwarded address); rejects on a non-2xx answer. */
function asker(port: number, agent: http.Agent, kind: 'search' | 'ask'): Ask {
  return (question, client) =>
    new Promise<void>((resolve, reject) => {
      const ip = `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`;
      const body = kind === 'ask' ? JSON.stringify({ question }) : undefined;
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          agent,
          method: kind === 'ask' ? 'POST' : 'GET',
          path:
            kind === 'ask' ? '/api/v1/qa/ask' : `/api/v1/search?q=${encodeURIComponent(question)}`,
          headers: {
            'x-forwarded-for': ip,
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode && res.statusCode < 300
              ? resolve()
              : reject(new Error(`HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/** Asks every question once with IN_FLIGHT requests in flight; answers/s and latency percentiles. */
async function drive(ask: Ask, questions: string[], offset: number, pid: number) {
  const before = threadCpu(pid);
  const client = process.cpuUsage();
  const ms: number[] = [];
  let next = 0;
  const t0 = performance.now();
  const lane = async () => {
    while (next < questions.length) {
      const i = next++;
      const t = performance.now();
      await ask(questions[i]!, offset + i);
      ms.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const rate = questions.length / ((performance.now() - t0) / 1000);
  const cpu = cpuSplit(pid, before, threadCpu(pid), process.cpuUsage(client), questions.length);
  return `${rate.toFixed(0)} answers/s, latency p50 ${pct(ms, 50).toFixed(1)} ms p95 ${pct(ms, 95).toFixed(1)} ms; ${cpu}`;
}

/** One kind of request on a server of its own (on one server, /ask after /search finds them cached). */
async function measureKind(
  indexFile: string,
  workers: string | undefined,
  questions: string[],
  kind: 'search' | 'ask',
) {
  const server = await startServer(indexFile, workers);
  const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  try {
    const ask = asker(server.port, agent, kind);
    const pid = server.proc.pid!;
    // Warm-up on other texts (a trailing mark makes each a new question for the result cache). After
    // 200 of them V8 was still optimising ≈ 240 functions during the measured run (--trace-opt), ≈ 0.6 ms
    // of a helper thread per answer that a server up for a while no longer spends: so every question
    // once by default; BENCH_HTTP_WARMUP=200 measures as before.
    const warm = Number(process.env.BENCH_HTTP_WARMUP ?? questions.length);
    await drive(
      ask,
      questions.slice(0, warm).map((q) => `${q}？？`),
      0,
      pid,
    );
    const line = await drive(ask, questions, 1000, pid);
    return `  /${kind}: ${line}; server RSS ${rssMb(pid).toFixed(0)} MB`;
  } finally {
    agent.destroy();
    await stopServer(server);
  }
}

async function measure(indexFile: string, workers: string | undefined, questions: string[]) {
  const kinds = (process.env.BENCH_HTTP_KINDS ?? 'search,ask').split(',') as ('search' | 'ask')[];
  const out: string[] = [];
  for (const kind of kinds) out.push(await measureKind(indexFile, workers, questions, kind));
  return out;
}

export async function run(): Promise<void> {
  const questions = [
    ...new Set(readJsonLines<{ question: string }>(QUERIES).map((q) => q.question)),
  ];
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-http-'));
  const file = path.join(dir, 'search-index.bin');
  try {
    await stopServer(await startServer(file, '0')); // writes the index file the runs then load
    const only = process.env.BENCH_HTTP_WORKERS; // e.g. "0": that setting alone
    for (const workers of only === undefined ? [undefined, '0'] : [only]) {
      const label = workers === undefined ? 'default SEARCH_WORKERS' : `SEARCH_WORKERS=${workers}`;
      console.log(
        `${label}, ${questions.length} distinct questions, ${IN_FLIGHT} in flight, load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}:`,
      );
      for (const line of await measure(file, workers, questions)) console.log(line);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
