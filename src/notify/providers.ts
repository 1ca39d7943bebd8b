/**
 * @module Delivery providers, one per channel, chosen by configuration: the log (the default: nothing
 * leaves the machine), an SMS gateway over HTTP, and WeChat 公众号 template messages. A provider says
 * whether a failure is worth retrying; the outbox decides when.
 */
import type { AppConfig } from '../config/env.js';
import { maskMobile } from '../core/pii.js';
import type { OutboxRow } from './repository.js';
import type { NotifyChannel } from './tables.js';

export type SendResult = { ok: true } | { ok: false; retry: boolean; error: string };

export interface Provider {
  readonly name: string;
  send(row: OutboxRow): Promise<SendResult>;
}

type Log = (entry: Record<string, unknown>, msg: string) => void;

const TIMEOUT_MS = 10_000;

/** Writes what would be sent to the log, the address masked and the body left out. */
export function logProvider(channel: NotifyChannel, log: Log): Provider {
  return {
    name: `log-${channel}`,
    send(row) {
      log(
        {
          outboxId: row.id,
          kind: row.kind,
          channel,
          to: row.address ? maskAddress(row.address) : null,
        },
        `通知（仅记录日志）：${row.title}`,
      );
      return Promise.resolve({ ok: true });
    },
  };
}

const maskAddress = (a: string) =>
  /^1\d{10}$/.test(a) ? (maskMobile(a) ?? a) : `${a.slice(0, 4)}…`;

/**
 * An SMS gateway taking `POST {to, text, id}` as JSON with a bearer token. The outbox id travels as an
 * idempotency key, so a gateway that dedupes never sends twice after a lease ran out mid-request.
 */
export function httpSmsProvider(url: string, token: string | undefined, sign: string): Provider {
  return {
    name: 'http-sms',
    async send(row) {
      if (!row.address) return { ok: false, retry: false, error: '无手机号' };
      const id = `outbox-${row.id}`;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': id,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ to: row.address, text: `【${sign}】${row.body}`, id }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await res.body?.cancel();
        if (res.ok) return { ok: true };
        // 4xx is the message's fault (bad number, refused content): retrying will not help, except 429.
        const retry = res.status >= 500 || res.status === 429;
        return { ok: false, retry, error: `短信网关返回 ${res.status}` };
      } catch (err) {
        return { ok: false, retry: true, error: `短信网关不可达：${(err as Error).message}` };
      }
    },
  };
}

interface WechatToken {
  value: string;
  expiresAt: number;
}

/** WeChat's answers that mean the access token is no longer good. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** Answers that no retry will change: the user unfollowed, refused, or the openid is unknown. */
const PERMANENT_ERRORS = new Set([40003, 43004, 43101]);

/** 公众号 template messages: one template whose fields carry the title, the body and the time. */
export function wechatProvider(cfg: {
  base: string;
  appId: string;
  secret: string;
  templateId: string;
  publicUrl?: string | undefined;
}): Provider {
  let token: WechatToken | null = null;
  const fetchToken = async (): Promise<string> => {
    if (token && token.expiresAt > Date.now()) return token.value;
    const q = new URLSearchParams({
      grant_type: 'client_credential',
      appid: cfg.appId,
      secret: cfg.secret,
    });
    const res = await fetch(`${cfg.base}/cgi-bin/token?${q}`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = (await res.json()) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
    };
    if (!body.access_token)
      throw new Error(`获取 access_token 失败（${body.errcode ?? res.status}）`);
    // Renewed a minute early: a token that expires in flight costs one failed send.
    token = {
      value: body.access_token,
      expiresAt: Date.now() + ((body.expires_in ?? 7200) - 60) * 1000,
    };
    return token.value;
  };
  return {
    name: 'wechat',
    async send(row) {
      if (!row.address) return { ok: false, retry: false, error: '无 openid' };
      try {
        const access = await fetchToken();
        const res = await fetch(
          `${cfg.base}/cgi-bin/message/template/send?access_token=${encodeURIComponent(access)}`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              touser: row.address,
              template_id: cfg.templateId,
              ...(cfg.publicUrl ? { url: cfg.publicUrl } : {}),
              data: {
                first: { value: row.title },
                keyword1: { value: row.body },
                keyword2: { value: row.created_at.slice(0, 16).replace('T', ' ') },
              },
            }),
            signal: AbortSignal.timeout(TIMEOUT_MS),
          },
        );
        const body = (await res.json()) as { errcode?: number; errmsg?: string };
        if (body.errcode === 0) return { ok: true };
        const code = body.errcode ?? res.status;
        if (TOKEN_ERRORS.has(code)) token = null;
        return {
          ok: false,
          retry: !PERMANENT_ERRORS.has(code),
          error: `微信返回 ${code} ${body.errmsg ?? ''}`.trim(),
        };
      } catch (err) {
        return { ok: false, retry: true, error: `微信接口不可达：${(err as Error).message}` };
      }
    },
  };
}

/** The provider of each outgoing channel, as configured. */
export function providersFor(config: AppConfig, log: Log): Record<'sms' | 'wechat', Provider> {
  const sms =
    config.NOTIFY_SMS_PROVIDER === 'http' && config.NOTIFY_SMS_URL
      ? httpSmsProvider(config.NOTIFY_SMS_URL, config.NOTIFY_SMS_TOKEN, config.NOTIFY_SMS_SIGN)
      : logProvider('sms', log);
  const wechat =
    config.NOTIFY_WECHAT_PROVIDER === 'wechat' &&
    config.WECHAT_APPID &&
    config.WECHAT_SECRET &&
    config.WECHAT_TEMPLATE_ID
      ? wechatProvider({
          base: config.WECHAT_API_BASE,
          appId: config.WECHAT_APPID,
          secret: config.WECHAT_SECRET,
          templateId: config.WECHAT_TEMPLATE_ID,
          publicUrl: config.PUBLIC_BASE_URL,
        })
      : logProvider('wechat', log);
  return { sms, wechat };
}
