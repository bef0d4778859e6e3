import { ValidationError } from '../errors/validation-error.js';
import { DEFAULT_WEBHOOK_MAX_BODY_BYTES, isWebhookBodyWithin, webhookBodyBytes } from './webhook-body.js';
import type { WebhookRequest } from './webhooks.js';

/** Options of {@link parseWebhookJson}. */
export interface ParseWebhookJsonOptions {
  /** The largest body to parse, in bytes; default `DEFAULT_WEBHOOK_MAX_BODY_BYTES` (1 MiB). */
  readonly maxBodyBytes?: number | undefined;
}

/**
 * The JSON of a webhook delivery's raw body, for `WebhookHandler.parse` after `verify`
 * succeeded. A body that is not JSON is a {@link ValidationError} (rule `webhook.invalid_json`),
 * and so is one larger than `options.maxBodyBytes` (rule `webhook.body_too_large`, not parsed).
 *
 * @param request - the delivery as received
 * @param subject - what the payload is, for the error (`X Account Activity payload`)
 * @param platform - the adapter's platform id
 * @param options - the body size limit
 *
 * @example
 * ```ts
 * parse: (request) => toEngagements(parseWebhookJson(request, 'Instagram webhook payload', 'instagram')),
 * ```
 */
export function parseWebhookJson(
  request: WebhookRequest,
  subject: string,
  platform: string,
  options: ParseWebhookJsonOptions = {},
): unknown {
  const maxBytes = options.maxBodyBytes ?? DEFAULT_WEBHOOK_MAX_BODY_BYTES;
  if (!isWebhookBodyWithin(request, maxBytes)) {
    const actual = webhookBodyBytes(request);
    throw new ValidationError(
      [
        {
          path: [],
          rule: 'webhook.body_too_large',
          message: `is ${actual} bytes; at most ${maxBytes} are accepted`,
          limit: maxBytes,
          actual,
        },
      ],
      subject,
      { platform },
    );
  }
  const text =
    typeof request.rawBody === 'string' ? request.rawBody : new TextDecoder().decode(request.rawBody);
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError(
      [{ path: [], rule: 'webhook.invalid_json', message: 'the delivery body is not JSON' }],
      subject,
      { platform },
    );
  }
}
