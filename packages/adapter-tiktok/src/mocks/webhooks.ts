import { createHmac } from 'node:crypto';
import type { WebhookRequest } from '@smmkit/core';
import type { TikTokSimContext } from './context.js';
import { statusOf } from './publications.js';

/** One event as TikTok delivers it (https://developers.tiktok.com/doc/webhooks-events). */
export interface TikTokWebhookBody {
  /** The app. */
  readonly client_key: string;
  /** The event name. */
  readonly event: string;
  /** When it happened, Unix seconds. */
  readonly create_time: number;
  /** The creator's `open_id`. */
  readonly user_openid: string;
  /** The details, serialized JSON. */
  readonly content: string;
}

/**
 * A delivery of `body` as TikTok posts it to the callback URL: the JSON body and
 * `TikTok-Signature: t={timestamp},s={hex HMAC-SHA256 of "{t}.{body}" under the client secret}`
 * (https://developers.tiktok.com/doc/webhooks-verification), signed here with Node's crypto,
 * apart from the adapter's own code.
 *
 * @param clientSecret - the app's client secret
 * @param body - the event, or the raw body to sign as it is
 * @param timestampSec - the signed timestamp, Unix seconds
 * @returns the request as a webhook handler receives it
 *
 * @example
 * ```ts
 * const delivery = signedTikTokWebhook('secret', body, Math.floor(Date.now() / 1000));
 * await adapter.webhooks?.verify(delivery); // true
 * ```
 */
export function signedTikTokWebhook(
  clientSecret: string,
  body: TikTokWebhookBody | string,
  timestampSec: number,
): WebhookRequest {
  const rawBody = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = createHmac('sha256', clientSecret).update(`${timestampSec}.${rawBody}`).digest('hex');
  return {
    method: 'POST',
    url: 'https://app.example/webhooks/tiktok',
    headers: new Headers({
      'content-type': 'application/json',
      'tiktok-signature': `t=${timestampSec},s=${signature}`,
    }),
    rawBody,
  };
}

/**
 * The events TikTok has sent so far about a publish, at `now`: `post.publish.complete` (or
 * `post.publish.inbox_delivered`, or `post.publish.failed` with its reason) once processed, and
 * `post.publish.publicly_available` with the public `post_id` once moderated (never for a
 * `SELF_ONLY` post: its status lists no public id, see `statusOf`). The post id is a bare
 * JSON number in the serialized content, as TikTok's int64 ids are.
 */
export function publishEvents(
  context: TikTokSimContext,
  publishId: string,
  clientKey: string,
  now: number,
): TikTokWebhookBody[] {
  const publication = context.publications.get(publishId);
  if (publication === undefined || publication.mediaAt === undefined) return [];
  const status = statusOf(context, publication, now);
  const doneAt = Math.floor((publication.mediaAt + context.processingMs) / 1000);
  const body = (event: string, createTime: number, content: string): TikTokWebhookBody => ({
    client_key: clientKey,
    event,
    create_time: createTime,
    user_openid: publication.accountId,
    content,
  });
  const publishType = publication.mode === 'inbox' ? 'INBOX_SHARE' : 'DIRECT_PUBLISH';
  const base = `"publish_id":${JSON.stringify(publishId)},"publish_type":"${publishType}"`;
  switch (status.status) {
    case 'FAILED':
      return [
        body('post.publish.failed', doneAt, `{${base},"reason":${JSON.stringify(status.fail_reason ?? '')}}`),
      ];
    case 'SEND_TO_USER_INBOX':
      return [body('post.publish.inbox_delivered', doneAt, `{${base}}`)];
    case 'PUBLISH_COMPLETE': {
      const events = [body('post.publish.complete', doneAt, `{${base}}`)];
      const [postId] = status.publicaly_available_post_id;
      if (postId !== undefined) {
        const publicAt = Math.floor(
          (publication.mediaAt + context.processingMs + context.moderationMs) / 1000,
        );
        events.push(body('post.publish.publicly_available', publicAt, `{${base},"post_id":${postId}}`));
      }
      return events;
    }
    default:
      return [];
  }
}
