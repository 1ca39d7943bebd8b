/** @module Accounts and sessions: register, login with lock-out, logout, resolve a session cookie. */
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../core/context.js';
import { audit } from '../core/audit.js';
import { AppError, conflict } from '../core/errors.js';
import { nowIso } from '../db/columns.js';
import type { Role } from '../db/core-tables.js';
import { clearAttempts, lockWhenExhausted, reserveAttempt } from './attempts.js';
import { hashPassword, verifyPassword } from './password.js';
import {
  deleteSession,
  findSessionUser,
  findUserByUsername,
  findUserIdByUsername,
  insertSession,
  insertUser,
} from './repository.js';
import type { SessionUser } from './types.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  phone?: string | null;
  idNumber?: string | null;
  agencyId?: number | null;
}

/** Creates an account. @throws 409 `username_taken`. */
export async function createUser(
  ctx: AppContext,
  u: NewUser,
  actor: SessionUser | null = null,
): Promise<number> {
  const existing = await findUserIdByUsername(ctx.db, u.username);
  if (existing) throw conflict('username_taken', '该用户名已被注册');
  if ((u.role === 'aid_officer' || u.role === 'justice_bureau') && !u.agencyId)
    throw AppError.of(
      'agency_required',
      '法律援助工作人员和区司法局工作人员须归属一个法律援助机构',
    );
  const now = nowIso();
  const passwordHash = await hashPassword(u.password);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, {
      username: u.username,
      password_hash: passwordHash,
      role: u.role,
      display_name: u.displayName,
      phone: u.phone ?? null,
      id_number: u.idNumber ?? null,
      agency_id: u.agencyId ?? null,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
    });
    await audit(
      trx,
      {
        actor,
        action: 'create',
        entity: 'user',
        entityId: id,
        detail: { role: u.role },
      },
      ctx.now(),
    );
    return id;
  });
}

const INVALID = () => AppError.of('invalid_credentials', '用户名或密码错误');

/** A real argon2id hash of a random secret, so an unknown name costs the same check as a known one. */
let dummyHash: Promise<string> | null = null;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(18).toString('base64url')));

/**
 * Verifies credentials and opens a session. Each (name, address) pair is locked after repeated failures;
 * the attempt is counted before the password is checked (auth/attempts.ts), and an unknown name gets
 * the same answers, the same cost and the same lock as a known one.
 */
export async function login(
  ctx: AppContext,
  username: string,
  password: string,
  ip: string | null,
): Promise<OpenedSession> {
  const now = ctx.now();
  const from = ip ?? '';
  const limits = {
    maxFailures: ctx.config.LOGIN_MAX_FAILURES,
    lockMinutes: ctx.config.LOGIN_LOCK_MINUTES,
  };
  if (!(await reserveAttempt(ctx.db, username, from, now, limits))) {
    throw AppError.of(
      'account_locked',
      `登录失败次数过多，账户已临时锁定，请于 ${ctx.config.LOGIN_LOCK_MINUTES} 分钟后再试`,
    );
  }
  const user = await findUserByUsername(ctx.db, username);
  if (!(await verifyPassword(user?.password_hash ?? (await dummy()), password)) || !user) {
    const locked = await lockWhenExhausted(ctx.db, username, from, now, limits);
    if (user) {
      await audit(
        ctx.db,
        {
          actor: null,
          action: locked ? 'login_locked' : 'login_failed',
          entity: 'user',
          entityId: user.id,
          ip,
        },
        ctx.now(),
      );
    }
    throw INVALID();
  }
  await clearAttempts(ctx.db, username, from);
  return openSession(ctx, user, ip, 'login');
}

export interface OpenedSession {
  sessionToken: string;
  user: SessionUser;
  expiresAt: string;
}

/** Opens a session for an account that has proved who it is (password, SMS code or WeChat), audited. */
export async function openSession(
  ctx: AppContext,
  user: {
    id: number;
    username: string;
    role: Role;
    display_name: string;
    agency_id: number | null;
    disabled_at: string | null;
  },
  ip: string | null,
  action: 'login' | 'login_sms' | 'login_wechat',
): Promise<OpenedSession> {
  // After the proof (password, code, WeChat), so an account's state is told only to whoever could sign in as it.
  if (user.disabled_at) throw AppError.of('account_disabled');
  const now = ctx.now();
  const sessionToken = token();
  const csrfToken = token();
  const expiresAt = new Date(
    now.getTime() + ctx.config.SESSION_TTL_HOURS * 3_600_000,
  ).toISOString();
  await insertSession(ctx.db, {
    tokenHash: sha256(sessionToken),
    userId: user.id,
    csrfToken,
    expiresAt,
    createdAt: now.toISOString(),
  });
  const su: SessionUser = {
    id: user.id,
    username: user.username,
    role: user.role,
    displayName: user.display_name,
    agencyId: user.agency_id,
    csrfToken,
  };
  await audit(ctx.db, { actor: su, action, entity: 'user', entityId: user.id, ip }, ctx.now());
  return { sessionToken, user: su, expiresAt };
}

export async function logout(ctx: AppContext, sessionToken: string): Promise<void> {
  await deleteSession(ctx.db, sha256(sessionToken));
}

/** The user behind a session cookie, or null when it is unknown or expired. */
export async function resolveSession(
  ctx: AppContext,
  sessionToken: string,
): Promise<SessionUser | null> {
  const row = await findSessionUser(ctx.db, sha256(sessionToken));
  if (!row || row.disabled_at || new Date(row.expires_at) <= ctx.now()) return null;
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    displayName: row.display_name,
    agencyId: row.agency_id,
    csrfToken: row.csrf_token,
  };
}
