/** @module The application context handed to every module: config, database, event bus, clock. */
import { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../config/env.js';
import type { DataLayer, Dialect } from '../db/connection.js';
import type { Database } from '../db/schema.js';

export interface AppContext {
  config: AppConfig;
  data: DataLayer;
  db: Kysely<Database>;
  dialect: Dialect;
  /** In-process events between modules (e.g. `laws:imported`, `consult:question`). */
  bus: EventEmitter;
  /** The clock; tests replace it to move time. */
  now: () => Date;
  /** Per-context services by name (core/services.ts): built once, visible in one place. */
  services: Map<string, unknown>;
}

export function createContext(
  config: AppConfig,
  data: DataLayer,
  now: () => Date = () => new Date(),
): AppContext {
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  return { config, data, db: data.db, dialect: data.dialect, bus, now, services: new Map() };
}
