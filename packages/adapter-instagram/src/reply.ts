import type { Engagement, ReplyTarget, RequestContext } from '@smmkit/core';
import { type HttpClient, isEngagementTarget, systemClock } from '@smmkit/core/adapter-kit';
import { postGraphReply } from '@smmkit/graph-api';
import { instagramCommentEngagement } from './comment-engagement.js';
import { replyToInstagramMention } from './reply-to-mention.js';

/**
 * Replies on Instagram (https://developers.facebook.com/docs/instagram-platform/comment-moderation; IGComment.json `POST replies {message}`,
 * IGMedia.json `POST comments {message}`):
 *
 * - to a comment: `POST /{ig-comment-id}/replies {message}`;
 * - to a reply: replies go under top-level comments only, so it answers the reply's parent comment;
 * - to a post (a `PostRef`): `POST /{ig-media-id}/comments {message}`;
 * - to an @mention in another account's caption or comment (a `mentions` webhook's mention, which
 *   names its media): `POST /{ig-user-id}/mentions {media_id, comment_id?, message}`
 *   (reply-to-mention.ts).
 *
 * Comments and replies go through `postGraphReply` of `@smmkit/graph-api`.
 *
 * Media the account is only tagged in (`GET /{ig-user-id}/tags`) and hashtag media cannot be
 * answered — "Commenting on photos in which you were tagged is not supported"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentions):
 * `UnsupportedCapabilityError`, before any request. The request creates a comment, so a lost
 * answer is an `AmbiguousOutcomeError`.
 *
 * @param http - the adapter's HTTP client
 * @param to - the comment, reply, post or @mention to answer
 * @param text - the reply's text
 * @param context - tokens, signal, clock and rate-limit listener
 * @returns the new comment, as an engagement (`reply` under a comment, `comment` under a post)
 *
 * @example
 * ```ts
 * const reply = await replyOnInstagram(http, comment, 'Thank you!', ctx);
 * ```
 */
export async function replyOnInstagram(
  http: HttpClient,
  to: ReplyTarget,
  text: string,
  context: RequestContext,
): Promise<Engagement> {
  const clock = context.clock ?? systemClock;
  const { accountId } = context.account;
  const { id, parentId, postRef } =
    isEngagementTarget(to) && to.kind === 'mention' && to.postRef !== undefined
      ? await replyToInstagramMention(http, { ...to, postRef: to.postRef }, text, context)
      : await postGraphReply(http, 'instagram', to, text, context);
  return instagramCommentEngagement(
    {
      id,
      text,
      ...(context.account.handle === undefined ? {} : { username: context.account.handle }),
      from: {
        id: accountId,
        ...(context.account.handle === undefined ? {} : { username: context.account.handle }),
      },
      ...(parentId === undefined ? {} : { parent_id: parentId }),
    },
    { accountId, now: new Date(clock.now()), postRef },
  );
}
