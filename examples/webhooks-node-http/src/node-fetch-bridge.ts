import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/**
 * Methods a fetch `Request` cannot carry (the Fetch standard's forbidden methods,
 * https://fetch.spec.whatwg.org/#forbidden-method): `new Request` throws on them. The router
 * takes only GET and POST, so they are answered 405 like any other method it does not take.
 */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * A Node request that cannot become a fetch `Request`: a Host header that makes no URL (400), or
 * a method fetch refuses (405). The server answers it without calling the router.
 */
export class UnbridgeableRequestError extends Error {
  /** The status to answer with: 400 for a bad Host header, 405 for a method fetch refuses. */
  readonly status: 400 | 405;

  /**
   * @param status - the status to answer with
   * @param message - what was wrong, without the request's own text
   */
  constructor(status: 400 | 405, message: string) {
    super(message);
    this.name = 'UnbridgeableRequestError';
    this.status = status;
  }
}

/**
 * A fetch `Request` for a Node request. The body stays a stream, so the router reads it only up
 * to its `maxBodyBytes`; the URL is rebuilt from the Host header, which the router only uses for
 * the path and the challenge query.
 *
 * @throws UnbridgeableRequestError when the Host header and path make no URL (status 400), or the
 *   method is one fetch refuses, such as TRACE (status 405)
 *
 * @example
 * ```ts
 * http.createServer(async (req, res) => sendResponse(res, await router(toRequest(req))));
 * ```
 */
export function toRequest(req: IncomingMessage): Request {
  const method = req.method ?? 'GET';
  if (FORBIDDEN_METHODS.has(method.toUpperCase())) {
    throw new UnbridgeableRequestError(
      405,
      'The method is not one a fetch Request can carry; use GET or POST.',
    );
  }
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    throw new UnbridgeableRequestError(400, 'The Host header and path make no valid URL.');
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
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
