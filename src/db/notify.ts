/**
 * @module Cross-process notifications on PostgreSQL (LISTEN/NOTIFY): several server processes on one
 * database hear each other's events. One dedicated connection per process listens; it reconnects
 * after a drop. Channel names carry the schema, so test schemas in one database never cross-talk.
 * SQLite is one process by design and has no channel.
 */
import pg from 'pg';

export interface NotifyChannel {
  /** Sends a payload (at most ~7,900 bytes: PostgreSQL refuses 8,000 and more). */
  notify(channel: string, payload: string): Promise<void>;
  /** Calls `onPayload` for every notification on `channel`; resolves once listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}

/** The longest payload `notify` sends (PostgreSQL's limit is 8,000 bytes). */
export const MAX_NOTIFY_BYTES = 7900;

const RECONNECT_MS = 1000;

export function postgresChannel(url: string, pool: pg.Pool, schema?: string): NotifyChannel {
  const name = (channel: string) => `${channel}__${schema ?? 'public'}`.slice(0, 63);
  return {
    async notify(channel, payload) {
      if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES)
        throw new Error(`notification payload over ${MAX_NOTIFY_BYTES} bytes`);
      await pool.query('SELECT pg_notify($1, $2)', [name(channel), payload]);
    },
    async listen(channel, onPayload) {
      const ident = name(channel).replace(/"/g, '""');
      let client: pg.Client | null = null;
      let stopped = false;
      let retry: NodeJS.Timeout | null = null;
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString: url });
        c.on('notification', (m) => {
          if (m.channel === name(channel) && m.payload !== undefined) onPayload(m.payload);
        });
        const reconnect = () => {
          if (stopped || client !== c) return;
          client = null;
          retry = setTimeout(() => void connect().catch(reconnect), RECONNECT_MS);
          retry.unref();
        };
        c.on('error', reconnect);
        c.on('end', reconnect);
        client = c;
        await c.connect();
        await c.query(`LISTEN "${ident}"`);
      };
      await connect();
      return async () => {
        stopped = true;
        if (retry) clearTimeout(retry);
        const c = client;
        client = null;
        await c?.end().catch(() => undefined);
      };
    },
  };
}
