/** @module The start check: a server must not start on a database it cannot write (read-only file, full disk, standby). */
import type { DataLayer } from './connection.js';

/** Raised at start when the database refuses a write; the message says why and where. */
export class DatabaseNotWritable extends Error {
  constructor(
    readonly fault: string,
    detail: string,
    location: string,
  ) {
    super(`数据库不可写（${fault}）：${location}：${detail}`);
    this.name = 'DatabaseNotWritable';
  }
}

/** @throws DatabaseNotWritable when a rolled-back probe write fails. */
export async function assertWritable(data: DataLayer): Promise<void> {
  const p = await data.probe();
  if (!p.ok) throw new DatabaseNotWritable(p.fault, p.error, data.location);
}
