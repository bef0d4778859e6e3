import type { WebhookHandler } from '@smmkit/core';
import { createSignedWebhookHandler, type WebhookLimitSettings } from '@smmkit/core/adapter-kit';
import { notificationEngagements } from './webhook-payload.js';
import { isLinkedInSignature, linkedInChallengeResponse } from './webhook-signature.js';

/** The header LinkedIn signs deliveries with. */
const SIGNATURE_HEADER = 'x-li-signature';

/**
 * LinkedIn's webhook handler (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation):
 *
 * - `challenge`: LinkedIn checks an endpoint with a `GET ?challengeCode=…`; the answer is
 *   `{"challengeCode", "challengeResponse"}` with the hex HMAC-SHA256 of the code under the app's
 *   client secret; a code that could sign a delivery (one with `{`) is not answered;
 * - `verify`: each delivery's `X-LI-Signature` must be the hex HMAC-SHA256, under the client
 *   secret, of `hmacsha256=` followed by the raw body, compared in constant time; a body over
 *   `maxBodyBytes` fails;
 * - `parse`: organization social action notifications become engagements (comments, mentions,
 *   reactions; {@link notificationEngagements}). A body that is not JSON or too large throws a
 *   `ValidationError`.
 *
 * The signature covers only the body, so a replayed delivery verifies, and LinkedIn may deliver
 * one event more than once: deduplicate by the engagement's id.
 *
 * @param clientSecret - the app's client secret
 * @param limits - `webhookMaxBodyBytes`, the largest body accepted (default 1 MiB): a larger one fails
 *   `verify` unhashed and is refused by `parse`
 * @returns the webhook handler
 * @throws ValidationError when the secret is missing or blank, or the limit is not a positive whole number
 *
 * @example
 * ```ts
 * const webhooks = createLinkedInWebhookHandler(process.env.LINKEDIN_CLIENT_SECRET ?? '');
 * const challenge = await webhooks.challenge(request);
 * ```
 */
export function createLinkedInWebhookHandler(
  clientSecret: string,
  limits: WebhookLimitSettings = {},
): WebhookHandler {
  return createSignedWebhookHandler({
    platform: 'linkedin',
    subject: 'LinkedIn webhook handler',
    secret: { name: 'clientSecret', value: clientSecret },
    maxBodyBytes: { name: 'webhookMaxBodyBytes', value: limits.webhookMaxBodyBytes },
    signatureHeader: SIGNATURE_HEADER,
    isSignature: isLinkedInSignature,
    async challenge(secret, url) {
      const challengeCode = url.searchParams.get('challengeCode');
      // A delivery's signature is the same HMAC, under the same secret, of `hmacsha256=` + body:
      // signing any code would sign a forged delivery (code `hmacsha256={…}`). Every delivery is a
      // JSON object, so a code with `{` is no challenge; LinkedIn's codes are UUIDs (its example).
      if (challengeCode === null || challengeCode === '' || challengeCode.includes('{')) return undefined;
      const challengeResponse = await linkedInChallengeResponse(secret, challengeCode);
      return {
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ challengeCode, challengeResponse }),
      };
    },
    payload: 'LinkedIn webhook payload',
    toEngagements: notificationEngagements,
  });
}
