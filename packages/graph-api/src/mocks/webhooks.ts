import type { WebhookRequest } from '@smmkit/core';
import { hmacSha256, toHex } from '@smmkit/core/adapter-kit';

/** A Graph webhook delivery body: `{object, entry:[{id, time, changes:[{field, value}]}]}`. */
export interface GraphWebhookDelivery {
  /** What was subscribed to: `page`, `instagram`, … */
  readonly object: string;
  /** One entry per object (Page, Instagram account). */
  readonly entry: readonly {
    /** The id of the object the changes concern. */
    readonly id: string;
    /** When the changes happened, Unix seconds. */
    readonly time: number;
    /** The changes, one per event. */
    readonly changes: readonly {
      /** The subscribed field (`feed`, `comments`, `mentions`). */
      readonly field: string;
      /** The field's payload. */
      readonly value: Readonly<Record<string, unknown>>;
    }[];
  }[];
}

/**
 * A delivery of one change, as Meta posts it
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started, Event Notifications):
 * `entry[].time` in Unix seconds (default now).
 *
 * @example
 * ```ts
 * const body = JSON.stringify(graphWebhookDelivery({ object: 'page', objectId: pageId, field: 'feed', value: { item: 'comment', verb: 'add' } }));
 * ```
 */
export function graphWebhookDelivery(change: {
  /** `object` of the delivery (`page`, `instagram`). */
  readonly object: string;
  /** `entry[].id`: the Page or account. */
  readonly objectId: string;
  /** The subscribed field. */
  readonly field: string;
  /** The field's payload. */
  readonly value: Readonly<Record<string, unknown>>;
  /** When it happened, epoch ms (default now). */
  readonly time?: number | undefined;
}): GraphWebhookDelivery {
  return {
    object: change.object,
    entry: [
      {
        id: change.objectId,
        time: Math.floor((change.time ?? Date.now()) / 1000),
        changes: [{ field: change.field, value: change.value }],
      },
    ],
  };
}

/**
 * The `X-Hub-Signature-256` header Meta puts on webhook deliveries: `sha256=` + hex
 * HMAC-SHA256(app secret, raw body) (https://developers.facebook.com/docs/graph-api/webhooks/getting-started).
 *
 * @example
 * ```ts
 * const body = JSON.stringify(delivery);
 * const headers = { 'x-hub-signature-256': await signGraphWebhook(appSecret, body) };
 * ```
 */
export async function signGraphWebhook(appSecret: string, rawBody: string | Uint8Array): Promise<string> {
  return `sha256=${toHex(await hmacSha256(appSecret, rawBody))}`;
}

/**
 * A delivery as Meta posts it to the callback URL, ready for a webhook handler's `verify` and
 * `parse`: `POST` with `Content-Type: application/json` and `X-Hub-Signature-256` over the exact
 * bytes of the body (https://developers.facebook.com/docs/graph-api/webhooks/getting-started,
 * Event Notifications). The body is the delivery's JSON as Meta writes it, every non-ASCII
 * character escaped as `\uXXXX` with lowercase hex digits ("we generate the signature using an
 * escaped unicode version of the payload, with lowercase hex digits … the string äöå should be
 * escaped to \u00e4\u00f6\u00e5", same page), unless `rawBody` gives the bytes. A handler that
 * signs anything but the raw bytes it received (the parsed JSON written out again, say) fails
 * here as it would on Meta's deliveries.
 *
 * @param appSecret - the app secret Meta signs with
 * @param delivery - the body, usually from {@link graphWebhookDelivery}
 * @param options - the callback URL (default `https://app.example/webhooks/meta`) and the raw body
 * @returns the request
 *
 * @example
 * ```ts
 * const request = await graphWebhookRequest(appSecret, graphWebhookDelivery({ object: 'page', objectId: pageId, field: 'feed', value }));
 * const engagements = (await adapter.webhooks.verify(request)) ? adapter.webhooks.parse(request) : [];
 * ```
 */
export async function graphWebhookRequest(
  appSecret: string,
  delivery: unknown,
  options: { readonly url?: string | undefined; readonly rawBody?: string | undefined } = {},
): Promise<WebhookRequest> {
  const rawBody = options.rawBody ?? escapedJson(delivery);
  const headers = new Headers({
    'content-type': 'application/json',
    'x-hub-signature-256': await signGraphWebhook(appSecret, rawBody),
  });
  return { method: 'POST', url: options.url ?? 'https://app.example/webhooks/meta', headers, rawBody };
}

/**
 * `JSON.stringify(value)` with every character above U+007F written as `\uXXXX` (lowercase hex,
 * one escape per UTF-16 unit, so an emoji is its surrogate pair), as Meta writes the webhook
 * payloads it signs (https://developers.facebook.com/docs/graph-api/webhooks/getting-started,
 * Validating Payloads).
 */
function escapedJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
