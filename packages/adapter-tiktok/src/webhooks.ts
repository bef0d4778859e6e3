import { type Clock, ValidationError, type WebhookHandler, type WebhookRequest } from '@smmkit/core';
import {
  createSignedWebhookHandler,
  DEFAULT_WEBHOOK_MAX_BODY_BYTES,
  parseWebhookJson,
  positiveIntegerSetting,
  resolveSettings,
  systemClock,
  type WebhookLimitSettings,
} from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { TIKTOK_DEFAULTS } from './settings.js';
import { type TikTokWebhookEvent, tiktokWebhookEvent } from './webhook-events.js';
import { isTikTokSignature } from './webhook-signature.js';

/** The header TikTok signs deliveries with. */
const SIGNATURE_HEADER = 'tiktok-signature';

/** Options of {@link createTikTokWebhookHandler}. */
export interface TikTokWebhookOptions extends WebhookLimitSettings {
  /** How far a delivery's signed timestamp may be from now, in seconds (default 300). */
  readonly toleranceSec?: number | undefined;
  /** The app's client key: deliveries for another app are refused by `events`. */
  readonly clientKey?: string | undefined;
  /** Now, for the timestamp check (default the system clock); only its `now` is read. */
  readonly clock?: Pick<Clock, 'now'> | undefined;
}

/**
 * TikTok's webhook handler: core's contract, whose `parse` returns no engagement (TikTok's events
 * are about publishes and authorizations, and it has no comment events), plus `events`, which
 * reads a verified delivery's event.
 */
export interface TikTokWebhookHandler extends WebhookHandler {
  /**
   * The event of a verified delivery (one per delivery), with a `deliveryKey` that is the same
   * for every redelivery of it.
   *
   * @throws ValidationError for a body that is not JSON, too large, not a TikTok delivery, or
   *   (with a `clientKey`) for another app
   */
  events(request: WebhookRequest): readonly TikTokWebhookEvent[];
}

/**
 * TikTok's webhook handler (https://developers.tiktok.com/doc/webhooks-verification):
 *
 * - `verify`: `TikTok-Signature: t=…,s=…` must carry a timestamp within `toleranceSec` of now
 *   (older is a replay) and the hex HMAC-SHA256, under the client secret, of `{t}.{raw body}`,
 *   compared in constant time; a body over `webhookMaxBodyBytes` fails unhashed;
 * - `challenge`: TikTok checks no endpoint with a challenge, so there is none to answer;
 * - `parse`: no engagement (see {@link TikTokWebhookHandler});
 * - `events`: the delivery's event (`post.publish.complete`, `post.publish.publicly_available` with
 *   the public `post_id`, `authorization.removed`, …; https://developers.tiktok.com/doc/webhooks-events).
 *
 * Answer 200 at once: TikTok retries for 72 hours otherwise, and delivers at least once, so skip
 * events whose `deliveryKey` you have handled.
 *
 * @param clientSecret - the app's client secret
 * @param options - body limit, timestamp tolerance, client key and clock
 * @returns the handler
 * @throws ValidationError when the secret is missing or blank, or a limit or `toleranceSec` is not a
 *   positive whole number
 *
 * @example
 * ```ts
 * const webhooks = createTikTokWebhookHandler(process.env.TIKTOK_CLIENT_SECRET ?? '', { clientKey });
 * if (!(await webhooks.verify(request))) return new Response(null, { status: 401 });
 * for (const event of webhooks.events(request)) if (!(await seen(event.deliveryKey))) await handle(event);
 * ```
 */
export function createTikTokWebhookHandler(
  clientSecret: string,
  options: TikTokWebhookOptions = {},
): TikTokWebhookHandler {
  const clock: Pick<Clock, 'now'> = options.clock ?? systemClock;
  // Checked here too (the adapter's settings already are): a NaN tolerance would let every replay through.
  const { toleranceSec } = resolveSettings(
    z.object({ toleranceSec: z._default(positiveIntegerSetting, TIKTOK_DEFAULTS.webhookToleranceSec) }),
    { toleranceSec: options.toleranceSec },
    'TikTok webhook handler',
    'tiktok',
  );
  const maxBodyBytes = options.webhookMaxBodyBytes ?? DEFAULT_WEBHOOK_MAX_BODY_BYTES;
  const base = createSignedWebhookHandler({
    platform: 'tiktok',
    subject: 'TikTok webhook handler',
    secret: { name: 'clientSecret', value: clientSecret },
    maxBodyBytes: { name: 'webhookMaxBodyBytes', value: options.webhookMaxBodyBytes },
    signatureHeader: SIGNATURE_HEADER,
    isSignature: (secret, rawBody, header) =>
      isTikTokSignature(secret, rawBody, header, { now: clock.now(), toleranceSec }),
    challenge: async () => undefined,
    payload: 'TikTok webhook payload',
    toEngagements: (json) => {
      tiktokWebhookEvent(json);
      return [];
    },
  });
  return {
    challenge: (request) => base.challenge(request),
    verify: (request) => base.verify(request),
    parse: (request) => base.parse(request),
    events(request) {
      const event = tiktokWebhookEvent(
        parseWebhookJson(request, 'TikTok webhook payload', 'tiktok', { maxBodyBytes }),
      );
      if (options.clientKey !== undefined && event.clientKey !== options.clientKey) {
        throw new ValidationError(
          [
            {
              path: ['client_key'],
              rule: 'webhook.client_key',
              message: 'the delivery is for another app (its client_key is not this adapter’s clientKey)',
            },
          ],
          'TikTok webhook payload',
          { platform: 'tiktok' },
        );
      }
      return [event];
    },
  };
}
