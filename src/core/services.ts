/**
 * @module The services an area builds once per context (the search engine, the QA dependencies, the live
 * relay…), kept in one visible registry on the context instead of module-level caches. A key names the
 * service and how to build it; the first `service()` call builds it, `provide()` puts another in its place
 * (a server wiring another engine, a test of a failure path).
 */
import type { AppContext } from './context.js';

export interface ServiceKey<T> {
  readonly name: string;
  build(ctx: AppContext): T;
}

/** A typed key for a per-context service built by `build`. */
export const serviceKey = <T>(name: string, build: (ctx: AppContext) => T): ServiceKey<T> => ({
  name,
  build,
});

/** This context's instance of the service, built on first use. */
export function service<T>(ctx: AppContext, key: ServiceKey<T>): T {
  if (ctx.services.has(key.name)) return ctx.services.get(key.name) as T;
  const built = key.build(ctx);
  ctx.services.set(key.name, built);
  return built;
}

/** Puts `value` in the service's place for this context. */
export function provide<T>(ctx: AppContext, key: ServiceKey<T>, value: T): void {
  ctx.services.set(key.name, value);
}
