import type { WebhookRequest } from '@smmkit/core';
import { type GraphWebhookDelivery, graphWebhookRequest } from '@smmkit/graph-api/mocks';
import { type InstagramContext, postExtra } from './context.js';
import { instagramWebhook } from './webhooks.js';

/**
 * The delivery Meta would send for a comment, reply or tagged-media mention in the simulator's
 * state (https://developers.facebook.com/docs/instagram-platform/webhooks): a `comments` change
 * to the media's owner (with `parent_id` for a reply and the media's `media_product_type`), or a
 * `mentions` change naming the media that tags the account, at the time it was written.
 *
 * @param context - the simulator's state
 * @param engagementId - a comment, reply or mention of the simulator
 * @returns the delivery
 * @throws Error when there is no such comment or mention
 *
 * @example
 * ```ts
 * const delivery = deliveryFor(context, comment.id);
 * ```
 */
export function deliveryFor(context: InstagramContext, engagementId: string): GraphWebhookDelivery {
  const { sim, comments } = context;
  const comment = comments.get(engagementId);
  if (comment?.postId !== undefined) {
    const media = sim.posts.get(comment.postId);
    const productType = media === undefined ? undefined : postExtra(media.extra).productType;
    return instagramWebhook.comment({
      igUserId: comment.accountId,
      commentId: comment.id,
      mediaId: comment.postId,
      text: comment.text,
      from: { id: comment.authorId, username: comment.authorHandle },
      parentId: comments.parentOf(comment.id),
      mediaProductType: typeof productType === 'string' ? productType : undefined,
      time: comment.createdAt,
    });
  }
  const item = sim.engagements.get(engagementId);
  if (item?.kind === 'mention')
    return instagramWebhook.mention({
      igUserId: item.accountId,
      mediaId: item.postId ?? item.id,
      time: item.createdAt,
    });
  throw new Error(`webhookDelivery: no comment or mention ${engagementId}`);
}

/**
 * {@link deliveryFor} as Meta posts it to the app's callback URL: signed with the app secret
 * (`X-Hub-Signature-256`) over the body Meta writes, non-ASCII escaped as lowercase `\uXXXX`
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started, Validating
 * Payloads), ready for the adapter's `webhooks.verify` and `webhooks.parse`.
 *
 * @example
 * ```ts
 * const request = await signedDeliveryFor(context, comment.id, appSecret);
 * ```
 */
export function signedDeliveryFor(
  context: InstagramContext,
  engagementId: string,
  appSecret: string,
): Promise<WebhookRequest> {
  return graphWebhookRequest(appSecret, deliveryFor(context, engagementId));
}
