/**
 * @module Asks a question, showing the answer as it streams (`/qa/ask/stream`, server-sent events over
 * POST) and falling back to the plain `/qa/ask` when streaming is unavailable before any event arrived.
 */
import { api, ApiError, parseResponse } from '../../api';
import { me } from '../../session';
import { AskResponse } from '../../../../src/contracts/qa';

export interface AskBody {
  question: string;
  conversationId?: string;
  choice?: string;
  locale: 'zh-CN' | 'zh-TW';
}

/** Splits an SSE buffer into complete events; returns the unfinished rest. */
export function parseEvents(buf: string): {
  events: { event: string; data: string }[];
  rest: string;
} {
  const parts = buf.split(/\r?\n\r?\n/);
  const rest = parts.pop() ?? '';
  const events = parts.map((block) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    return { event, data: data.join('\n') };
  });
  return { events, rest };
}

async function errorOf(res: Response): Promise<ApiError> {
  const j = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string };
  } | null;
  return new ApiError(
    res.status,
    j?.error?.code ?? 'http_error',
    j?.error?.message ?? `请求失败（${res.status}）`,
  );
}

export async function askStreaming(
  body: AskBody,
  onText: (s: string) => void,
): Promise<AskResponse> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
  };
  if (me.value?.csrfToken) headers['x-csrf-token'] = me.value.csrfToken;
  let res: Response;
  try {
    res = await fetch('/api/v1/qa/ask/stream', {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return api('POST', '/qa/ask', body, AskResponse);
  }
  if (res.status === 404 || res.status === 405 || !res.body)
    return api('POST', '/qa/ask', body, AskResponse);
  if (!res.ok) throw await errorOf(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const parsed = parseEvents(buf + value);
    buf = parsed.rest;
    for (const e of parsed.events) {
      if (e.event === 'token') {
        text += (JSON.parse(e.data) as { text: string }).text;
        onText(text);
      } else if (e.event === 'done') {
        void reader.cancel();
        return parseResponse(AskResponse, JSON.parse(e.data));
      } else if (e.event === 'error') {
        const err = JSON.parse(e.data) as { code: string; message: string };
        throw new ApiError(500, err.code, err.message);
      }
    }
  }
  throw new ApiError(502, 'stream_ended', '回答中断，请重试');
}
