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
