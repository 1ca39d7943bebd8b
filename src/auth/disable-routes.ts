/** @module Administrators disable and re-enable accounts (离职、借调的工作人员): no sign-in, sessions ended. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/context.js';
import { API, route } from '../core/http.js';
import { IdParams } from '../core/schemas.js';
import { setAccountDisabled } from './disable.js';

const ReasonBody = z.strictObject({ reason: z.string().trim().max(200).optional() });

export function disableRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    route(app, {
      method: 'POST',
      url: `${API}/admin/users/:id/${action}`,
      summary: disabled ? '停用账户（不能登录，已登录的会话立即失效）' : '恢复已停用的账户',
      tags: ['auth'],
      access: ['admin'],
      params: IdParams,
      body: ReasonBody,
      handler: async ({ params, body, user, req }) => {
        await setAccountDisabled(ctx, user, params.id, disabled, body.reason ?? null, req.ip);
        return { ok: true };
      },
    });
  }
}
