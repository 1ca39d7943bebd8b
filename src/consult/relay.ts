/**
 * @module Live events across server processes. On PostgreSQL every published event is also sent
 * with NOTIFY, and each other process puts it on its own bus, so a lawyer whose inbox is open on
 * one process sees a question asked (or escalated by the sweep) on another. A message too long for
 * a notification travels as its id and is read back from the database. SQLite: nothing to do.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../core/context.js';
import { MAX_NOTIFY_BYTES, type NotifyChannel } from '../db/notify.js';
import { BUS_EVENT, setRelay, type LiveEvent } from './live.js';
import { liveMessage } from './repository.js';

const CHANNEL = 'open12348_consult';

interface Wire {
  /** Which process (context) sent it, so a process ignores its own events. */
  origin: string;
  ev: LiveEvent;
  /** Set instead of `ev.message` when the message was too long to travel. */
  messageId?: number;
}

type Warn = (msg: string) => void;

/** Starts relaying for `ctx`; resolves with a stop function (a no-op on SQLite). */
export async function startRelay(ctx: AppContext, warn: Warn): Promise<() => Promise<void>> {
  const channel = ctx.data.channel;
  if (!channel) return async () => {};
  const origin = randomUUID();
  const stopListening = await channel.listen(CHANNEL, (payload) => {
    receive(ctx, origin, payload).catch((e: unknown) => warn(`实时事件转发接收失败：${String(e)}`));
  });
  setRelay(ctx, (ev) => {
    send(channel, origin, ev).catch((e: unknown) => warn(`实时事件转发发送失败：${String(e)}`));
  });
  return async () => {
    setRelay(ctx, null);
    await stopListening();
  };
}

async function send(channel: NotifyChannel, origin: string, ev: LiveEvent): Promise<void> {
  let payload = JSON.stringify({ origin, ev } satisfies Wire);
  if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES && ev.message) {
    const { message, ...rest } = ev;
    payload = JSON.stringify({ origin, ev: rest, messageId: message.id } satisfies Wire);
  }
  await channel.notify(CHANNEL, payload);
}

async function receive(ctx: AppContext, origin: string, payload: string): Promise<void> {
  const w = JSON.parse(payload) as Wire;
  if (w.origin === origin) return;
  const ev =
    w.messageId === undefined ? w.ev : { ...w.ev, message: await liveMessage(ctx.db, w.messageId) };
  ctx.bus.emit(BUS_EVENT, ev);
}
