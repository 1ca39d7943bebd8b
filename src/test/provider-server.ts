/**
 * @module A small SMS gateway and WeChat API for tests: records what it was sent and answers as told, so
 * delivery is tested over real HTTP against a server the test starts (nothing leaves the machine).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface ProviderServer {
  url: string;
  received: Received[];
  /** The status (SMS) or errcode (WeChat) the next requests get; shifted one per request, then 200/0. */
  answers: number[];
  tokensIssued: number;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : null;
};

export async function startProviderServer(): Promise<ProviderServer> {
  const state = { received: [] as Received[], answers: [] as number[], tokensIssued: 0 };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = (req.url ?? '').split('?')[0] ?? '';
      res.setHeader('content-type', 'application/json');
      if (path === '/cgi-bin/token') {
        state.tokensIssued++;
        res.end(JSON.stringify({ access_token: `tok-${state.tokensIssued}`, expires_in: 7200 }));
        return;
      }
      if (path === '/sns/oauth2/access_token') {
        const code = new URL(req.url ?? '', 'http://x').searchParams.get('code');
        res.end(
          JSON.stringify(
            code === 'bad'
              ? { errcode: 40029, errmsg: 'invalid code' }
              : { openid: `openid-${code}`, access_token: 'x' },
          ),
        );
        return;
      }
      state.received.push({ path, headers: req.headers, body });
      const answer = state.answers.shift();
      if (path === '/cgi-bin/message/template/send') {
        res.end(JSON.stringify({ errcode: answer ?? 0, errmsg: answer ? 'error' : 'ok' }));
        return;
      }
      res.statusCode = answer ?? 200;
      res.end(JSON.stringify({ ok: res.statusCode < 300 }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get received() {
      return state.received;
    },
    get answers() {
      return state.answers;
    },
    set answers(v: number[]) {
      state.answers = v;
    },
    get tokensIssued() {
      return state.tokensIssued;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
