import { createServer, type Server } from 'node:http';
import type { WebhookRouter } from '@smmkit/core/inbox';
import { sendResponse, toRequest } from './node-fetch-bridge.ts';

/**
 * A Node http server that hands every request to the webhook router. A request the router
 * refuses early (413) leaves its body unread, so that connection is closed after the answer
 * instead of reading the rest.
 *
 * @example
 * ```ts
 * createWebhookServer(router).listen(3000);
 * ```
 */
export function createWebhookServer(router: WebhookRouter): Server {
  return createServer((req, res) => {
    router(toRequest(req))
      .then((response) => {
        if (!req.complete) res.setHeader('connection', 'close');
        return sendResponse(res, response);
      })
      .catch(() => {
        // The router answers its own errors; this is the bridge failing, so say nothing more.
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
}
