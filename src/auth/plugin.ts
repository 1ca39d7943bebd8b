/** @module Attaches the session user (if any) to every request. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context.js';
import { resolveSession } from './service.js';

export const SESSION_COOKIE = 'sid';

export function installSessionResolver(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('user', null);
  app.decorateRequest('cookieAuth', false);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const user = await resolveSession(ctx, token);
    req.user = user;
    req.cookieAuth = user !== null;
  });
}
