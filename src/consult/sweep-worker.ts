/**
 * @module A stand-alone sweeper process, used by the two-process escalation test (and usable by hand):
 * opens DATABASE_URL (optionally a PostgreSQL schema CONSULT_SCHEMA), prints `ready`, waits for `go`
 * on stdin, runs the sweep at the next time of SWEEP_NOW (comma-separated; the real time when unset)
 * in transactions of SWEEP_BATCH questions and prints the result as JSON; one `go` per listed time, so a test can hold processes in step.
 */
import { createInterface } from 'node:readline';
import { parseConfig } from '../config/env.js';
import { createContext } from '../core/context.js';
import { openDatabase, openPostgres } from '../db/connection.js';
import { sweep } from './escalation.js';

const config = parseConfig({ ...process.env, LOG_LEVEL: 'silent' });
const schema = process.env.CONSULT_SCHEMA;
const data = schema ? openPostgres(config.DATABASE_URL, schema) : openDatabase(config.DATABASE_URL);
const times = (process.env.SWEEP_NOW ?? '').split(',').filter(Boolean);
let now = times[0];
const ctx = createContext(config, data, () => (now ? new Date(now) : new Date()));
// warm the pool so both processes start sweeping at the same moment
await data.db.selectFrom('consult_settings').select('id').execute();
process.stdout.write('ready\n');
const rl = createInterface({ input: process.stdin });
const lines = rl[Symbol.asyncIterator]();
try {
  for (const t of times.length ? times : [undefined]) {
    for (;;) {
      const next = await lines.next();
      if (next.done) throw new Error('stdin closed before go');
      if (next.value.trim() === 'go') break;
    }
    now = t;
    const r = await sweep(ctx, Number(process.env.SWEEP_BATCH ?? 500));
    process.stdout.write(
      `${JSON.stringify({ toPool: r.toPool.length, toHotline: r.toHotline.length })}\n`,
    );
  }
} finally {
  rl.close();
  await data.close();
}
