import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test/app.js';
import { testDialect } from './test/db.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: '2048' });
});
afterAll(() => t.close());

describe('health and OpenAPI', () => {
  it('reports version, dialect and corpus status', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.database.dialect).toBe(testDialect());
    expect(body.corpus.loaded).toBe(false);
    expect(body.corpus.message).toMatch(/法律法规/);
  });
  it('publishes an OpenAPI document built from the route schemas', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toContain('password');
  });
});

describe('error rendering', () => {
  const post = (
    payload: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) => t.request({ method: 'POST', url: '/api/v1/auth/login', payload, headers });

  it('malformed JSON → 400 malformed_json', async () => {
    const res = await post('{"username": ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('malformed_json');
    expect(res.json().error.message).toMatch(/JSON/);
  });
  it('oversized body → 413 payload_too_large', async () => {
    const res = await post(JSON.stringify({ username: 'a', password: 'x'.repeat(5000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });
  it('unknown field → 400 with the field path', async () => {
    const res = await post(JSON.stringify({ username: 'abc', password: 'x', admin: true }));
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('validation_failed');
    expect(err.details.fields[0].message).toContain('admin');
  });
  it('wrong type → 400 naming the field', async () => {
    const res = await post(JSON.stringify({ username: 'abc', password: 12345678 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      expect.objectContaining({ path: 'password', code: 'invalid_type' }),
    ]);
  });
  it('wrong content type → 415', async () => {
    const res = await post('username=a', { 'content-type': 'text/plain' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });
  it('unknown API path → 404 JSON', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
