import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { WebhookRouter } from '@smmkit/core/inbox';
import { sendResponse, toRequest, UnbridgeableRequestError } from './node-fetch-bridge.ts';

/**
 * A Node http server that hands every request to the webhook router. A request the router
 * refuses early (413) leaves its body unread, so that connection is closed after the answer
 * instead of reading the rest. A request that cannot become a fetch `Request` (a Host header
 * that makes no URL, a TRACE) is answered 400 or 405 without reaching the router: thrown out of
 * the request listener, it would stop the process.
 *
 * @example
 * ```ts
 * createWebhookServer(router).listen(3000);
 * ```
 */
export function createWebhookServer(router: WebhookRouter): Server {
  return createServer((req, res) => {
    // Inside the chain, so whatever `toRequest` throws is answered, never thrown from the listener.
    Promise.resolve()
      .then(() => router(toRequest(req)))
      .then((response) => {
        if (!req.complete) res.setHeader('connection', 'close');
        return sendResponse(res, response);
      })
      .catch((error: unknown) => answerFailure(req, res, error));
  });
}

/** Answers a request the bridge could not hand on, or whose answer it could not write. */
function answerFailure(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  // Fixed texts, as the router's own: nothing of the request is echoed.
  const refused = error instanceof UnbridgeableRequestError;
  const status = refused ? error.status : 500;
  const headers: Record<string, string> = {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  };
  if (status === 405) headers.allow = 'GET, POST';
  // Its body is left unread: close the connection rather than read the rest.
  if (!req.complete) headers.connection = 'close';
  res.writeHead(status, headers);
  res.end(status === 400 ? 'bad request' : status === 405 ? 'method not allowed' : '');
}
