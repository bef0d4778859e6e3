import type { WebhookHandler, WebhookRequest } from '../../adapter/webhooks.js';

/**
 * What a platform's signed delivery says about itself, beyond its engagements: an id that stays
 * the same when the platform redelivers it, and the time the platform signed it. The router reads
 * it only after `verify` succeeded, so both must come from signed parts of the request.
 */
export interface WebhookDeliveryStamp {
  /** The platform's id for the delivery or its event, the same on every redelivery. */
  readonly id?: string | undefined;
  /**
   * When the platform signed it, from inside the signature (TikTok's `t=` in `TikTok-Signature`,
   * https://developers.tiktok.com/doc/webhooks-verification). A delivery signed longer ago than
   * the router's `maxAgeMs` is refused as a replay.
   */
  readonly signedAt?: Date | undefined;
}

/**
 * A {@link WebhookHandler} that can also read a delivery's {@link WebhookDeliveryStamp}. An
 * adapter whose platform signs a timestamp or names its deliveries adds `delivery` to its
 * handler; the webhook router then refuses stale deliveries and drops redeliveries by id.
 *
 * @example
 * ```ts
 * const webhooks: StampedWebhookHandler = {
 *   ...handler,
 *   delivery: (request) => ({ signedAt: new Date(Number(signedTimestamp(request)) * 1000) }),
 * };
 * ```
 */
export interface StampedWebhookHandler extends WebhookHandler {
  /** The stamp of a verified delivery; `undefined` when it carries none. */
  delivery(request: WebhookRequest): WebhookDeliveryStamp | undefined;
}

/**
 * The stamp of a verified delivery: the handler's `delivery` answer when it has one, else empty.
 *
 * @param handler - the adapter's webhook handler
 * @param request - the verified delivery
 * @returns its stamp
 *
 * @example
 * ```ts
 * const { id, signedAt } = readDeliveryStamp(adapter.webhooks, request);
 * ```
 */
export function readDeliveryStamp(handler: WebhookHandler, request: WebhookRequest): WebhookDeliveryStamp {
  const reader = (handler as Partial<StampedWebhookHandler>).delivery;
  return typeof reader === 'function' ? (reader.call(handler, request) ?? {}) : {};
}
