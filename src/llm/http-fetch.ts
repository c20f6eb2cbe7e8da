import http from 'node:http';
import https from 'node:https';

/** The response ended before its body was complete (connection dropped mid-body). */
export class TruncatedResponseError extends Error {
  constructor(url: string) {
    super(`the connection closed before the response from ${url} was complete`);
    this.name = 'TruncatedResponseError';
  }
}

/**
 * A minimal `fetch` for the openai SDK on node:http keep-alive agents. Node's built-in fetch spends
 * about a third more CPU per request on its web streams; at hundreds of requests in flight that CPU
 * is the limit. The body is buffered (chat and embeddings replies are small, streaming is not used).
 */
export function createHttpFetch(): { fetch: typeof fetch; close(): void } {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: Infinity }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: Infinity }),
  };
  const fetchImpl = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const agent = agents[url.protocol as keyof typeof agents];
      if (!agent) return reject(new TypeError(`unsupported protocol ${url.protocol}`));
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((v, k) => {
        headers[k] = v;
      });
      const body = init.body;
      if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array)) {
        return reject(new TypeError('only string and byte request bodies are supported'));
      }
      const send = url.protocol === 'https:' ? https.request : http.request;
      const req = send(url, { method: init.method ?? 'GET', headers, agent, ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        const cut = () => reject(init.signal?.aborted ? init.signal.reason : new TruncatedResponseError(url.href));
        res.on('error', cut);
        res.on('close', () => {
          if (!res.complete || init.signal?.aborted) return cut();
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
          const status = res.statusCode ?? 500;
          // Response refuses a body on 204/304.
          resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: h }));
        });
      });
      req.on('error', reject);
      req.end(body ?? undefined);
    });
  return {
    fetch: fetchImpl as typeof fetch,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
