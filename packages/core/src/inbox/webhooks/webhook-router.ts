import * as z from 'zod/mini';
import { positiveIntegerSetting } from '../../adapter/settings-schemas.js';
import { DEFAULT_WEBHOOK_MAX_BODY_BYTES } from '../../adapter/webhook-body.js';
import type { WebhookChallengeResponse, WebhookRequest } from '../../adapter/webhooks.js';
import { parseModel } from '../../parse/parse-model.js';
import { type Clock, systemClock } from '../../time/clock.js';
import { readBodyWithin } from './read-body.js';
import { DEFAULT_WEBHOOK_MAX_AGE_MS } from './replay-window.js';
import { memorySeenStore, type SeenStore } from './seen-store.js';
import { type EngagementSink, KeysInFlight, takeDelivery } from './take-delivery.js';
import {
  outcomeResponse,
  outcomeStatus,
  type WebhookOutcome,
  type WebhookOutcomeKind,
} from './webhook-outcome.js';
import { normaliseBasePath, routeNameOf, type WebhookSources, webhookRoutes } from './webhook-routes.js';

/** Options of {@link createWebhookRouter}. */
export interface WebhookRouterOptions {
  /**
   * The adapters to route to: a list, each on `<basePath>/<platform>`, or a record from route
   * name to adapter. Adapters without `webhooks` get no route.
   */
  readonly adapters: WebhookSources;
  /**
   * Receives the new engagements of each verified delivery (never a forged, stale or repeated
   * one, nor an item that breaks the engagement model: that is left out and reported to
   * `onOutcome`), usually `(items) => inbox.ingest(items)`. The platform is answered 200 once it
   * resolves, and 500 if it throws (the platform then retries), so keep it to a quick store
   * write: X waits 3 seconds (https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/activity-retries)
   * and TikTok asks for an immediate 200 (https://developers.tiktok.com/doc/webhooks-overview/).
   */
  readonly onEngagements: EngagementSink;
  /**
   * Keys of deliveries and engagements already taken; default `memorySeenStore()`. Give every
   * process that receives deliveries the same store (`seenStoreOf(inboxStore)`): a retry that
   * reaches one process while another still hands the first attempt on is then answered 500,
   * retry later, so that attempt's failure cannot lose the engagements.
   */
  readonly seen?: SeenStore | undefined;
  /**
   * How long, in ms, a delivery's marks may stay unsettled (marked, neither handed on nor given
   * up) before a retry takes them over; default a minute.
   * Until then a retry is answered 500, retry later. A process that stops while handing a
   * delivery on leaves such marks; the platform's next retry after this long hands the
   * engagements on again, so keep it above the longest `onEngagements` you expect. Marks are
   * dated with each process's clock: keep the hosts' clocks synchronised (NTP), since a skew
   * adds to this time or takes from it.
   */
  readonly takeOverAfterMs?: number | undefined;
  /** The clock signed timestamps are checked against; default the system clock. */
  readonly clock?: Pick<Clock, 'now'> | undefined;
  /** How far a delivery's signed time may be from now; default 5 minutes (`DEFAULT_WEBHOOK_MAX_AGE_MS`). */
  readonly maxAgeMs?: number | undefined;
  /** Where the routes live; default `/webhooks`. */
  readonly basePath?: string | undefined;
  /**
   * The largest body read, in bytes; default 1 MiB (`DEFAULT_WEBHOOK_MAX_BODY_BYTES`). A larger
   * one is answered 413 before it is verified, read no further than the limit.
   */
  readonly maxBodyBytes?: number | undefined;
  /** Told what became of each request, for logs and counters; what it throws is ignored. */
  readonly onOutcome?: ((outcome: WebhookOutcome) => void) | undefined;
}

/**
 * How long a delivery's marks may stay unsettled before a retry takes them over, by default: a
 * minute, far above a quick store write (X waits 3 seconds for an answer).
 */
const DEFAULT_WEBHOOK_TAKE_OVER_AFTER_MS = 60_000;

/** A fetch-standard request handler: Hono, Next.js route handlers, Bun, Deno, or Node through a `Request`. */
export type WebhookRouter = (request: Request) => Promise<Response>;

const RouterSettingsSchema = z.object({
  maxAgeMs: z._default(positiveIntegerSetting, DEFAULT_WEBHOOK_MAX_AGE_MS),
  maxBodyBytes: z._default(positiveIntegerSetting, DEFAULT_WEBHOOK_MAX_BODY_BYTES),
  takeOverAfterMs: z._default(positiveIntegerSetting, DEFAULT_WEBHOOK_TAKE_OVER_AFTER_MS),
});

