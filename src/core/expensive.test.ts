/** Expensive routes (PDF renders) have a per-IP limit of their own, below the API's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PDF_RATE_LIMIT_PER_MINUTE: '2' });
});
afterAll(() => t.close());

const get = (url: string, remoteAddress: string) =>
  t.app.inject({ method: 'GET', url, remoteAddress });

describe('PDF render limit', () => {
  it('refuses the third render a minute from one address, not from another', async () => {
    const url = '/api/v1/opinion/letters/999/pdf';
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await get(url, '203.0.113.5')).statusCode);
    expect(codes).toEqual([404, 404, 429]);
    expect((await get(url, '203.0.113.6')).statusCode).toBe(404);
    // other routes of the same address are not held back
    expect((await get('/api/v1/opinion/scenarios', '203.0.113.5')).statusCode).toBe(200);
  });
});
