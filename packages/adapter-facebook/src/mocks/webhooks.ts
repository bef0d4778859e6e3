import type { WebhookRequest } from '@smmkit/core';
import {
  type GraphWebhookDelivery,
  graphWebhookDelivery,
  graphWebhookRequest,
} from '@smmkit/graph-api/mocks';
import type { PlatformSimulator } from '@smmkit/testkit';
import type { CommentStore } from './comments-store.js';

/** Who wrote something, as Page webhooks name them. */
export interface WebhookSender {
  /** App- or Page-scoped id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
}

/** A comment change of the `feed` field. */
export interface FeedCommentChange {
  /** The Page (entry id). */
  readonly pageId: string;
  /** The Page post it is under. */
  readonly postId: string;
  /** The comment. */
  readonly commentId: string;
  /** The comment it answers, for a reply (default: none, `parent_id` is the post). */
  readonly parentId?: string | undefined;
  /** Its author. */
  readonly from: WebhookSender;
  /** Its text. */
  readonly message: string;
  /** `add` (default), `edited`, `remove`, `hide` or `unhide`. */
  readonly verb?: 'add' | 'edited' | 'remove' | 'hide' | 'unhide' | undefined;
  /** When it happened, epoch ms (default now). */
  readonly time?: number | undefined;
}

/** A change of the `mention` field: the Page was named in a post, or in a comment on one. */
export interface MentionChange {
  /** The Page mentioned (entry id). */
  readonly pageId: string;
  /** The post that names it, or that the naming comment is on. */
  readonly postId: string;
  /** The comment that names it, when it is a comment. */
  readonly commentId?: string | undefined;
  /** Who wrote it. */
  readonly sender: WebhookSender;
  /** `add` (default), `edit` or `remove`. */
  readonly verb?: 'add' | 'edit' | 'remove' | undefined;
  /** When it happened, epoch ms (default now). */
  readonly time?: number | undefined;
}

/**
 * Builders of Facebook Page webhook bodies (`object: 'page'`, one entry per Page): a `feed`
 * comment change and a `mention` change, value shapes as documented at
 * https://developers.facebook.com/docs/graph-api/webhooks/reference/page/, `entry[].time` and
 * `created_time` in Unix seconds. Sign them with `@smmkit/graph-api/mocks`' `graphWebhookRequest`.
 *
 * @example
 * ```ts
 * const delivery = facebookWebhook.comment({ pageId, postId, commentId, from: { id: '9', name: 'Ana' }, message: 'Hi' });
 * const request = await graphWebhookRequest(appSecret, delivery);
 * ```
 */
export const facebookWebhook = {
  /** `feed`: `{from, post, message, post_id, comment_id, created_time, item:'comment', parent_id, verb}`. */
  comment(change: FeedCommentChange): GraphWebhookDelivery {
    const time = change.time ?? Date.now();
    return graphWebhookDelivery({
      object: 'page',
      objectId: change.pageId,
      time,
      field: 'feed',
      value: {
        from: { id: change.from.id, name: change.from.name },
        post: {
          status_type: 'mobile_status_update',
          is_published: true,
          permalink_url: `https://www.facebook.com/${change.postId}`,
          id: change.postId,
        },
        message: change.message,
        post_id: change.postId,
        comment_id: change.commentId,
        created_time: Math.floor(time / 1000),
        item: 'comment',
        parent_id: change.parentId ?? change.postId,
        verb: change.verb ?? 'add',
      },
    });
  },
  /** `mention`: `{post_id, comment_id?, item:'post'|'comment', sender_id, sender_name, verb}`. */
  mention(change: MentionChange): GraphWebhookDelivery {
    return graphWebhookDelivery({
      object: 'page',
      objectId: change.pageId,
      time: change.time,
      field: 'mention',
      value: {
        post_id: change.postId,
        ...(change.commentId === undefined ? {} : { comment_id: change.commentId }),
        item: change.commentId === undefined ? 'post' : 'comment',
        sender_id: change.sender.id,
        sender_name: change.sender.name,
        verb: change.verb ?? 'add',
      },
    });
  },
};

/**
 * The delivery Meta would send for a comment or mention in the simulator's state: a `feed`
 * comment change (with its `parent_id`) or a `mention` change for a tagged post, at the time it
 * was written.
 *
 * @param sim - the simulator
 * @param comments - its comment store
 * @param engagementId - a comment, reply or mention of the simulator
 * @returns the delivery
 * @throws Error when there is no such comment or mention
 *
 * @example
 * ```ts
 * const delivery = deliveryFor(sim, comments, comment.id);
 * ```
 */
export function deliveryFor(
  sim: PlatformSimulator,
  comments: CommentStore,
  engagementId: string,
): GraphWebhookDelivery {
  const item = sim.engagements.get(engagementId);
  const sender = (id: string, handle: string) => ({ id, name: sim.accounts.get(id)?.displayName ?? handle });
  const comment = comments.get(engagementId);
  // `post_id` is a Post id (https://developers.facebook.com/docs/graph-api/webhooks/reference/page/,
  // `feed`): the id the post is stored under, a video's Page post id (see `storeVideoPost`).
  if (comment?.postId !== undefined)
    return facebookWebhook.comment({
      pageId: comment.accountId,
      postId: comment.postId,
      commentId: comment.id,
      parentId: comments.parentOf(comment.id),
      from: sender(comment.authorId, comment.authorHandle),
      message: comment.text,
      time: comment.createdAt,
    });
  if (item?.kind === 'mention')
    return facebookWebhook.mention({
      pageId: item.accountId,
      postId: item.postId ?? item.id,
      sender: sender(item.authorId, item.authorHandle),
      time: item.createdAt,
    });
  throw new Error(`webhookDelivery: no comment or mention ${engagementId}`);
}

/**
 * {@link deliveryFor} as Meta posts it to the app's callback URL, signed with the app secret
 * (`X-Hub-Signature-256`): ready for the adapter's `webhooks.verify` and `webhooks.parse`.
 *
 * @example
 * ```ts
 * const request = await signedDeliveryFor(sim, comments, comment.id, appSecret);
 * ```
 */
export function signedDeliveryFor(
  sim: PlatformSimulator,
  comments: CommentStore,
  engagementId: string,
  appSecret: string,
): Promise<WebhookRequest> {
  return graphWebhookRequest(appSecret, deliveryFor(sim, comments, engagementId));
}
