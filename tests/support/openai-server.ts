import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A scripted OpenAI-compatible HTTP server for tests and benchmarks (the one allowed stand-in: the real
 * service is paid and unreachable). It speaks `POST /v1/chat/completions`, `POST /v1/embeddings` and
 * `GET /v1/models` (no streaming) on a free loopback port; a responder decides each reply, scripted
 * replies can be queued ahead of it, and every request is logged with its timestamps.
 */

export interface ReceivedRequest {
  seq: number;
  method: string;
  path: string;
  /** The parsed JSON body (undefined when `keepBodies` is off, once the reply is sent). */
  body: any;
  authorization: string | undefined;
  /** Size of the request body. */
  bytes: number;
  receivedAt: number;
  endedAt?: number;
  status?: number;
}

export type Reply =
  /** A chat completion whose message content is `content` (any text: JSON, truncated JSON, prose). */
  | { content: string; usage?: { prompt_tokens: number; completion_tokens: number }; finishReason?: string; delayMs?: number }
  /** An embeddings response. */
  | { embeddings: number[][]; usage?: { prompt_tokens: number }; delayMs?: number }
  /** An HTTP error (401, 404, 429, 500, ...) with an OpenAI-style error body. */
  | { status: number; message?: string; headers?: Record<string, string>; delayMs?: number }
  /** Never answers; the request ends when the client gives up. */
  | { hang: true }
  /** Sends the headers and half the body, then drops the connection. */
  | { truncate: true; delayMs?: number }
  /** A 200 whose body is not JSON. */
  | { malformed: true; delayMs?: number }
  /** A chat completion with an empty `choices` list. */
  | { emptyChoices: true; delayMs?: number };

export type Responder = (req: ReceivedRequest) => Reply | Promise<Reply>;

export interface OpenAiServerOptions {
  /** Added before every reply (default 0). */
  latencyMs?: number;
  responder?: Responder;
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string;
  models?: string[];
  /** Keep request bodies in the log (default true; turn off for long benchmarks). */
  keepBodies?: boolean;
}

export interface OpenAiServer {
  /** Base URL for the SDK, ending in /v1. */
  url: string;
  log: ReceivedRequest[];
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Replies used, in order, for the next requests before the responder is asked. */
  script(...replies: Reply[]): void;
  setResponder(responder: Responder): void;
  setLatency(ms: number): void;
  /** Resolves once `n` requests have been received in total. */
  waitForRequests(n: number): Promise<void>;
  close(): Promise<void>;
}

/** Every message's text of a chat request, joined (for routing by prompt). */
export function messageText(body: any): string {
  const parts: string[] = [];
  for (const m of body?.messages ?? []) {
    if (typeof m.content === 'string') parts.push(m.content);
    else if (Array.isArray(m.content)) for (const p of m.content) if (p?.type === 'text') parts.push(p.text);
  }
  return parts.join('\n');
}

/** Image data URLs sent in a chat request. */
export function messageImages(body: any): string[] {
  const out: string[] = [];
  for (const m of body?.messages ?? []) if (Array.isArray(m.content)) for (const p of m.content) if (p?.type === 'image_url') out.push(p.image_url?.url);
  return out;
}

