import { ValidationError } from '@smmkit/core';
import { safeParseModel } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';

/**
 * A delivery's body (https://developers.tiktok.com/doc/webhooks-events): the app, the event, when
 * it happened (Unix seconds), the creator, and the event's details as a serialized JSON string.
 */
const DeliverySchema = z.looseObject({
  client_key: z.string(),
  event: z.string(),
  create_time: z.number(),
  user_openid: z.string(),
  content: z._default(z.string(), '{}'),
});

/** An event TikTok delivered, read. */
export interface TikTokWebhookEvent {
  /**
   * The event: `authorization.removed`, `post.publish.complete`, `post.publish.failed`,
   * `post.publish.inbox_delivered`, `post.publish.publicly_available`,
   * `post.publish.no_longer_publicaly_available` (TikTok's spelling), or one TikTok adds later.
   */
  readonly event: string;
  /** The app the event is for. */
  readonly clientKey: string;
  /** The creator's `open_id`: the account's `accountId`. */
  readonly userOpenId: string;
  /** When the event happened (TikTok gives seconds). */
  readonly createdAt: Date;
  /** The publish it is about, for `post.publish.*`. */
  readonly publishId?: string | undefined;
  /** The public post id, for `post.publish.publicly_available` and `…no_longer_publicaly_available`. */
  readonly postId?: string | undefined;
  /** Why: a publish's fail reason, or the code of `authorization.removed` (1 = the user disconnected, …). */
  readonly reason?: string | number | undefined;
  /**
   * The same for every delivery of this event: TikTok delivers at least once and retries for 72
   * hours (https://developers.tiktok.com/doc/webhooks-overview), with no event id; keep the keys
   * you handled and skip a delivery whose key you have seen. Made of the event, the creator, the
   * time and the details, which a redelivery repeats exactly.
   */
  readonly deliveryKey: string;
  /** The details, parsed (ids as strings). */
  readonly content: Readonly<Record<string, unknown>>;
}

/** Bare integers of the id fields, which may exceed 2^53. */
const BARE_ID = /("(?:post_id|publish_id)"\s*:\s*)(\d+)/g;

/**
 * The event of a verified delivery's JSON. The details (`content`, a JSON string) are parsed with
 * their ids kept exact (a 19-digit `post_id` sent as a number would lose digits); details that are
 * not JSON are kept as `{ raw }`.
 *
 * @param payload - the delivery's JSON, after `verify` succeeded
 * @returns the event
 * @throws ValidationError (rule `webhook.payload`) when it is not a TikTok delivery
 *
 * @example
 * ```ts
 * const event = tiktokWebhookEvent(JSON.parse(body));
 * if (event.event === 'post.publish.publicly_available') await db.setPublicId(event.publishId, event.postId);
 * ```
 */
export function tiktokWebhookEvent(payload: unknown): TikTokWebhookEvent {
  const read = safeParseModel(DeliverySchema, payload);
  if (!read.success) {
    throw new ValidationError(
      [
        {
          path: [],
          rule: 'webhook.payload',
          message: 'is not a TikTok webhook delivery (client_key, event, create_time, user_openid, content)',
        },
      ],
      'TikTok webhook payload',
      { platform: 'tiktok' },
    );
  }
  const delivery = read.data;
  const content = parseContent(delivery.content);
  const text = (value: unknown) =>
    typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
  const reason = content.reason ?? content.fail_reason;
  const publishId = text(content.publish_id);
  const postId = text(content.post_id);
  return {
    event: delivery.event,
    clientKey: delivery.client_key,
    userOpenId: delivery.user_openid,
    createdAt: new Date(delivery.create_time * 1000),
    ...(publishId === undefined ? {} : { publishId }),
    ...(postId === undefined ? {} : { postId }),
    ...(typeof reason === 'string' || typeof reason === 'number' ? { reason } : {}),
    deliveryKey: `${delivery.event}:${delivery.user_openid}:${delivery.create_time}:${delivery.content}`,
    content,
  };
}

function parseContent(content: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(content.replace(BARE_ID, '$1"$2"'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : { raw: content };
  } catch {
    return { raw: content };
  }
}
