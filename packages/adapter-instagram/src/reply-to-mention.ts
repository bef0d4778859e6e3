import type { Engagement, PostRef, RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { IdResponseSchema } from './schemas.js';

/** The comment a reply to an @mention created, and where it stands. */
export interface MentionReply {
  /** The new comment's id. */
  readonly id: string;
  /** The mentioning comment it is under; absent for a comment on a mentioning caption's media. */
  readonly parentId?: string | undefined;
  /** The media it is on. */
  readonly postRef: PostRef;
}

/**
 * Answers an @mention of the account in another account's caption or comment:
 * `POST /{ig-user-id}/mentions {media_id, comment_id?, message}` → `{id}`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentions).
 *
 * - a mention in a comment (its id is not its media's): `media_id` and `comment_id`; "The reply
 *   will appear as a sub-thread comment on the comment in which the Business or Creator Account
 *   was mentioned" (https://developers.facebook.com/docs/instagram-api/guides/mentions), so the new
 *   comment's `parentId` is the mentioning comment;
 * - a mention in a caption: `media_id` only; the new comment is on that media.
 *
 * The request creates a comment (`createsResource`), so a lost answer is an `AmbiguousOutcomeError`.
 *
 * @param http - the adapter's HTTP client
 * @param mention - the mention, with the media it is on (`postRef`, as a `mentions` webhook gives it)
 * @param text - the answer's text
 * @param context - the mentioned account, its token, signal and rate-limit listener
 * @returns the new comment's id, the comment it is under and its media
 *
 * @example
 * ```ts
 * const { id } = await replyToInstagramMention(http, mention, 'Thanks for the shout-out!', ctx);
 * ```
 */
export async function replyToInstagramMention(
  http: HttpClient,
  mention: Engagement & { readonly postRef: PostRef },
  text: string,
  context: RequestContext,
): Promise<MentionReply> {
  const mediaId = mention.postRef.platformPostId;
  const commentId = mention.id === mediaId ? undefined : mention.id;
  const { data } = await http.request({
    method: 'POST',
    path: `/${encodeURIComponent(context.account.accountId)}/mentions`,
    operation: 'reply to mention',
    json: { media_id: mediaId, ...(commentId === undefined ? {} : { comment_id: commentId }), message: text },
    schema: IdResponseSchema,
    context,
    createsResource: true,
  });
  return {
    id: data.id,
    ...(commentId === undefined ? {} : { parentId: commentId }),
    postRef: mention.postRef,
  };
}
