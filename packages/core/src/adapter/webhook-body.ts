import type { WebhookRequest } from './webhooks.js';

/**
 * The largest webhook body the webhook helpers accept by default: 1 MiB. Deliveries are small
 * (X's Account Activity events and Meta's change notifications are a few KiB; Meta batches at
 * most 1,000 changes per delivery), so 1 MiB leaves room while keeping an unauthenticated
 * sender from making the app hash and parse megabytes before the signature fails.
 */
export const DEFAULT_WEBHOOK_MAX_BODY_BYTES = 1_048_576;

/**
 * The size of a webhook body in bytes (a text body counted as UTF-8).
 *
 * @param request - the delivery as received
 * @returns its body's length in bytes
 *
 * @example
 * ```ts
 * webhookBodyBytes({ method: 'POST', url, headers, rawBody: 'é' }); // 2
 * ```
 */
export function webhookBodyBytes(request: WebhookRequest): number {
  const { rawBody } = request;
  return typeof rawBody === 'string' ? new TextEncoder().encode(rawBody).length : rawBody.length;
}

/**
 * True when the body is at most `maxBytes` long. A text body is measured without encoding it
 * when its length alone decides (UTF-8 takes 1 to 3 bytes per UTF-16 unit), so an oversized
 * body costs nothing to refuse.
 *
 * @param request - the delivery as received
 * @param maxBytes - the limit; default {@link DEFAULT_WEBHOOK_MAX_BODY_BYTES}
 * @returns whether the body fits
 *
 * @example
 * ```ts
 * async verify(request) {
 *   if (!isWebhookBodyWithin(request, maxBodyBytes)) return false;
 *   // …compare the signature
 * }
 * ```
 */
export function isWebhookBodyWithin(
  request: WebhookRequest,
  maxBytes: number = DEFAULT_WEBHOOK_MAX_BODY_BYTES,
): boolean {
  const { rawBody } = request;
  if (typeof rawBody !== 'string') return rawBody.length <= maxBytes;
  if (rawBody.length > maxBytes) return false;
  if (rawBody.length * 3 <= maxBytes) return true;
  return webhookBodyBytes(request) <= maxBytes;
}