/** A deterministic unit vector for a text (for the default embeddings reply). */
function fakeEmbedding(text: string, dim: number): number[] {
  const v: number[] = [];
  let block = Buffer.alloc(0);
  for (let i = 0; v.length < dim; i++) {
    if (i % 8 === 0) block = crypto.createHash('sha256').update(`${text}#${i}`).digest();
    v.push(block.readInt32LE((i % 8) * 4) / 2 ** 31);
  }
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

const defaultResponder: Responder = (req) => {
  if (req.path === '/v1/embeddings') {
    const input: string[] = Array.isArray(req.body.input) ? req.body.input : [req.body.input];
    return { embeddings: input.map((t) => fakeEmbedding(String(t), req.body.dimensions ?? 8)) };
  }
  return { content: '{}' };
};

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function tokens(chars: number): number {
  return Math.ceil(chars / 4);
}

export async function startOpenAiServer(opts: OpenAiServerOptions = {}): Promise<OpenAiServer> {
  let latency = opts.latencyMs ?? 0;
  let responder = opts.responder ?? defaultResponder;
  const keepBodies = opts.keepBodies ?? true;
  const queue: Reply[] = [];
  const log: ReceivedRequest[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let inFlight = 0;
  let maxInFlight = 0;
  let seq = 0;

  const send = (req: ReceivedRequest, res: http.ServerResponse, reply: Reply): void => {
    if ('hang' in reply) return;
    if ('status' in reply) {
      json(res, reply.status, { error: { message: reply.message ?? `scripted ${reply.status}`, type: 'scripted', code: String(reply.status) } }, reply.headers);
      return;
    }
    if ('malformed' in reply) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "chatcmpl-broken", "choices": [{"message": ');
      return;
    }
    if ('truncate' in reply) {
      const body = JSON.stringify({ id: 'chatcmpl-cut', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'x'.repeat(200) } }] });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.write(body.slice(0, body.length >> 1), () => res.socket?.destroy());
      return;
    }
    if ('embeddings' in reply) {
      const chars = [].concat(req.body?.input ?? []).reduce((a: number, s: string) => a + String(s).length, 0);
      json(res, 200, {
        object: 'list',
        model: req.body?.model,
        data: reply.embeddings.map((embedding, index) => ({ object: 'embedding', index, embedding })),
        usage: reply.usage ?? { prompt_tokens: tokens(chars), total_tokens: tokens(chars) },
      });
      return;
    }
    const base = { id: `chatcmpl-${req.seq}`, object: 'chat.completion', created: Math.floor(req.receivedAt / 1000), model: req.body?.model };
    if ('emptyChoices' in reply) {
      json(res, 200, { ...base, choices: [] });
      return;
    }
    const usage = reply.usage ?? { prompt_tokens: tokens(req.bytes), completion_tokens: tokens(reply.content.length) };
    json(res, 200, {
      ...base,
      choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: reply.finishReason ?? 'stop' }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]!;
    let body: any;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        json(res, 400, { error: { message: 'the request body is not JSON', type: 'invalid_request_error' } });
        return;
      }
    }
    const entry: ReceivedRequest = { seq: seq++, method: req.method ?? 'GET', path, body, authorization: req.headers.authorization, bytes: raw.length, receivedAt: Date.now() };
    log.push(entry);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once('close', () => {
      inFlight--;
      entry.endedAt = Date.now();
      entry.status = res.headersSent ? res.statusCode : undefined;
      if (!keepBodies) entry.body = undefined;
    });
    events.emit('request', log.length);

    if (opts.apiKey && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      json(res, 401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
      return;
    }
    if (req.method === 'GET' && path === '/v1/models') {
      json(res, 200, { object: 'list', data: (opts.models ?? []).map((id) => ({ id, object: 'model', owned_by: 'scripted' })) });
      return;
    }
    if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/v1/embeddings')) {
      json(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
      return;
    }
    if (opts.models && body?.model && !opts.models.includes(body.model)) {
      json(res, 404, { error: { message: `The model \`${body.model}\` does not exist`, type: 'invalid_request_error', code: 'model_not_found' } });
      return;
    }
    const reply = queue.length > 0 ? queue.shift()! : await responder(entry);
    const delay = 'hang' in reply ? 0 : (reply.delayMs ?? latency);
    if (delay > 0) setTimeout(() => send(entry, res, reply), delay);
    else send(entry, res, reply);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).catch((err: Error) => {
        if (!res.headersSent) json(res, 500, { error: { message: `responder failed: ${err.message}`, type: 'server_error' } });
      });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    log,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    script: (...replies) => void queue.push(...replies),
    setResponder: (r) => void (responder = r),
    setLatency: (ms) => void (latency = ms),
    waitForRequests: (n) =>
      new Promise<void>((resolve) => {
        if (log.length >= n) return resolve();
        const on = (count: number) => {
          if (count < n) return;
          events.off('request', on);
          resolve();
        };
        events.on('request', on);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
