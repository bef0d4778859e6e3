import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/**
 * A fetch `Request` for a Node request. The body stays a stream, so the router reads it only up
 * to its `maxBodyBytes`; the URL is rebuilt from the Host header, which the router only uses for
 * the path and the challenge query.
 *
 * @example
 * ```ts
 * http.createServer(async (req, res) => sendResponse(res, await router(toRequest(req))));
 * ```
 */
export function toRequest(req: IncomingMessage): Request {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * Writes a fetch `Response` to a Node response.
 *
 * @example
 * ```ts
 * await sendResponse(res, new Response('ok'));
 * ```
 */
export async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(body);
}
