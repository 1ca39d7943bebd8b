import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { inlineScriptHashes } from './headers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ TRUSTED_PROXIES: '10.0.0.1', LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
});
afterAll(() => t.close());

describe('security headers', () => {
  it('sends a CSP without unsafe-inline scripts and refuses framing', async () => {
    const r = await t.request({ method: 'GET', url: '/api/v1/health' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
  });

  it("sends helmet's headers on every answer, errors and unknown routes included", async () => {
    const answers = [
      await t.request({ method: 'GET', url: '/api/v1/health' }),
      await t.request({ method: 'GET', url: '/api/v1/no-such-route' }),
      await t.request({ method: 'POST', url: '/api/v1/qa/ask', payload: { question: '' } }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 404, 400]);
    for (const r of answers) {
      expect(r.headers).toMatchObject({
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'origin-agent-cluster': '?1',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
        'x-dns-prefetch-control': 'off',
        'x-download-options': 'noopen',
        'x-frame-options': 'SAMEORIGIN',
        'x-permitted-cross-domain-policies': 'none',
        'x-xss-protection': '0',
      });
      expect(String(r.headers['content-security-policy'])).toMatch(/^default-src 'self';/);
      expect(r.headers['cross-origin-embedder-policy']).toBeUndefined();
    }
  });

  it('hashes exactly the inline scripts of the first page', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'open12348-csp-'));
    const file = path.join(dir, 'index.html');
    const boot = 'import("/assets/a.js")';
    writeFileSync(
      file,
      `<script type="importmap">{"imports":{}}</script><script type="module">${boot}</script><script src="/x.js"></script>`,
    );
    const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(inlineScriptHashes(file)).toEqual([sha('{"imports":{}}'), sha(boot)]);
  });

  it('sends HSTS only over HTTPS (as a trusted proxy reports it)', async () => {
    const plain = await t.request({ method: 'GET', url: '/api/v1/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const spoofed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      remoteAddress: '203.0.113.1',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    const proxied = await t.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      remoteAddress: '10.0.0.1',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.1' },
    });
    expect(proxied.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('marks API answers no-store, personal data included', async () => {
    const s = await t.signIn('citizen');
    const me = await t.request({ method: 'GET', url: `/api/v1/users/${s.userId}`, session: s });
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const missing = await t.request({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('keeps file paths and hosts out of /health', async () => {
    const r = await t.request({ method: 'GET', url: '/api/v1/health' });
    const body = r.body;
    expect(body).not.toContain(t.ctx.config.LAWS_DIR);
    expect(body).not.toContain(t.ctx.data.location);
    expect(r.json().corpus.lawsDir).toBeUndefined();
  });

  it('tells the client how long to wait when rate-limited, in the error shape', async () => {
    const login = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '203.0.113.77',
        payload: { username: 'nobody', password: 'wrong-pass-1' },
      });
    await login();
    await login();
    const r = await login();
    expect(r.statusCode).toBe(429);
    const e = r.json().error;
    expect(e.code).toBe('rate_limited');
    expect(e.message).toMatch(/请 \d+ 秒后再试/);
    expect(e.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  });
});
