/**
 * @module WeChat 网页授权 (snsapi_base): the address that sends a resident to WeChat, and the exchange of
 * the code WeChat sends back for the resident's openid. The API base is configurable so tests run their own.
 */
import type { AppConfig } from '../config/env.js';
import { AppError } from '../core/errors.js';

const AUTHORIZE_URL = 'https://open.weixin.qq.com/connect/oauth2/authorize';

export function wechatEnabled(config: AppConfig): boolean {
  return config.WECHAT_LOGIN && Boolean(config.WECHAT_APPID && config.WECHAT_SECRET);
}

/** Where to send the browser: WeChat asks nothing of the resident with snsapi_base and returns with a code. */
export function authorizeUrl(config: AppConfig, redirectUri: string, state: string): string {
  const q = new URLSearchParams({
    appid: config.WECHAT_APPID ?? '',
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'snsapi_base',
    state,
  });
  return `${AUTHORIZE_URL}?${q}#wechat_redirect`;
}

/** The openid behind the code. @throws 400 `wechat_login_failed` when WeChat refuses it or cannot be reached. */
export async function openIdForCode(config: AppConfig, code: string): Promise<string> {
  const q = new URLSearchParams({
    appid: config.WECHAT_APPID ?? '',
    secret: config.WECHAT_SECRET ?? '',
    code,
    grant_type: 'authorization_code',
  });
  try {
    const res = await fetch(`${config.WECHAT_API_BASE}/sns/oauth2/access_token?${q}`, {
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json()) as { openid?: string; errcode?: number };
    if (typeof body.openid === 'string' && body.openid) return body.openid;
  } catch {
    // Unreachable or not JSON: the resident can only try again.
  }
  throw AppError.of('wechat_login_failed');
}
