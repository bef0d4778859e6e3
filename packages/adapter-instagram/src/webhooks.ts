import type { WebhookHandler } from '@smmkit/core';
import { hmacSha256, parseWebhookJson, timingSafeEqual, toHex } from '@smmkit/core/adapter-kit';
import { instagramWebhookEngagements } from './webhook-payload.js';

/** The header Meta signs every delivery with (meta-common.md, Webhooks). */
const SIGNATURE_HEADER = 'x-hub-signature-256';

/** What the webhook handler needs. */
export interface InstagramWebhookOptions {
  /** The app secret deliveries are signed with. */
  readonly appSecret: string;
  /** The verify token entered when subscribing; without it every challenge is refused. */
  readonly verifyToken?: string | undefined;
}

/**
 * The Instagram webhook handler (meta-common.md, Webhooks):
 *
 * - `challenge`: a `GET` with `hub.mode=subscribe` is answered with `hub.challenge` as
 *   `text/plain` (200) when `hub.verify_token` equals the configured verify token (compared in
 *   constant time), else 403; other requests are not challenges (`undefined`);
 * - `verify`: checks `X-Hub-Signature-256` against `sha256=` + hex(HMAC-SHA256(app secret, raw
 *   body)), over the raw bytes as received, in constant time;
 * - `parse`: turns a verified delivery's `comments` and `mentions` changes into engagements
 *   (webhook-payload.ts). A body that is not JSON or not a delivery throws a `ValidationError`.
 *
 * @param options - the app secret and verify token
 * @returns the webhook handler
 *
 * @example
 * ```ts
 * const webhooks = createInstagramWebhookHandler({ appSecret: process.env.META_APP_SECRET ?? '', verifyToken: 'my-token' });
 * ```
 */
export function createInstagramWebhookHandler(options: InstagramWebhookOptions): WebhookHandler {
  return {
    async challenge(request) {
      if (request.method.toUpperCase() !== 'GET') return undefined;
      const query = new URL(request.url).searchParams;
      if (query.get('hub.mode') !== 'subscribe') return undefined;
      const received = query.get('hub.verify_token') ?? '';
      const expected = options.verifyToken;
      if (expected === undefined || !timingSafeEqual(received, expected)) {
        return { status: 403, contentType: 'text/plain', body: 'verify token mismatch' };
      }
      return { status: 200, contentType: 'text/plain', body: query.get('hub.challenge') ?? '' };
    },
    async verify(request) {
      const received = request.headers.get(SIGNATURE_HEADER);
      if (received === null) return false;
      const expected = `sha256=${toHex(await hmacSha256(options.appSecret, request.rawBody))}`;
      return timingSafeEqual(received.trim().toLowerCase(), expected);
    },
    parse(request) {
      return instagramWebhookEngagements(parseWebhookJson(request, 'Instagram webhook payload', 'instagram'));
    },
  };
}
