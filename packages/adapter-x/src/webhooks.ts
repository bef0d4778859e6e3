import type { WebhookHandler } from '@smmkit/core';
import { createSignedWebhookHandler, hmacSha256, timingSafeEqual, toBase64 } from '@smmkit/core/adapter-kit';
import { accountActivityEngagements } from './webhook-payload.js';

/** The header X signs every delivery with (https://docs.x.com/x-api/webhooks/quickstart). */
const SIGNATURE_HEADER = 'x-twitter-webhooks-signature';

/** Options of {@link createXWebhookHandler}. */
export interface XWebhookOptions {
  /**
   * The largest delivery body accepted, in bytes; default 1 MiB (`DEFAULT_WEBHOOK_MAX_BODY_BYTES`).
   * A larger one fails `verify` without being hashed and is refused by `parse`. Set your HTTP
   * framework's body limit to the same value, so it stops reading there too.
   */
  readonly maxBodyBytes?: number | undefined;
}

/**
 * The Account Activity webhook handler (https://docs.x.com/x-api/webhooks/quickstart):
 *
 * - `challenge`: answers X's CRC check, a `GET` with `crc_token`, with
 *   `{"response_token":"sha256=" + base64(HMAC-SHA256(consumer secret, crc_token))}`; a token that
 *   could be a delivery body (one with `{`) is not signed, so the check cannot forge a delivery;
 * - `verify`: checks `x-twitter-webhooks-signature` against `sha256=` + base64(HMAC-SHA256(consumer
 *   secret, raw body)), in constant time; a body over `maxBodyBytes` fails;
 * - `parse`: turns a verified delivery into engagements: posts that mention or reply to the
 *   account (`tweet_create_events`) and messages it received (`direct_message_events`); a
 *   subscription revoke (`user_event`, without `for_user_id`) is read and gives none. A body
 *   that is not JSON, over `maxBodyBytes`, or not an Account Activity delivery throws a
 *   `ValidationError`.
 *
 * X signs only the body, with no timestamp, so there is no replay window to check: a replayed
 * delivery verifies. X also retries a delivery it got no 200 for, so the same event may arrive
 * more than once: deduplicate by the engagement's id (docs/adapter-contract.md, Webhooks).
 *
 * @param consumerSecret - the app's consumer secret (API secret)
 * @param options - the body size limit
 * @returns the webhook handler
 * @throws ValidationError when the consumer secret is missing or blank (an unset environment
 *   variable), or `maxBodyBytes` is not a positive whole number
 *
 * @example
 * ```ts
 * const webhooks = createXWebhookHandler(process.env.X_API_SECRET ?? '', { maxBodyBytes: 256 * 1024 });
 * const challenge = await webhooks.challenge(request);
 * ```
 */
export function createXWebhookHandler(consumerSecret: string, options: XWebhookOptions = {}): WebhookHandler {
  return createSignedWebhookHandler({
    platform: 'x',
    subject: 'X webhook handler',
    secret: { name: 'consumerSecret', value: consumerSecret },
    maxBodyBytes: { name: 'maxBodyBytes', value: options.maxBodyBytes },
    signatureHeader: SIGNATURE_HEADER,
    isSignature: async (secret, rawBody, signature) =>
      timingSafeEqual(signature.trim(), `sha256=${toBase64(await hmacSha256(secret, rawBody))}`),
    async challenge(secret, url) {
      const token = url.searchParams.get('crc_token');
      // X signs a delivery with the same HMAC, under the same secret, as the CRC answer: signing
      // any token would sign any body a caller chose (a forged delivery, then POSTed with the
      // "response_token"). Every delivery is a JSON object, so a token with `{` is no CRC check; X's
      // own tokens are random base64 (observed: base64 of a UUID; the docs do not describe them).
      if (token === null || token.includes('{')) return undefined;
      const responseToken = `sha256=${toBase64(await hmacSha256(secret, token))}`;
      return {
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ response_token: responseToken }),
      };
    },
    payload: 'X Account Activity payload',
    toEngagements: accountActivityEngagements,
  });
}
