/**
 * @module Graceful shutdown: on SIGTERM the server stops accepting connections, answers new requests on open
 * connections with 503 `shutting_down`, lets requests in flight finish within SHUTDOWN_GRACE_SECONDS, answers
 * the ones still running after that with 503, then stops background work, closes the database and exits.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { serviceUnavailable } from './errors.js';

const shuttingDown = () => serviceUnavailable('shutting_down', '服务器正在重启，请稍后重试');

interface Drain {
  closing: boolean;
  inFlight: Set<FastifyReply>;
}

const drains = new WeakMap<FastifyInstance, Drain>();

/** Tracks the requests in flight; once closing, refuses new ones. Installed by buildApp. */
export function installDrain(app: FastifyInstance): void {
  const drain: Drain = { closing: false, inFlight: new Set() };
  drains.set(app, drain);
  app.addHook('onRequest', async (_req, reply) => {
    if (drain.closing) {
      void reply.header('connection', 'close');
      throw shuttingDown();
    }
    drain.inFlight.add(reply);
  });
  app.addHook('onResponse', async (_req, reply) => {
    drain.inFlight.delete(reply);
  });
  app.addHook('onRequestAbort', (req, done) => {
    for (const r of drain.inFlight) if (r.request === req) drain.inFlight.delete(r);
    done();
  });
}

export interface ShutdownSteps {
  graceMs: number;
  /** Background work of the modules (sweeps, timers). */
  stoppers: (() => void | Promise<void>)[];
  closeDatabase: () => Promise<void>;
  log: { info(msg: string): void; warn(msg: string): void };
}

/** Runs the shutdown once; a second signal while it runs changes nothing. Resolves when all is closed. */
export function gracefulShutdown(app: FastifyInstance, steps: ShutdownSteps): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= shutdown(app, steps));
}

async function shutdown(app: FastifyInstance, steps: ShutdownSteps): Promise<void> {
  const drain = drains.get(app);
  if (drain) drain.closing = true;
  const open = drain?.inFlight.size ?? 0;
  steps.log.info(
    `正在停止服务：不再接受新连接，等待 ${open} 个进行中的请求（最长 ${steps.graceMs / 1000} 秒）`,
  );
  const timer = setTimeout(() => cutOff(app, drain, steps), steps.graceMs);
  try {
    await app.close(); // stops listening; resolves once the requests in flight are answered
  } finally {
    clearTimeout(timer);
  }
  for (const stop of steps.stoppers) await stop();
  await steps.closeDatabase();
}

/** The grace period is over: whatever still runs gets 503, and the connections are closed. */
function cutOff(app: FastifyInstance, drain: Drain | undefined, steps: ShutdownSteps): void {
  const late = [...(drain?.inFlight ?? [])].filter((r) => !r.sent);
  if (late.length) steps.log.warn(`宽限期已到：${late.length} 个请求未完成，已答复 503`);
  const err = shuttingDown();
  for (const reply of late)
    void reply
      .status(err.status)
      .header('connection', 'close')
      .send({ error: { code: err.code, message: err.message } });
  // Let the 503s go out before the sockets close.
  setImmediate(() => app.server.closeAllConnections());
}
