import type { WebhookRouter } from '@smmkit/core/inbox';
import { Hono } from 'hono';

/**
 * A Hono app with the webhook router on `/webhooks/:platform`. The router takes Hono's raw
 * `Request` untouched: it must read the body itself, as bytes, because the platforms sign the
 * exact bytes they sent (a parsed and re-serialised JSON body would not verify).
 *
 * @example
 * ```ts
 * serve({ fetch: createApp(router).fetch, port: 3000 });
 * ```
 */
export function createApp(router: WebhookRouter): Hono {
  const app = new Hono();
  app.get('/health', (c) => c.text('ok'));
  app.all('/webhooks/:platform', (c) => router(c.req.raw));
  return app;
}
