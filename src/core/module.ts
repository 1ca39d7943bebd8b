/** @module The shape of a domain area as the app sees it: its migrations, routes and optional background work. */
import type { FastifyInstance } from 'fastify';
import type { Migration } from '../db/migrator.js';
import type { AppContext } from './context.js';

export interface AppModule {
  name: string;
  /** The area's own migrations (its tables); src/migrations.ts runs them after db/'s core ones. */
  migrations?: readonly Migration[];
  /** Registers the area's HTTP routes (under /api/v1). */
  routes(app: FastifyInstance, ctx: AppContext): void | Promise<void>;
  /** Starts background work (timers, sweeps) when the server starts; returns a stopper. Not run in tests unless asked. */
  start?(ctx: AppContext, log: FastifyInstance['log']): (() => void | Promise<void>) | void;
}
