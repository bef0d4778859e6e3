import type { Engagement, WebhookHandler } from '@smmkit/core';
import {
  DEFAULT_WEBHOOK_MAX_BODY_BYTES,
  hmacSha256,
  isWebhookBodyWithin,
  nonEmptyTextSetting,
  parseModel,
  parseWebhookJson,
  positiveIntegerSetting,
  requiredSecretSetting,
  timingSafeEqual,
  toHex,
} from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { type GraphPlatform, platformName } from '../platform.js';

/**
 * The header Meta signs every delivery with
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started, Event Notifications).
 */
const SIGNATURE_HEADER = 'x-hub-signature-256';

/** What {@link graphWebhookHandler} needs. */
export interface GraphWebhookOptions {
  /** The platform errors and problems are reported for. */
  readonly platform: GraphPlatform;
  /** The app secret deliveries are signed with; required, never blank. */
  readonly appSecret: string;
  /**
   * The verify token entered when subscribing; without it every challenge is refused. When set,
   * it must not be blank: an empty one would match a challenge that carries none.
   */
  readonly verifyToken?: string | undefined;
  /**
   * The largest delivery body accepted, in bytes; default 1 MiB (`DEFAULT_WEBHOOK_MAX_BODY_BYTES`;
   * Meta batches at most 1,000 changes in one delivery). A larger one fails `verify` without
   * being hashed and is refused by `parse`. Set your HTTP framework's body limit to the same value.
   */
  readonly maxBodyBytes?: number | undefined;
  /**
   * The platform's reading of a delivery's JSON: the engagements in it (see
   * {@link readGraphWebhookChanges}); throws a `ValidationError` for a malformed one.
   */
  readonly engagements: (payload: unknown) => Engagement[];
}

/** The rules of {@link GraphWebhookOptions}, in the order their problems are listed. */
const GraphWebhookOptionsSchema = z.object({
  appSecret: requiredSecretSetting,
  verifyToken: z.optional(nonEmptyTextSetting),
  maxBodyBytes: z._default(positiveIntegerSetting, DEFAULT_WEBHOOK_MAX_BODY_BYTES),
});

/**
 * A Graph platform's webhook handler
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started):
 *
 * - `challenge`: a `GET` with `hub.mode=subscribe` is answered with `hub.challenge` as
 *   `text/plain` (200) when `hub.verify_token` equals the configured verify token (compared in
 *   constant time), else 403; other requests are not challenges (`undefined`);
 * - `verify`: checks `X-Hub-Signature-256` against `sha256=` + hex(HMAC-SHA256(app secret, raw
 *   body)), over the raw bytes as received (Meta signs an escaped-unicode payload), in constant
 *   time; a body over `maxBodyBytes` fails;
 * - `parse`: reads a verified delivery's JSON and hands it to `engagements`. A body that is not
 *   JSON or is over `maxBodyBytes` throws a `ValidationError`.
 *
 * Meta signs only the body, with no timestamp, so there is no replay window to check. Meta
 * retries a delivery it got no 200 for, so the same change may arrive more than once:
 * deduplicate by the engagement's id.
 *
 * @param options - platform, app secret, verify token, body size limit and the payload reader
 * @returns the webhook handler
 * @throws ValidationError when the app secret is missing or blank, the verify token is set but
 *   blank, or `maxBodyBytes` is not a positive whole number
 *
 * @example
 * ```ts
 * const webhooks = graphWebhookHandler({
 *   platform: 'facebook',
 *   appSecret: process.env.META_APP_SECRET ?? '',
 *   verifyToken: 'my-token',
 *   engagements: (payload) => readGraphWebhookChanges(payload, 'facebook').flatMap(pageEngagements),
 * });
 * ```
 */
export function graphWebhookHandler(options: GraphWebhookOptions): WebhookHandler {
  const { platform, engagements } = options;
  const name = platformName(platform);
  const { appSecret, verifyToken, maxBodyBytes } = parseModel(
    GraphWebhookOptionsSchema,
    { appSecret: options.appSecret, verifyToken: options.verifyToken, maxBodyBytes: options.maxBodyBytes },
    `${name} webhook handler`,
    { platform },
  );
  return {
    async challenge(request) {
      if (request.method.toUpperCase() !== 'GET') return undefined;
      const query = new URL(request.url).searchParams;
      if (query.get('hub.mode') !== 'subscribe') return undefined;
      const received = query.get('hub.verify_token') ?? '';
      if (verifyToken === undefined || !timingSafeEqual(received, verifyToken)) {
        return { status: 403, contentType: 'text/plain', body: 'verify token mismatch' };
      }
      return { status: 200, contentType: 'text/plain', body: query.get('hub.challenge') ?? '' };
    },
    async verify(request) {
      const received = request.headers.get(SIGNATURE_HEADER);
      if (received === null || !isWebhookBodyWithin(request, maxBodyBytes)) return false;
      const expected = `sha256=${toHex(await hmacSha256(appSecret, request.rawBody))}`;
      return timingSafeEqual(received.trim().toLowerCase(), expected);
    },
    parse(request) {
      return engagements(parseWebhookJson(request, `${name} webhook payload`, platform, { maxBodyBytes }));
    },
  };
}
