import {
  type Engagement,
  type PostRef,
  type ReplyTarget,
  type RequestContext,
  UnsupportedCapabilityError,
} from '@smmkit/core';
import { type HttpClient, isEngagementTarget, systemClock } from '@smmkit/core/adapter-kit';
import { IdResponseSchema } from '../schemas.js';
import { facebookCommentEngagement } from './comment-engagement.js';

/**
 * Replies as the Page, `POST /{object-id}/comments {message}` → `{id}`
 * (https://developers.facebook.com/docs/graph-api/reference/object/comments/):
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
  let objectId: string;
  let parentId: string | undefined;
  let postRef: PostRef | undefined;
  if (isEngagementTarget(to)) {
    if (to.kind !== 'comment' && to.kind !== 'reply') {
      throw new UnsupportedCapabilityError(`engagement.reply for ${to.kind} engagements`, {
        platform: 'facebook',
      });
    }
    parentId = to.kind === 'reply' && to.parentId !== undefined ? to.parentId : to.id;
    objectId = parentId;
    postRef = to.postRef;
  } else {
    objectId = to.platformPostId;
    postRef = to;
  }
  const { data } = await http.request({
    method: 'POST',
    path: `/${encodeURIComponent(objectId)}/comments`,
    operation: parentId === undefined ? 'create comment' : 'create reply',
    json: { message: text },
    schema: IdResponseSchema,
    context,
    createsResource: true,
  });
  return facebookCommentEngagement(
    {
      id: data.id,
      message: text,
      from: { id: accountId, ...(handle === undefined ? {} : { name: handle }) },
      ...(parentId === undefined ? {} : { parent: { id: parentId } }),
    },
    { pageId: accountId, now: new Date(clock.now()), postRef },
  );
}
