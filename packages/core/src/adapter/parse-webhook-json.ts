import { ValidationError } from '../errors/validation-error.js';
import type { WebhookRequest } from './webhooks.js';

/**
 * The JSON of a webhook delivery's raw body, for `WebhookHandler.parse` after `verify`
 * succeeded. A body that is not JSON is a {@link ValidationError} (rule `webhook.invalid_json`).
 *
 * @param request - the delivery as received
 * @param subject - what the payload is, for the error (`X Account Activity payload`)
 * @param platform - the adapter's platform id
 *
 * @example
 * ```ts
 * parse: (request) => toEngagements(parseWebhookJson(request, 'Instagram webhook payload', 'instagram')),
 * ```
 */
export function parseWebhookJson(request: WebhookRequest, subject: string, platform: string): unknown {
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
