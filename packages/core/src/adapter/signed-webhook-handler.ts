import * as z from 'zod/mini';
import type { Engagement } from '../models/engagement.js';
import { parseModel } from '../parse/parse-model.js';
import { parseWebhookJson } from './parse-webhook-json.js';
import { positiveIntegerSetting, requiredSecretSetting } from './settings-schemas.js';
import { DEFAULT_WEBHOOK_MAX_BODY_BYTES, isWebhookBodyWithin } from './webhook-body.js';
import type { WebhookChallengeResponse, WebhookHandler } from './webhooks.js';

/** A setting of {@link createSignedWebhookHandler}, under the name the adapter's users know it by. */
export interface NamedSetting<T> {
  /** The setting's name, the path of its problem (`consumerSecret`). */
  readonly name: string;
  /** The value given. */
  readonly value: T;
}

/** What {@link createSignedWebhookHandler} needs to know about a platform's webhooks. */
export interface SignedWebhookDefinition {
  /** The adapter's platform id, for errors. */
  readonly platform: string;
  /** What the handler is, for a settings error (`X webhook handler`). */
  readonly subject: string;
  /** The secret the platform signs with; missing, empty or blank is refused. */
  readonly secret: NamedSetting<string>;
  /** The largest body accepted in bytes; `undefined` for `DEFAULT_WEBHOOK_MAX_BODY_BYTES` (1 MiB). */
  readonly maxBodyBytes: NamedSetting<number | undefined>;
  /** The header the platform sends the signature in (`x-twitter-webhooks-signature`). */
  readonly signatureHeader: string;
  /**
   * Whether `signature` signs `rawBody` under `secret`, compared in constant time. Called only
   * for a delivery that has the header and is within the body limit.
   */
  isSignature(secret: string, rawBody: Uint8Array | string, signature: string): Promise<boolean>;
  /** The answer to the platform's endpoint check in a `GET` to `url`, or `undefined` when it is none. */
  challenge(secret: string, url: URL): Promise<WebhookChallengeResponse | undefined>;
  /** What a delivery's body is, for a parse error (`X Account Activity payload`). */
  readonly payload: string;
  /** The engagements of a verified delivery's JSON; throws `ValidationError` for another shape. */
  toEngagements(json: unknown): readonly Engagement[];
}

/**
 * A webhook handler for a platform that signs each delivery's body with an app secret (an HMAC
 * in a header) and checks the endpoint with a signed `GET` challenge. The handler checks its
 * secret and body limit when made, answers only `GET` challenges, fails `verify` for a delivery
 * without the header or over the limit without hashing it, and parses a delivery's JSON
 * (`webhook.invalid_json`, `webhook.body_too_large`) before the platform's own reading.
 *
 * @param definition - the platform's secret, header, signature check, challenge and payload
 * @returns the webhook handler
 * @throws ValidationError when the secret is missing or blank (an unset environment variable),
 *   or the body limit is not a positive whole number
 *
 * @example
 * ```ts
 * const webhooks = createSignedWebhookHandler({
 *   platform: 'example', subject: 'Example webhook handler', payload: 'Example webhook payload',
 *   secret: { name: 'appSecret', value: appSecret }, maxBodyBytes: { name: 'maxBodyBytes', value: undefined },
 *   signatureHeader: 'x-example-signature',
 *   isSignature: async (secret, body, signature) => timingSafeEqual(signature, toHex(await hmacSha256(secret, body))),
 *   challenge: async (_secret, url) => undefined,
 *   toEngagements: (json) => exampleEngagements(json),
 * });
 * ```
 */
export function createSignedWebhookHandler(definition: SignedWebhookDefinition): WebhookHandler {
  const { platform, secret, signatureHeader } = definition;
  const settings = parseModel(
    z.object({
      [secret.name]: requiredSecretSetting,
      [definition.maxBodyBytes.name]: z._default(positiveIntegerSetting, DEFAULT_WEBHOOK_MAX_BODY_BYTES),
    }),
    { [secret.name]: secret.value, [definition.maxBodyBytes.name]: definition.maxBodyBytes.value },
    definition.subject,
    { platform },
  );
  const maxBodyBytes = settings[definition.maxBodyBytes.name] as number;
  return {
    async challenge(request) {
      if (request.method.toUpperCase() !== 'GET') return undefined;
      return definition.challenge(secret.value, new URL(request.url));
    },
    async verify(request) {
      const signature = request.headers.get(signatureHeader);
      if (signature === null || !isWebhookBodyWithin(request, maxBodyBytes)) return false;
      return definition.isSignature(secret.value, request.rawBody, signature);
    },
    parse(request) {
      return definition.toEngagements(
        parseWebhookJson(request, definition.payload, platform, { maxBodyBytes }),
      );
    },
  };
}
