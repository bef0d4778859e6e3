import type { Engagement } from '../models/engagement.js';

/** An inbound webhook request as your HTTP framework received it. */
export interface WebhookRequest {
  /** HTTP method. */
  readonly method: string;
  /** The full request URL (challenges arrive in the query). */
  readonly url: string | URL;
  /** Request headers. */
  readonly headers: Headers;
  /**
   * The body exactly as received, before any JSON parsing: signatures are computed over the raw
   * bytes (Meta signs an escaped-unicode payload that re-serialising would change).
   */
  readonly rawBody: Uint8Array | string;
}

/** What to answer a platform's webhook challenge (subscription check) with. */
export interface WebhookChallengeResponse {
  /** HTTP status. */
  readonly status: number;
  /** Content type of `body`. */
  readonly contentType: 'application/json' | 'text/plain';
  /** Body to send. */
  readonly body: string;
}

/**
 * An adapter's webhook support: answer the platform's subscription challenge, check each
 * delivery's signature in constant time, and turn a verified delivery into engagements.
 *
 * @example
 * ```ts
 * const challenge = await adapter.webhooks?.challenge(request);
 * if (challenge) return respond(challenge);
 * if (!(await adapter.webhooks?.verify(request))) return respond({ status: 401 });
 * inbox.push(...(adapter.webhooks?.parse(request) ?? []));
 * ```
 */
export interface WebhookHandler {
  /** The answer to a subscription challenge, or `undefined` when `request` is not a challenge. */
  challenge(request: WebhookRequest): Promise<WebhookChallengeResponse | undefined>;
  /** True when the delivery's signature is valid (compared in constant time). */
  verify(request: WebhookRequest): Promise<boolean>;
  /** The engagements in a verified delivery; other event kinds are ignored. Invalid payloads throw. */
  parse(request: WebhookRequest): readonly Engagement[];
}
