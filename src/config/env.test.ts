import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { ConfigError, parseConfig } from './env.js';

describe('parseConfig', () => {
  it('gives the embedded defaults', () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(8080);
    expect(c.DATABASE_URL).toBe('sqlite:data/open12348.db');
    expect(c.LAWS_DIR.length).toBeGreaterThan(0);
  });
  it('refuses a bad value and names the variable', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ LLM_BASE_URL: 'not a url' })).toThrow(/LLM_BASE_URL/);
  });
  it('reads PostgreSQL URLs', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/x' }).DATABASE_URL).toMatch(
      /^postgres/,
    );
  });
});

describe('TRUSTED_PROXIES', () => {
  it('trusts no proxy by default', () => {
    expect(parseConfig({}).TRUSTED_PROXIES).toEqual([]);
  });
  it('reads addresses, CIDR blocks and proxy-addr names', () => {
    expect(
      parseConfig({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' })
        .TRUSTED_PROXIES,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
  });
  it('refuses what is not an address', () => {
    for (const bad of ['*', 'true', '10.0.0.0/33', '300.1.1.1', 'example.com', '10.0.0.0/8/1']) {
      expect(() => parseConfig({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
    }
  });
});

describe('abuse limits', () => {
  it('has defaults and refuses nonsense', () => {
    const c = parseConfig({});
    expect([c.STREAMS_PER_USER, c.AID_APPLICATIONS_PER_DAY, c.QA_ANON_RETENTION_DAYS]).toEqual([
      10, 5, 30,
    ]);
    for (const [k, v] of [
      ['STREAMS_PER_USER', '0'],
      ['UPLOAD_QUOTA_BYTES', 'lots'],
      ['QA_ANON_RETENTION_DAYS', '-1'],
      ['PDF_RATE_LIMIT_PER_MINUTE', '1.5'],
    ] as const)
      expect(() => parseConfig({ [k]: v })).toThrow(new RegExp(k));
  });
});

describe('notification providers', () => {
  it('send to the log by default and refuse a provider switched on without its settings, naming them', () => {
    const c = parseConfig({});
    expect([c.NOTIFY_SMS_PROVIDER, c.NOTIFY_WECHAT_PROVIDER, c.NOTIFY_QUIET_HOURS]).toEqual([
      'log',
      'log',
      '22:00-08:00',
    ]);
    expect(() => parseConfig({ NOTIFY_SMS_PROVIDER: 'http' })).toThrow(/NOTIFY_SMS_URL/);
    expect(() =>
      parseConfig({ NOTIFY_WECHAT_PROVIDER: 'wechat', WECHAT_APPID: 'a', WECHAT_SECRET: 's' }),
    ).toThrow(/WECHAT_TEMPLATE_ID/);
    expect(() => parseConfig({ WECHAT_LOGIN: 'true' })).toThrow(/WECHAT_APPID[\s\S]*WECHAT_SECRET/);
    expect(() => parseConfig({ NOTIFY_QUIET_HOURS: '22-8' })).toThrow(/NOTIFY_QUIET_HOURS/);
    expect(
      parseConfig({ NOTIFY_SMS_PROVIDER: 'http', NOTIFY_SMS_URL: 'http://127.0.0.1:9/sms' })
        .NOTIFY_SMS_URL,
    ).toBe('http://127.0.0.1:9/sms');
  });
});

describe('SEARCH_WORKERS', () => {
  it('reads a count, 0 keeping searches on the main thread', () => {
    expect(parseConfig({ SEARCH_WORKERS: '0' }).SEARCH_WORKERS).toBe(0);
    expect(parseConfig({ SEARCH_WORKERS: '3' }).SEARCH_WORKERS).toBe(3);
  });
  it('defaults to none under NODE_ENV=test, else one a core and at most 4', () => {
    expect(parseConfig({ NODE_ENV: 'test' }).SEARCH_WORKERS).toBe(0);
    const n = parseConfig({ NODE_ENV: 'production' }).SEARCH_WORKERS;
    expect(n).toBe(Math.min(4, availableParallelism()));
  });
  it('refuses what is not a small whole number', () => {
    for (const bad of ['-1', '1.5', 'two', '17']) {
      expect(() => parseConfig({ SEARCH_WORKERS: bad })).toThrow(/SEARCH_WORKERS/);
    }
  });
});
