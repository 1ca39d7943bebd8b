/** api(): a response is checked against its contract; a malformed one is an ApiError, not a cast. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, MALFORMED, api } from './api';
import { LawList } from '../../src/contracts/laws';

const answer = (status: number, body: unknown) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status }))),
  );

afterEach(() => vi.unstubAllGlobals());

describe('api()', () => {
  it('returns the parsed answer when it matches the schema (unknown keys dropped)', async () => {
    answer(200, { items: [], total: 0, page: 1, pageSize: 30, extra: 'x' });
    await expect(api('GET', '/laws', undefined, LawList)).resolves.toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 30,
    });
  });

  it('rejects a malformed answer with ApiError bad_response and a Chinese message', async () => {
    answer(200, { items: [{ lawKey: 1 }], total: '3', page: 1, pageSize: 30 });
    const e = await api('GET', '/laws', undefined, LawList).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: 'bad_response', message: MALFORMED, status: 200 });
    expect(MALFORMED).toBe('服务器返回的数据格式有误');
  });

  it('rejects an empty answer where the contract wants an object', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('', { status: 200 }))),
    );
    await expect(api('GET', '/x', undefined, z.object({ ok: z.boolean() }))).rejects.toMatchObject({
      code: 'bad_response',
    });
  });

  it("keeps the server's error code and message for a failed request", async () => {
    answer(409, { error: { code: 'kb_draft_exists', message: '已有草稿' } });
    await expect(api('POST', '/kb/issues/a/drafts', {})).rejects.toMatchObject({
      status: 409,
      code: 'kb_draft_exists',
      message: '已有草稿',
    });
  });
});
