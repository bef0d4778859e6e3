import type { Engagement, ReplyTarget, RequestContext } from '@smmkit/core';
import { type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { postGraphReply } from '@smmkit/graph-api';
import { facebookCommentEngagement } from './comment-engagement.js';

/**
 * Replies as the Page, `POST /{object-id}/comments {message}` → `{id}`
 * (https://developers.facebook.com/docs/graph-api/reference/object/comments/; the request is
 * `postGraphReply` of `@smmkit/graph-api`):
 *
 * - to a comment: a reply under it;
 * - to a reply: a reply under its top-level comment (its `parentId`), where the Facebook app
 *   shows answers to replies;
 * - to a post (a `PostRef`): a comment on it.
 *
 * Mentions (posts by others that tag the Page) are not answered this way:
 * `UnsupportedCapabilityError`. The request creates a comment, so a lost answer is an
 * `AmbiguousOutcomeError`.
 *
 * @param http - the adapter's HTTP client
 * @param to - the comment, reply or post to answer
 * @param text - the reply's text
 * @param context - the Page, its token, signal, clock and rate-limit listener
 * @returns the new comment as an engagement (`reply` under a comment, `comment` under a post)
 *
 * @example
 * ```ts
 * const reply = await replyOnFacebook(http, comment, 'Thank you!', ctx);
 * ```
 */
export async function replyOnFacebook(
  http: HttpClient,
  to: ReplyTarget,
  text: string,
  context: RequestContext,
): Promise<Engagement> {
  const clock = context.clock ?? systemClock;
  const { accountId, handle } = context.account;
  const { id, parentId, postRef } = await postGraphReply(http, 'facebook', to, text, context);
  return facebookCommentEngagement(
    {
      id,
      message: text,
      from: { id: accountId, ...(handle === undefined ? {} : { name: handle }) },
      ...(parentId === undefined ? {} : { parent: { id: parentId } }),
    },
    { pageId: accountId, now: new Date(clock.now()), postRef },
  );
}
