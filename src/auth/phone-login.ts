/**
 * @module Sign-in without a password: a one-time code by SMS (through the notification outbox), or a
 * WeChat openid. Either signs in the citizen account of that number or identity, making one on first
 * use. Staff accounts sign in with their password only. Requests are limited per number and address by
 * the database (core/quota.ts), codes are kept hashed, expire, and are spent on use or after wrong tries.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { isValidMobile } from '../core/pii.js';
import { consumeQuota } from '../core/quota.js';
import { enqueueNotification, QUEUED_EVENT } from '../notify/index.js';
import { hashPassword } from './password.js';
import { citizensByPhone, findUserIdByIdentity, linkIdentity } from './identities.js';
import { findUser, findUserIdByUsername, insertUser } from './repository.js';
import { openSession, type OpenedSession } from './service.js';
import { countFailure, insertCode, latestLiveCode, spendCode } from './sms-codes.js';

const CODE_TTL_MS = 5 * 60_000;
const MAX_FAILURES = 5;
export const RESEND_SECONDS = 60;

const hashCode = (salt: string, phone: string, code: string) =>
  `${salt}$${createHash('sha256').update(`${salt}:${phone}:${code}`).digest('hex')}`;

function codeMatches(stored: string, phone: string, code: string): boolean {
  const [salt = ''] = stored.split('$');
  const a = Buffer.from(hashCode(salt, phone, code));
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

const hourOf = (now: Date) => now.toISOString().slice(0, 13);
const minuteOf = (now: Date) => now.toISOString().slice(0, 16);

/**
 * Sends a code to the number. The answer is the same whether or not an account has it, so the request
 * reveals nothing about who uses the platform.
 * @throws 400 `invalid_mobile`; 429 `quota_exceeded` within a minute of the last code or past the hourly limit.
 */
export async function requestSmsCode(
  ctx: AppContext,
  phone: string,
  ip: string | null,
): Promise<void> {
  if (!isValidMobile(phone)) throw AppError.of('invalid_mobile', '请输入正确的11位手机号码');
  const now = ctx.now();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.db.transaction().execute(async (trx) => {
    await consumeQuota(
      trx,
      { subject: `phone:${phone}`, kind: 'sms_codes', period: minuteOf(now), amount: 1, limit: 1 },
      `验证码已发送，请 ${RESEND_SECONDS} 秒后再试`,
    );
    const hourly = ctx.config.SMS_CODES_PER_HOUR;
    await consumeQuota(
      trx,
      {
        subject: `phone:${phone}`,
        kind: 'sms_codes',
        period: hourOf(now),
        amount: 1,
        limit: hourly,
      },
      '该号码获取验证码次数过多，请一小时后再试',
    );
    await consumeQuota(
      trx,
      {
        subject: `ip:${ip ?? ''}`,
        kind: 'sms_codes',
        period: hourOf(now),
        amount: 1,
        limit: hourly * 4,
      },
      '获取验证码次数过多，请一小时后再试',
    );
    await insertCode(trx, {
      phone,
      codeHash: hashCode(randomBytes(8).toString('hex'), phone, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
      ip,
      createdAt: now.toISOString(),
    });
    await enqueueNotification(
      trx,
      {
        kind: 'auth.sms_code',
        phone,
        title: '登录验证码',
        body: `您的登录验证码为 ${code}，5分钟内有效。如非本人操作，请忽略本短信。`,
        refType: 'auth_sms_code',
        refId: `${phone}:${now.toISOString()}`,
        urgent: true,
        sensitive: true,
      },
      now,
    );
  });
  ctx.bus.emit(QUEUED_EVENT);
}

const INVALID_CODE = () => AppError.of('sms_code_invalid', '验证码错误或已过期，请重新获取');

/** Signs in with the code sent to the number. @throws 400 `sms_code_invalid`. */
export async function loginWithSmsCode(
  ctx: AppContext,
  phone: string,
  code: string,
  ip: string | null,
): Promise<OpenedSession> {
  const now = ctx.now().toISOString();
  const live = await latestLiveCode(ctx.db, phone, now, MAX_FAILURES);
  if (!live) throw INVALID_CODE();
  if (!codeMatches(live.code_hash, phone, code)) {
    await countFailure(ctx.db, live.id);
    throw INVALID_CODE();
  }
  if (!(await spendCode(ctx.db, live.id, now))) throw INVALID_CODE();
  const [existing] = await citizensByPhone(ctx.db, phone);
  const userId =
    existing?.id ?? (await createCitizen(ctx, `m${phone}`, `用户${phone.slice(-4)}`, phone));
  return openSessionFor(ctx, userId, ip, 'login_sms');
}

/** Signs in the account tied to the WeChat openid, making a citizen account on first use. */
export async function loginWithWechat(
  ctx: AppContext,
  openId: string,
  ip: string | null,
): Promise<OpenedSession> {
  let userId = await findUserIdByIdentity(ctx.db, 'wechat', openId);
  if (!userId) {
    const id = await createCitizen(
      ctx,
      `wx${createHash('sha256').update(openId).digest('hex').slice(0, 12)}`,
      '微信用户',
      null,
    );
    try {
      await linkIdentity(ctx.db, id, 'wechat', openId, ctx.now().toISOString());
      userId = id;
    } catch {
      // The same openid signed in twice at once: the other request's link won; use its account.
      userId = await findUserIdByIdentity(ctx.db, 'wechat', openId);
      if (!userId) throw AppError.of('wechat_login_failed');
    }
  }
  return openSessionFor(ctx, userId, ip, 'login_wechat');
}

async function openSessionFor(
  ctx: AppContext,
  userId: number,
  ip: string | null,
  action: 'login_sms' | 'login_wechat',
): Promise<OpenedSession> {
  const user = await findUser(ctx.db, userId);
  if (!user) throw INVALID_CODE();
  return openSession(ctx, user, ip, action);
}

/** A citizen account with an unusable random password (it can set one later) and a free username. */
async function createCitizen(
  ctx: AppContext,
  base: string,
  name: string,
  phone: string | null,
): Promise<number> {
  let username = base;
  while (await findUserIdByUsername(ctx.db, username))
    username = `${base}_${randomBytes(2).toString('hex')}`;
  const now = ctx.now().toISOString();
  return insertUser(ctx.db, {
    username,
    password_hash: await hashPassword(randomBytes(24).toString('base64url')),
    role: 'citizen',
    display_name: name,
    phone,
    id_number: null,
    agency_id: null,
    failed_logins: 0,
    locked_until: null,
    created_at: now,
    updated_at: now,
  });
}
