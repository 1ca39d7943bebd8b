/** @module One typed configuration, parsed once at boot from the environment (and an optional .env). */
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

function defaultLawsDir(): string {
  const shared = path.resolve(process.cwd(), '../shared/laws');
  if (existsSync(shared)) return shared;
  return path.resolve(process.cwd(), 'data/laws');
}

/** proxy-addr's named ranges, accepted beside addresses and CIDR blocks. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [addr = '', prefix, ...rest] = entry.split('/');
  const family = isIP(addr);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Addresses whose X-Forwarded-For is believed (comma-separated IPs, CIDR blocks or proxy-addr's names).
 * Empty by default: the socket's address is the client's, so a client cannot pick its own IP.
 */
const TrustedProxies = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((list) => list.every(isProxyEntry), {
    message: '须为逗号分隔的 IP 地址或 CIDR 网段（如 127.0.0.1,10.0.0.0/8）',
  });

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  TRUSTED_PROXIES: TrustedProxies.default([]),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:|file:)/, '须为 postgres://… 或 sqlite:<文件路径>')
    .default('sqlite:data/open12348.db'),
  LAWS_DIR: z.string().min(1).optional(),
  IMPORT_ON_START: boolish.default(true),
  /** Seed 示例数据 at start and show a 演示模式 banner on every page (`npm run demo`). */
  DEMO_MODE: boolish.default(false),
  /** The search's second stage (better ranking, ≈ 5 ms more CPU per search); off trades quality for throughput. */
  SEARCH_SECOND_STAGE: boolish.default(true),
  /** Where the built search index is kept between starts (`off`: rebuilt on every start). */
  /**
   * Search threads sharing one copy of the index (0: searches run on the main thread). Default
   * min(2, cores − 1), and 0 under NODE_ENV=test (the pool's own tests ask for it).
   */
  SEARCH_WORKERS: z.coerce.number().int('须为整数').min(0).max(16).optional(),
  SEARCH_INDEX_FILE: z
    .string()
    .default('data/search-index.bin')
    .transform((v) => (v === 'off' ? null : v)),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(24 * 7),
  COOKIE_SECURE: boolish.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Per-IP limit on PDF renders (法律意见书, 援助决定书), each up to seconds of CPU. */
  PDF_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  UPLOAD_DIR: z.string().min(1).default('data/uploads'),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1_048_576),
  /** Bytes one account may upload in all (aid materials and consultation images together). */
  UPLOAD_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(200 * 1_048_576),
  /** Legal-aid applications one account may file per (UTC) day. */
  AID_APPLICATIONS_PER_DAY: z.coerce.number().int().min(1).default(5),
  /** Notary bookings one account may make per (UTC) day. */
  NOTARY_BOOKINGS_PER_DAY: z.coerce.number().int().min(1).default(5),
  /** Anonymous 智能问答 questions (turns) stored per client address per (UTC) day. */
  QA_ANON_QUESTIONS_PER_DAY: z.coerce.number().int().min(1).default(300),
  /** Days an anonymous conversation is kept after its last question; a sweep deletes older ones. */
  QA_ANON_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /** Live streams (SSE) one account may hold open at once in one server process. */
  STREAMS_PER_USER: z.coerce.number().int().min(1).max(1000).default(10),
  KIOSK_IDLE_SECONDS: z.coerce.number().int().min(10).default(120),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where citizens reach the site (QR links in letters); unset: the address of the request. */
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_BASE_URL 须为 http(s):// 开头的网址' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** SMS: `log` writes each message to the log only; `http` posts it to NOTIFY_SMS_URL (an SMS gateway). */
  NOTIFY_SMS_PROVIDER: z.enum(['log', 'http']).default('log'),
  NOTIFY_SMS_URL: z
    .url({ protocol: /^https?$/, error: 'NOTIFY_SMS_URL 须为 http(s):// 开头的网址' })
    .optional(),
  NOTIFY_SMS_TOKEN: z.string().optional(),
  /** The 短信签名 put before every SMS. */
  NOTIFY_SMS_SIGN: z.string().min(1).max(20).default('12348法律服务'),
  /** WeChat: `log` writes template messages to the log; `wechat` sends them through the 公众号 API. */
  NOTIFY_WECHAT_PROVIDER: z.enum(['log', 'wechat']).default('log'),
  WECHAT_APPID: z.string().optional(),
  WECHAT_SECRET: z.string().optional(),
  WECHAT_TEMPLATE_ID: z.string().optional(),
  /** The 公众号 API's address (a test points it at a server of its own). */
  WECHAT_API_BASE: z
    .url({ protocol: /^https?$/, error: 'WECHAT_API_BASE 须为 http(s):// 开头的网址' })
    .transform((u) => u.replace(/\/+$/, ''))
    .default('https://api.weixin.qq.com'),
  /** WeChat 网页授权 sign-in (snsapi_base) for residents arriving from the 公众号 menu. */
  WECHAT_LOGIN: boolish.default(false),
  /** Hours (China time) when SMS and WeChat messages wait, unless urgent: `HH:MM-HH:MM` or `off`. */
  NOTIFY_QUIET_HOURS: z
    .string()
    .regex(
      /^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/,
      '须为 HH:MM-HH:MM（如 22:00-08:00）或 off',
    )
    .default('22:00-08:00'),
  /** Attempts per message before it is marked failed. */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  NOTIFY_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** SMS sign-in codes one phone number may request per hour. */
  SMS_CODES_PER_HOUR: z.coerce.number().int().min(1).max(100).default(5),
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before they get 503 and the process exits. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(20),
});

