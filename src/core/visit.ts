/**
 * @module The end of a visit on a shared machine (kiosk reset): every credential the browser holds ends —
 * the session, and each anonymous credential an area registered (a cookie, revoked on the server too, so
 * a copy of the cookie opens nothing either).
 */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from './context.js';

export interface AnonymousCredential {
  cookie: string;
  /** The cookie's path, which clearing must repeat. */
  path: string;
  /** Ends the credential on the server (given the cookie's value or the header the area also reads). */
  revoke(ctx: AppContext, req: FastifyRequest): Promise<void>;
}

const credentials = new Map<string, AnonymousCredential>();

/** Called by an area when it hands out an anonymous credential. */
export function registerAnonymousCredential(c: AnonymousCredential): void {
  credentials.set(c.cookie, c);
}

export function anonymousCredentials(): AnonymousCredential[] {
  return [...credentials.values()];
}
