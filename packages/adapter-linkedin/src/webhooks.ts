import type { WebhookHandler } from '@smmkit/core';
import type { WebhookLimitSettings } from '@smmkit/core/adapter-kit';
import {
  isWebhookBodyWithin,
  parseModel,
  parseWebhookJson,
  positiveIntegerSetting,
  requiredSecretSetting,
} from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { notificationEngagements } from './webhook-payload.js';
import { isLinkedInSignature, linkedInChallengeResponse } from './webhook-signature.js';

/** The header LinkedIn signs deliveries with. */
const SIGNATURE_HEADER = 'x-li-signature';

/** The client secret must be set; the body limit, when given, a positive whole number of bytes. */
const LinkedInWebhookSettingsSchema = z.object({
  clientSecret: requiredSecretSetting,
  webhookMaxBodyBytes: z.optional(positiveIntegerSetting),
});

/**
 * LinkedIn's webhook handler (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation):
 *
 * - `challenge`: LinkedIn checks an endpoint with a `GET ?challengeCode=…`; the answer is
 *   `{"challengeCode", "challengeResponse"}` with the hex HMAC-SHA256 of the code under the app's
 *   client secret;
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
  const { webhookMaxBodyBytes: maxBodyBytes } = parseModel(
    LinkedInWebhookSettingsSchema,
    { clientSecret, webhookMaxBodyBytes: limits.webhookMaxBodyBytes },
    'LinkedIn webhook handler',
    { platform: 'linkedin' },
  );
  return {
    async challenge(request) {
      if (request.method.toUpperCase() !== 'GET') return undefined;
      const challengeCode = new URL(request.url).searchParams.get('challengeCode');
      if (challengeCode === null || challengeCode === '') return undefined;
      const challengeResponse = await linkedInChallengeResponse(clientSecret, challengeCode);
      return {
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ challengeCode, challengeResponse }),
      };
    },
    async verify(request) {
      const signature = request.headers.get(SIGNATURE_HEADER);
      if (!isWebhookBodyWithin(request, maxBodyBytes) || signature === null) return false;
      return isLinkedInSignature(clientSecret, request.rawBody, signature);
    },
    parse(request) {
      return notificationEngagements(
        parseWebhookJson(request, 'LinkedIn webhook payload', 'linkedin', { maxBodyBytes }),
      );
    },
  };
}