export type AppConfig = Omit<z.infer<typeof EnvSchema>, 'LAWS_DIR' | 'SEARCH_WORKERS'> & {
  LAWS_DIR: string;
  SEARCH_WORKERS: number;
};

/**
 * Search threads when SEARCH_WORKERS is unset: one a core, at most 4 (tests use none). A search costs
 * several times the main thread's HTTP work for it, so keeping a core for the main thread left a core
 * half idle (bench http, 2 cores: 1 thread 154 answers/s, 2 threads 300).
 */
function defaultSearchWorkers(env: string): number {
  return env === 'test' ? 0 : Math.min(4, availableParallelism());
}

/** A provider that is switched on needs its address and credentials; say which is missing at boot. */
function requireProviderSettings(c: z.infer<typeof EnvSchema>, ctx: z.RefinementCtx): void {
  const need = (cond: boolean, key: string, why: string) => {
    if (cond) ctx.addIssue({ code: 'custom', path: [key], message: why });
  };
  need(
    c.NOTIFY_SMS_PROVIDER === 'http' && !c.NOTIFY_SMS_URL,
    'NOTIFY_SMS_URL',
    'NOTIFY_SMS_PROVIDER=http 时必须设置',
  );
  const wechat = c.NOTIFY_WECHAT_PROVIDER === 'wechat' || c.WECHAT_LOGIN;
  need(wechat && !c.WECHAT_APPID, 'WECHAT_APPID', '启用微信消息或微信登录时必须设置');
  need(wechat && !c.WECHAT_SECRET, 'WECHAT_SECRET', '启用微信消息或微信登录时必须设置');
  need(
    c.NOTIFY_WECHAT_PROVIDER === 'wechat' && !c.WECHAT_TEMPLATE_ID,
    'WECHAT_TEMPLATE_ID',
    'NOTIFY_WECHAT_PROVIDER=wechat 时必须设置',
  );
}

/** Thrown when a variable is malformed; the message names the variable. */
export class ConfigError extends Error {}

/**
 * Parses the environment into the typed config.
 * @throws ConfigError naming each bad variable.
 */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = EnvSchema.superRefine(requireProviderSettings).safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 (invalid configuration):\n${lines.join('\n')}`);
  }
  return {
    ...result.data,
    LAWS_DIR: result.data.LAWS_DIR ?? defaultLawsDir(),
    SEARCH_WORKERS: result.data.SEARCH_WORKERS ?? defaultSearchWorkers(result.data.NODE_ENV),
  };
}

/** Loads `.env` (when present) into process.env without overriding real variables. */
export async function loadDotEnv(): Promise<void> {
  if (!existsSync('.env')) return;
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
}
