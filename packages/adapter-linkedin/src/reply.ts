import { type Engagement, type ReplyTarget, type RequestContext, ValidationError } from '@smmkit/core';
import { type HttpClient, isEngagementTarget } from '@smmkit/core/adapter-kit';
import { httpActingAs } from './acting-author.js';
import { resolveAuthor } from './author.js';
import { createLinkedInComment } from './create-comment.js';
import { commentEngagement } from './engagement-mapping.js';

/**
 * Replies on LinkedIn, as the author (the adapter's `author` setting, else the account):
 *
 * - to a post: a comment on it;
 * - to a comment: a reply nested under it (`parentComment`); LinkedIn nests one level, so a reply
 *   to a reply goes under the same top-level comment;
 * - to a reaction: a comment on the post it is on.
 *
 * Through `POST /rest/socialActions/{urn}/comments`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api).
 *
 * @param http - the adapter's HTTP client
 * @param to - the engagement or post to answer
 * @param text - the reply's text
 * @param author - the adapter's `author` setting, when set
 * @param context - tokens, signal and clock
 * @returns the reply, as an engagement of kind `reply`
 *
 * @example
 * ```ts
 * const reply = await replyOnLinkedIn(http, comment, 'Thanks!', undefined, ctx);
 * ```
 */
export async function replyOnLinkedIn(
  http: HttpClient,
  to: ReplyTarget,
  text: string,
  author: string | undefined,
  context: RequestContext,
): Promise<Engagement> {
  const actor = resolveAuthor(context, author);
  const onComment = isEngagementTarget(to) && (to.kind === 'comment' || to.kind === 'reply');
  const post = isEngagementTarget(to) ? to.postRef?.platformPostId : to.platformPostId;
  if (post === undefined) {
    throw new ValidationError(
      [
        {
          path: ['to', 'postRef'],
          rule: 'reply.no_post',
          message: 'the engagement names no post to comment on',
        },
      ],
      'LinkedIn reply',
      { platform: 'linkedin' },
    );
  }
  const parentComment = onComment ? (to.parentId ?? to.id) : undefined;
  const { comment, urn } = await createLinkedInComment(
    httpActingAs(http, actor),
    { actor, object: post, text, parentComment },
    context,
    'create reply',
  );
  // What was sent fills in what the answer leaves out; the answer wins where it speaks.
  const sent = { commentUrn: urn, actor, object: post, message: { text }, parentComment };
  const engagement = commentEngagement({ ...sent, ...comment, commentUrn: urn }, context.account.accountId);
  return { ...(engagement as Engagement), kind: 'reply' };
}
