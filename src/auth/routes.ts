/** @module Auth endpoints: register, login, logout, me; staff accounts by administrators. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/context.js';
import { API, route } from '../core/http.js';
import { AppError, notFound } from '../core/errors.js';
import { IdParams, Pagination } from '../core/schemas.js';
import { audit } from '../core/audit.js';
import { anonymousCredentials } from '../core/visit.js';
import { authorize } from '../core/policy.js';
import { lockedUsernames, unlockUsername } from './attempts.js';
import { agencyPolicy, userPolicy } from './policy.js';
import { SESSION_COOKIE } from './plugin.js';
import { presentMe, presentUserListItem } from './presenter.js';
import {
  findAgencyId,
  findUser,
  findUsername,
  listAgencyStaff,
  listAllAgencies,
  listUsersPage,
} from './repository.js';
import { CreateStaffSchema, LoginSchema, RegisterSchema } from './schema.js';
import { createUser, login, logout } from './service.js';
import type { Role } from './types.js';

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const cookieOpts = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.COOKIE_SECURE,
    path: '/',
  };

  route(app, {
    method: 'POST',
    url: `${API}/auth/register`,
    summary: '群众注册',
    tags: ['auth'],
    access: 'public',
    body: RegisterSchema,
    rateLimit: 20,
    handler: async ({ body }) => {
      const id = await createUser(ctx, { ...body, role: 'citizen' });
      return { id };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/auth/login`,
    summary: '登录',
    tags: ['auth'],
    access: 'public',
    body: LoginSchema,
    rateLimit: ctx.config.LOGIN_RATE_LIMIT_PER_MINUTE,
    csrfExempt: true,
    handler: async ({ body, req, reply }) => {
      const r = await login(ctx, body.username, body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, r.sessionToken, {
        ...cookieOpts,
        expires: new Date(r.expiresAt),
      });
      return { user: presentMe(r.user) };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/auth/logout`,
    summary: '退出登录',
    tags: ['auth'],
    access: 'user',
    handler: async ({ req, reply }) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/auth/end-visit`,
    summary: '结束本次使用（自助终端重置：退出登录并作废匿名凭据）',
    tags: ['auth'],
    access: 'public',
    handler: async ({ req, reply, user }) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const ended: string[] = [];
      for (const c of anonymousCredentials()) {
        if (req.cookies[c.cookie] !== undefined) ended.push(c.cookie);
        await c.revoke(ctx, req);
        reply.clearCookie(c.cookie, { path: c.path });
      }
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'end_visit',
          entity: 'session',
          detail: { anonymous: ended },
          ip: req.ip,
        },
        ctx.now(),
      );
      return { ok: true };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/auth/me`,
    summary: '当前用户',
    tags: ['auth'],
    access: 'public',
    // Anonymous is an answer, not an error: every page asks on load, and a 401 there was a console error.
    handler: ({ user }) => Promise.resolve({ user: user ? presentMe(user) : null }),
  });

  route(app, {
    method: 'POST',
    url: `${API}/admin/users`,
    summary: '创建工作人员账户',
    tags: ['auth'],
    access: ['admin'],
    body: CreateStaffSchema,
    handler: async ({ body, user }) => {
      if (body.agencyId) {
        const agency = await findAgencyId(ctx.db, body.agencyId);
        if (!agency) throw AppError.of('agency_not_found', '指定的法律援助机构不存在');
      }
      const id = await createUser(ctx, { ...body, role: body.role as Role }, user);
      return { id };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/admin/users`,
    summary: '账户列表',
    tags: ['auth'],
    access: ['admin'],
    query: z.strictObject({ ...Pagination, role: z.string().optional() }),
    handler: async ({ query }) => {
      const rows = await listUsersPage(ctx.db, {
        ...(query.role ? { role: query.role as Role } : {}),
        page: query.page,
        pageSize: query.pageSize,
      });
      const locked = await lockedUsernames(
        ctx.db,
        rows.map((r) => r.username),
        ctx.now(),
      );
      return { items: rows.map((r) => presentUserListItem(r, locked.has(r.username))) };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/admin/users/:id/unlock`,
    summary: '解除登录锁定',
    tags: ['auth'],
    access: ['admin'],
    params: IdParams,
    handler: async ({ user, params, req }) => {
      const row = await findUsername(ctx.db, params.id);
      if (!row) throw notFound('账户');
      const unlocked = await unlockUsername(ctx.db, row.username, ctx.now());
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'unlock',
          entity: 'user',
          entityId: row.id,
          detail: { locks: unlocked },
          ip: req.ip,
        },
        ctx.now(),
      );
      return { unlocked };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/agencies`,
    summary: '法律援助机构列表',
    tags: ['auth'],
    access: 'public',
    handler: async () => ({
      items: await listAllAgencies(ctx.db),
    }),
  });
}

/** Profile and agency-staff endpoints: personal data is shown in full only to its owner and admins, and each read is audited. */
export function profileRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/users/:id`,
    summary: '用户资料',
    tags: ['auth'],
    access: 'user',
    params: IdParams,
    handler: async ({ user, params, req }) => {
      const row = await findUser(ctx.db, params.id);
      authorize(userPolicy, user, 'read', row ? { id: row.id, agencyId: row.agency_id } : null);
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'read_personal_data',
          entity: 'user',
          entityId: params.id,
          ip: req.ip,
        },
        ctx.now(),
      );
      return {
        user: { ...presentUserListItem(row!), phone: row!.phone, idNumber: row!.id_number },
      };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/agencies/:id/staff`,
    summary: '机构工作人员',
    tags: ['auth'],
    access: ['aid_officer', 'admin'],
    params: IdParams,
    handler: async ({ user, params }) => {
      const agency = await findAgencyId(ctx.db, params.id);
      authorize(agencyPolicy, user, 'manage', agency);
      const rows = await listAgencyStaff(ctx.db, params.id);
      return { items: rows.map((r) => presentUserListItem(r)) };
    },
  });
}
