import { type GraphWebhookDelivery, graphWebhookDelivery } from '@smmkit/graph-api/mocks';

/** Who wrote a comment, as webhooks describe it. */
export interface WebhookUser {
  /** IG-scoped user id. */
  readonly id: string;
  /** Username. */
  readonly username: string;
}

/** A `comments` change. */
export interface CommentChange {
  /** The account the webhook is for (entry id). */
  readonly igUserId: string;
  /** The comment id. */
  readonly commentId: string;
  /** The media it is on. */
  readonly mediaId: string;
  /** Its text. */
  readonly text: string;
  /** Its author. */
  readonly from: WebhookUser;
  /** The parent comment, for a reply. */
  readonly parentId?: string | undefined;
  /** `media_product_type` of the media (default FEED). */
  readonly mediaProductType?: string | undefined;
  /** Delivery time, epoch ms (default now). */
  readonly time?: number | undefined;
}

/** A `mentions` change: the account was mentioned in a caption (no comment id) or a comment. */
export interface MentionChange {
  /** The account mentioned (entry id). */
  readonly igUserId: string;
  /** The media that mentions it, or that the mentioning comment is on. */
  readonly mediaId: string;
  /** The comment that mentions it, when it is a comment. */
  readonly commentId?: string | undefined;
  /** Delivery time, epoch ms (default now). */
  readonly time?: number | undefined;
}

/**
 * Builders of Instagram webhook bodies (`object: 'instagram'`, one entry per account): fields
 * `comments` and `mentions`, value shapes as documented at
 * https://developers.facebook.com/docs/instagram-platform/webhooks, `entry[].time` in Unix
 * seconds. Post them with `@smmkit/graph-api/mocks`' `graphWebhookRequest`, which writes and
 * signs the body as Meta does (non-ASCII escaped as lowercase `\uXXXX`,
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started, Validating Payloads);
 * signing plain `JSON.stringify` output is not what Meta sends.
 *
 * @example
 * ```ts
 * const delivery = instagramWebhook.comment({ igUserId, commentId, mediaId, text: 'Hi', from: { id, username: 'fan_1' } });
 * const request = await graphWebhookRequest(appSecret, delivery);
 * ```
 */
export const instagramWebhook = {
  /** `comments`: `{from:{id,username}, media:{id, media_product_type}, id, parent_id?, text}`. */
  comment: (change: CommentChange): GraphWebhookDelivery =>
    delivery(change, 'comments', {
      from: { id: change.from.id, username: change.from.username },
      media: { id: change.mediaId, media_product_type: change.mediaProductType ?? 'FEED' },
      id: change.commentId,
      ...(change.parentId === undefined ? {} : { parent_id: change.parentId }),
      text: change.text,
    }),
  /** `mentions`: `{media_id, comment_id?}`. */
  mention: (change: MentionChange): GraphWebhookDelivery =>
    delivery(change, 'mentions', {
      media_id: change.mediaId,
      ...(change.commentId === undefined ? {} : { comment_id: change.commentId }),
    }),
};

/** An `instagram` delivery of one change of `field` for the account `change.igUserId`. */
function delivery(
  change: Pick<MentionChange, 'igUserId' | 'time'>,
  field: string,
  value: Readonly<Record<string, unknown>>,
): GraphWebhookDelivery {
  return graphWebhookDelivery({
    object: 'instagram',
    objectId: change.igUserId,
    time: change.time,
    field,
    value,
  });
}