/**
 * One webhook endpoint for every adapter: `GET` and `POST` on `<basePath>/<route>` go to that
 * adapter's webhook handler. A subscription challenge (Meta's `hub.challenge`, X's CRC
 * `crc_token`, LinkedIn's `challengeCode`) is answered by the adapter. A delivery is read up to
 * `maxBodyBytes` (413 past it), verified by the adapter (401 when forged, before any parsing),
 * refused when its signed time is outside `maxAgeMs` (401, for adapters that read one; see
 * `StampedWebhookHandler`), parsed, checked against the engagement model (an invalid item is
 * left out and reported to `onOutcome`, the rest taken and answered 200), and deduplicated through `seen` by delivery id and by
 * engagement (platform, account, id): only new engagements reach `onEngagements`, and a
 * redelivery is answered 200 so the platform stops retrying. No answer echoes the body, a header
 * or an error.
 *
 * @param options - adapters, the engagement sink, and the optional store, clock and limits
 * @returns the request handler
 * @throws ValidationError when two listed adapters share a platform, a route name is not one
 *   path segment, or `maxAgeMs` / `maxBodyBytes` is not a positive whole number
 *
 * @example
 * ```ts
 * const router = createWebhookRouter({
 *   adapters: [xAdapter, facebookAdapter],
 *   onEngagements: (engagements) => inbox.ingest(engagements),
 * });
 * // Hono: app.all('/webhooks/*', (c) => router(c.req.raw));
 * // Next.js (app/webhooks/[platform]/route.ts): export const GET = router, POST = router;
 * ```
 */
export function createWebhookRouter(options: WebhookRouterOptions): WebhookRouter {
  const routes = webhookRoutes(options.adapters);
  const { maxAgeMs, maxBodyBytes, takeOverAfterMs } = parseModel(
    RouterSettingsSchema,
    {
      maxAgeMs: options.maxAgeMs,
      maxBodyBytes: options.maxBodyBytes,
      takeOverAfterMs: options.takeOverAfterMs,
    },
    'Webhook router',
  );
  const basePath = normaliseBasePath(options.basePath ?? '/webhooks');
  const seen = options.seen ?? memorySeenStore();
  const clock = options.clock ?? systemClock;
  const deps = {
    seen,
    now: () => clock.now(),
    maxAgeMs,
    takeOverAfterMs,
    onEngagements: options.onEngagements,
    inFlight: new KeysInFlight(),
  };

  const report = (outcome: WebhookOutcome): void => {
    try {
      options.onOutcome?.(outcome);
    } catch {
      // A logging hook must not change what the platform is answered.
    }
  };
  const answer = (
    kind: Exclude<WebhookOutcomeKind, 'challenge'>,
    route: string | undefined,
    extra: Partial<Pick<WebhookOutcome, 'engagements' | 'duplicates' | 'invalid' | 'error'>> = {},
  ): Response => {
    report({ kind, status: outcomeStatus(kind), route, engagements: 0, duplicates: 0, invalid: 0, ...extra });
    return outcomeResponse(kind);
  };

  return async (request) => {
    const name = routeNameOf(new URL(request.url).pathname, basePath);
    const route = name === undefined ? undefined : routes.get(name);
    if (route === undefined) return answer('not_found', undefined);
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'POST') return answer('not_allowed', route.name);
    const rawBody = await readBodyWithin(request, maxBodyBytes);
    if (rawBody === undefined) return answer('too_large', route.name);
    const incoming: WebhookRequest = { method, url: request.url, headers: request.headers, rawBody };

    let challenge: WebhookChallengeResponse | undefined;
    try {
      challenge = await route.handler.challenge(incoming);
    } catch (error) {
      return answer('failed', route.name, { error });
    }
    if (challenge !== undefined) {
      report({
        kind: 'challenge',
        status: challenge.status,
        route: route.name,
        engagements: 0,
        duplicates: 0,
        invalid: 0,
      });
      return new Response(challenge.body, {
        status: challenge.status,
        // Meta's challenge is echoed: nosniff keeps a browser from reading it as anything but text.
        headers: {
          'content-type': challenge.contentType,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
      });
    }
    if (method === 'GET') return answer('not_challenge', route.name);

    const { kind, ...counts } = await takeDelivery(route, incoming, deps);
    return answer(kind, route.name, counts);
  };
}
