import type { WebhookHandler } from '@smmkit/core';
import { hmacSha256, parseWebhookJson, timingSafeEqual, toBase64 } from '@smmkit/core/adapter-kit';
import { accountActivityEngagements } from './webhook-payload.js';

/** The header X signs every delivery with (x.md, Webhooks). */
const SIGNATURE_HEADER = 'x-twitter-webhooks-signature';

/**
 * The Account Activity webhook handler (x.md, Webhooks; docs.x.com: x-api/account-activity):
 *
 * - `challenge`: answers X's CRC check, a `GET` with `crc_token`, with
 *   `{"response_token":"sha256=" + base64(HMAC-SHA256(consumer secret, crc_token))}`;
 * - `verify`: checks `x-twitter-webhooks-signature` against `sha256=` + base64(HMAC-SHA256(consumer
 *   secret, raw body)), in constant time;
 * - `parse`: turns a verified delivery into engagements: posts that mention or reply to the
 *   account (`tweet_create_events`) and messages it received (`direct_message_events`). A body
 *   that is not JSON or not an Account Activity delivery throws a `ValidationError`.
 *
 * @param consumerSecret - the app's consumer secret (API secret)
 * @returns the webhook handler
 *
 * @example
 * ```ts
 * const webhooks = createXWebhookHandler(process.env.X_API_SECRET ?? '');
 * const challenge = await webhooks.challenge(request);
 * ```
 */
export function createXWebhookHandler(consumerSecret: string): WebhookHandler {
  return {
    async challenge(request) {
      if (request.method.toUpperCase() !== 'GET') return undefined;
      const token = new URL(request.url).searchParams.get('crc_token');
      if (token === null) return undefined;
      const responseToken = `sha256=${toBase64(await hmacSha256(consumerSecret, token))}`;
      return {
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ response_token: responseToken }),
      };
    },
    async verify(request) {
      const received = request.headers.get(SIGNATURE_HEADER);
      if (received === null) return false;
      const expected = `sha256=${toBase64(await hmacSha256(consumerSecret, request.rawBody))}`;
      return timingSafeEqual(received.trim(), expected);
    },
    parse(request) {
      return accountActivityEngagements(parseWebhookJson(request, 'X Account Activity payload', 'x'));
    },
  };
}
