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

/** An Instagram webhook delivery body (`object: 'instagram'`). */
export interface InstagramWebhookPayload {
  /** Always `instagram`. */
  readonly object: 'instagram';
  /** One entry per account. */
  readonly entry: readonly {
    /** The Instagram account id the changes concern. */
    readonly id: string;
    /** When the changes happened, Unix seconds. */
    readonly time: number;
    /** The changes, one per event. */
    readonly changes: readonly {
      /** The subscribed field (`comments`, `mentions`). */
      readonly field: string;
      /** The field's payload. */
      readonly value: Readonly<Record<string, unknown>>;
    }[];
  }[];
}

function envelope(
  igUserId: string,
  time: number | undefined,
  field: string,
  value: Record<string, unknown>,
): InstagramWebhookPayload {
  return {
    object: 'instagram',
    entry: [{ id: igUserId, time: Math.floor((time ?? Date.now()) / 1000), changes: [{ field, value }] }],
  };
}

/**
 * Builders of Instagram webhook bodies: fields `comments` and `mentions`, value shapes as
 * documented at https://developers.facebook.com/docs/instagram-platform/webhooks, `entry[].time`
 * in Unix seconds.
 */
export const instagramWebhook = {
  /** `comments`: `{from:{id,username}, media:{id, media_product_type}, id, parent_id?, text}`. */
  comment(change: CommentChange): InstagramWebhookPayload {
    return envelope(change.igUserId, change.time, 'comments', {
      from: { id: change.from.id, username: change.from.username },
      media: { id: change.mediaId, media_product_type: change.mediaProductType ?? 'FEED' },
      id: change.commentId,
      ...(change.parentId === undefined ? {} : { parent_id: change.parentId }),
      text: change.text,
    });
  },
  /** `mentions`: `{media_id, comment_id?}`. */
  mention(change: MentionChange): InstagramWebhookPayload {
    return envelope(change.igUserId, change.time, 'mentions', {
      media_id: change.mediaId,
      ...(change.commentId === undefined ? {} : { comment_id: change.commentId }),
    });
  },
};
