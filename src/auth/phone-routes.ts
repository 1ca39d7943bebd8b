/** @module Sign-in without a password: SMS one-time codes and WeChat 网页授权 (when configured). */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { API, route } from '../core/http.js';
import {
  loginWithSmsCode,
  loginWithWechat,
  requestSmsCode,
  RESEND_SECONDS,
} from './phone-login.js';
import { SESSION_COOKIE } from './plugin.js';
import { presentMe } from './presenter.js';
import type { OpenedSession } from './service.js';
import { authorizeUrl, openIdForCode, wechatEnabled } from './wechat-oauth.js';

const STATE_COOKIE = 'wx_state';
const Mobile = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, '请输入正确的11位手机号码');
/** Only a path of this site: never `//elsewhere` or a full address (no open redirect). */
const SafeNext = z
  .string()
  .regex(/^\/(?![/\\])[^\s]*$/)
  .max(300)
  .catch('/');

export function phoneLoginRoutes(app: FastifyInstance, ctx: AppContext): void {
  const cookieOpts = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.COOKIE_SECURE,
    path: '/',
  };
  const setSession = (reply: FastifyReply, s: OpenedSession) =>
    reply.setCookie(SESSION_COOKIE, s.sessionToken, {
      ...cookieOpts,
      expires: new Date(s.expiresAt),
    });

  route(app, {
    method: 'GET',
    url: `${API}/auth/providers`,
    summary: '可用的登录方式',
    tags: ['auth'],
    access: 'public',
    handler: () =>
      Promise.resolve({ password: true, sms: true, wechat: wechatEnabled(ctx.config) }),
  });

  route(app, {
    method: 'POST',
    url: `${API}/auth/sms-code`,
    summary: '获取短信登录验证码',
    tags: ['auth'],
    access: 'public',
    body: z.strictObject({ phone: Mobile }),
    rateLimit: ctx.config.LOGIN_RATE_LIMIT_PER_MINUTE,
    csrfExempt: true,
    handler: async ({ body, req }) => {
      await requestSmsCode(ctx, body.phone, req.ip);
      return { sent: true, resendAfterSeconds: RESEND_SECONDS };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/auth/sms-login`,
    summary: '短信验证码登录（首次登录即注册）',
    tags: ['auth'],
    access: 'public',
    body: z.strictObject({ phone: Mobile, code: z.string().regex(/^\d{6}$/, '验证码为6位数字') }),
    rateLimit: ctx.config.LOGIN_RATE_LIMIT_PER_MINUTE,
    csrfExempt: true,
    handler: async ({ body, req, reply }) => {
      const s = await loginWithSmsCode(ctx, body.phone, body.code, req.ip);
      setSession(reply, s);
      return { user: presentMe(s.user) };
    },
  });

  const callbackUrl = (req: FastifyRequest) =>
    `${ctx.config.PUBLIC_BASE_URL ?? `${req.protocol}://${req.host}`}${API}/auth/wechat/callback`;

  route(app, {
    method: 'GET',
    url: `${API}/auth/wechat/start`,
    summary: '微信网页授权登录：跳转到微信',
    tags: ['auth'],
    access: 'public',
    query: z.object({ next: SafeNext.optional() }),
    handler: async ({ query, req, reply }) => {
      if (!wechatEnabled(ctx.config)) throw AppError.of('wechat_login_disabled');
      const state = randomBytes(16).toString('base64url');
      // The state ties WeChat's return to this browser: a forged callback carries no matching cookie.
      reply.setCookie(STATE_COOKIE, `${state}|${query.next ?? '/'}`, {
        ...cookieOpts,
        maxAge: 600,
      });
      return reply.redirect(authorizeUrl(ctx.config, callbackUrl(req), state), 302);
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/auth/wechat/callback`,
    summary: '微信网页授权登录：微信回调',
    tags: ['auth'],
    access: 'public',
    query: z.object({ code: z.string().min(1).max(200), state: z.string().min(1).max(100) }),
    handler: async ({ query, req, reply }) => {
      if (!wechatEnabled(ctx.config)) throw AppError.of('wechat_login_disabled');
      const [state, next = '/'] = (req.cookies[STATE_COOKIE] ?? '').split('|');
      if (!state || state !== query.state) throw AppError.of('wechat_login_failed');
      reply.clearCookie(STATE_COOKIE, { path: '/' });
      const openId = await openIdForCode(ctx.config, query.code);
      setSession(reply, await loginWithWechat(ctx, openId, req.ip));
      return reply.redirect(SafeNext.parse(next), 302);
    },
  });
}
