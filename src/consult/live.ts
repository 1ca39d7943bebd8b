/**
 * @module Live delivery (SSE) of consultation events: lawyers' inboxes and a resident's question page.
 * Events travel on `ctx.bus` as `consult:event`; each connection filters them with what it loaded at connect.
 * On PostgreSQL, `relay.ts` carries them to the other server processes as well.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../core/session.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import type { QuestionStage, QuestionStatus } from './tables.js';
import { service, serviceKey } from '../core/services.js';

export const BUS_EVENT = 'consult:event';

export interface LiveEvent {
  type: 'asked' | 'escalated' | 'claimed' | 'message' | 'answered';
  questionId: number;
  communityId: number;
  citizenId: number;
  stage: QuestionStage;
  status: QuestionStatus;
  claimedBy: number | null;
  at: string;
  /** Only for `message`: delivered to the question's own stream, never to inboxes. */
  message?: { id: number; authorKind: string; authorName: string; body: string; createdAt: string };
}

/** Per context, the sender that also hands events to the other server processes (see relay.ts). */
const relay = serviceKey<{ send: ((ev: LiveEvent) => void) | null }>('consult.relay', () => ({
  send: null,
}));

export function setRelay(ctx: AppContext, send: ((ev: LiveEvent) => void) | null): void {
  service(ctx, relay).send = send;
}

/** Delivers an event to this process' streams at once, and to the other processes' through the relay. */
export function publish(ctx: AppContext, ev: LiveEvent): void {
  ctx.bus.emit(BUS_EVENT, ev);
  service(ctx, relay).send?.(ev);
}

export interface InboxViewer {
  user: SessionUser;
  communities: Set<number>;
  inPool: boolean;
}

/** Whether an inbox connection should hear about the event (mirrors the policy's read rule). */
export function inboxSees(v: InboxViewer, ev: LiveEvent): boolean {
  const u = v.user;
  if (u.role === 'admin') return true;
  if (u.role === 'aid_officer') return ev.stage === 'hotline';
  return (
    v.communities.has(ev.communityId) ||
    ev.claimedBy === u.id ||
    (v.inPool && ev.stage === 'pool' && ev.claimedBy === null)
  );
}

/** Open streams per user in this process (the cap of STREAMS_PER_USER). */
const openPerUser = new Map<number, number>();

/**
 * Opens an SSE response on the raw socket for `user`; returns a writer and registers cleanup.
 * @throws 429 `too_many_streams` when the user already holds `limit` open streams.
 */
export function openStream(
  req: FastifyRequest,
  reply: FastifyReply,
  onClose: () => void,
  user: { id: number; limit: number },
): (event: string, data: unknown) => void {
  const held = openPerUser.get(user.id) ?? 0;
  if (held >= user.limit)
    throw AppError.of(
      'too_many_streams',
      `同时打开的实时推送过多（最多 ${user.limit} 个），请关闭其他页面后再试`,
    );
  openPerUser.set(user.id, held + 1);
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');
  // Comments keep proxies from closing an idle stream.
  const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(ping);
    const left = (openPerUser.get(user.id) ?? 1) - 1;
    if (left > 0) openPerUser.set(user.id, left);
    else openPerUser.delete(user.id);
    onClose();
  };
  req.raw.on('close', close);
  res.on('close', close);
  streams.add(res);
  res.on('close', () => streams.delete(res));
  return (event, data) => {
    if (!closed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
}

/** Every open stream, so the server can end them when it shuts down. */
const streams = new Set<import('node:http').ServerResponse>();
export function endAllStreams(): void {
  for (const s of streams) s.end();
  streams.clear();
}

type Counts = Record<string, number>;

/**
 * Subscribes an inbox connection: each visible event is sent at once; counts are recomputed once
 * per user shortly after a burst of events (so 500 tabs of one user cost one query, not 500).
 */
export function subscribeInbox(
  ctx: AppContext,
  viewer: InboxViewer,
  send: (event: string, data: unknown) => void,
  countsOf: (v: InboxViewer) => Promise<Counts>,
): () => void {
  const listener = (ev: LiveEvent) => {
    if (ev.type === 'message' || !inboxSees(viewer, ev)) return;
    send('question', {
      type: ev.type,
      questionId: ev.questionId,
      stage: ev.stage,
      status: ev.status,
      claimedBy: ev.claimedBy,
      at: ev.at,
    });
    scheduleCounts(viewer, send, countsOf);
  };
  ctx.bus.on(BUS_EVENT, listener);
  return () => {
    ctx.bus.off(BUS_EVENT, listener);
    pending.get(viewer.user.id)?.senders.delete(send);
  };
}

const pending = new Map<
  number,
  { timer: NodeJS.Timeout; senders: Set<(e: string, d: unknown) => void> }
>();

function scheduleCounts(
  viewer: InboxViewer,
  send: (event: string, data: unknown) => void,
  countsOf: (v: InboxViewer) => Promise<Counts>,
): void {
  const key = viewer.user.id;
  const p = pending.get(key);
  if (p) {
    p.senders.add(send);
    return;
  }
  const senders = new Set([send]);
  const timer = setTimeout(() => {
    pending.delete(key);
    countsOf(viewer)
      .then((c) => senders.forEach((s) => s('counts', c)))
      .catch(() => undefined);
  }, 200);
  timer.unref();
  pending.set(key, { timer, senders });
}

/** What a question page's stream asks before, and does after, each event it delivers. */
export interface StreamGuard {
  /** Whether the viewer may still read the question (session alive, policy allows): asked per event. */
  allowed(): Promise<boolean>;
  /** Records the delivery in the audit trail before it is sent (no audit row, no delivery). */
  delivered(ev: LiveEvent): Promise<void>;
  /** Ends the stream: access ended, or the check itself failed. */
  end(): void;
}

/**
 * Subscribes a question page: new messages and status changes of that one question. Each event waits
 * for the guard (in order, one at a time); once access has ended the stream says so and closes.
 */
export function subscribeQuestion(
  ctx: AppContext,
  questionId: number,
  send: (event: string, data: unknown) => void,
  guard: StreamGuard,
): () => void {
  let chain = Promise.resolve();
  let over = false;
  const deliver = async (ev: LiveEvent) => {
    if (over) return;
    if (!(await guard.allowed())) {
      over = true;
      send('closed', { reason: 'access_ended' });
      guard.end();
      return;
    }
    await guard.delivered(ev);
    if (ev.type === 'message') send('message', ev.message);
    else send('status', { type: ev.type, stage: ev.stage, status: ev.status, at: ev.at });
  };
  const listener = (ev: LiveEvent) => {
    if (ev.questionId !== questionId) return;
    chain = chain
      .then(() => deliver(ev))
      .catch(() => {
        over = true;
        guard.end();
      });
  };
  ctx.bus.on(BUS_EVENT, listener);
  return () => {
    over = true;
    ctx.bus.off(BUS_EVENT, listener);
  };
}
