import {
  type Engagement,
  type PostRef,
  type ReplyTarget,
  type RequestContext,
  ValidationError,
} from '@smmkit/core';
import { type HttpClient, isEngagementTarget, systemClock } from '@smmkit/core/adapter-kit';
import { createXPost } from './create-post.js';
import { xPostRef } from './post-ref.js';
import { type XReplyTextRules, xReplyTextProblems } from './reply-text.js';
import { SendDmResponseSchema } from './schemas.js';

/**
 * The id of a one-to-one DM conversation: both user ids joined by `-`
 * (`/2/dm_conversations/1234567890-9876543210/dm_events` in
 * https://docs.x.com/x-api/direct-messages/lookup/introduction); a group conversation's id is one
 * number (`dm_conversation_id` of `POST /2/dm_conversations`,
 * https://docs.x.com/x-api/direct-messages/create-a-new-dm-conversation).
 */
const ONE_TO_ONE = /^\d+-\d+$/;

/**
 * Replies on X (https://docs.x.com/x-api/posts/manage-tweets/introduction;
 * https://docs.x.com/x-api/direct-messages/manage/introduction):
 *
 * - to a post or a mention/reply: a post with `reply.in_reply_to_tweet_id` set to it
 *   (`POST /2/tweets`); X links the reply to the conversation itself;
 * - to a direct message: a message to its sender,
 *   `POST /2/dm_conversations/with/:participant_id/messages` `{text}` →
 *   `{data:{dm_conversation_id, dm_event_id}}` (scope `dm.write`; 15 per 15 minutes); to a
 *   message of a group conversation, a message to the group,
 *   `POST /2/dm_conversations/:dm_conversation_id/messages`
 *   (https://docs.x.com/x-api/direct-messages/send-a-new-message-to-a-dm-conversation), so a
 *   reply to the group is not sent to its sender alone.
 *
 * A reply that is a post is checked first, as a post is ({@link xReplyTextProblems}: text, weighted
 * length against the account's limit, self-serve cashtags), and refused with a `ValidationError`
 * before any request. A direct message is not: its text has no documented limit
 * (`CreateDirectMessagesByParticipantIdRequest` in https://api.x.com/2/openapi.json).
 *
 * Both are creates: a lost answer is an `AmbiguousOutcomeError`. Since Feb 2026 self-serve apps
 * may reply only where the original author summoned them
 * (https://docs.x.com/x-api/posts/manage-tweets/introduction; https://docs.x.com/changelog): X's refusal
 * arrives as `PlatformError('platform_refused')` with X's message.
 *
 * @param http - the adapter's HTTP client
 * @param to - the engagement or post to answer
 * @param text - the reply's text
 * @param context - the account, tokens, signal, clock and rate-limit listener
 * @param rules - the account's text limit and the app's access, for the check of a reply that is a post
 * @returns the reply, as an engagement (`reply`, or `direct_message` for a message)
 * @throws ValidationError when X would refuse the text of a reply that is a post; nothing is sent
 *
 * @example
 * ```ts
 * const reply = await replyOnX(http, mention, 'Thanks!', ctx, { maxTextLength: 280, access: 'self-serve' });
 * ```
 */
export async function replyOnX(
  http: HttpClient,
  to: ReplyTarget,
  text: string,
  context: RequestContext,
  rules: XReplyTextRules,
): Promise<Engagement> {
  const clock = context.clock ?? systemClock;
  const { account } = context;
  const me = { id: account.accountId, ...(account.handle === undefined ? {} : { handle: account.handle }) };

  if (isEngagementTarget(to) && to.kind === 'direct_message') {
    const conversation = to.conversationId;
    const { data } = await http.request({
      method: 'POST',
      path:
        conversation !== undefined && !ONE_TO_ONE.test(conversation)
          ? `/2/dm_conversations/${encodeURIComponent(conversation)}/messages`
          : `/2/dm_conversations/with/${encodeURIComponent(to.author.id)}/messages`,
      operation: 'send direct message',
      json: { text },
      schema: SendDmResponseSchema,
      context,
      createsResource: true,
    });
    return {
      platform: 'x',
      accountId: account.accountId,
      id: data.data.dm_event_id,
      kind: 'direct_message',
      conversationId: data.data.dm_conversation_id,
      author: me,
      text,
      createdAt: new Date(clock.now()),
      raw: data.data,
    };
  }

  const problems = xReplyTextProblems(text, rules);
  if (problems.length > 0) throw new ValidationError(problems, 'reply for x', { platform: 'x' });

  // The post the reply is about: the engagement's post, else the engagement itself (a mention
  // is a post by its author), or the post replied to.
  const target: { id: string; postRef: PostRef; conversationId: string | undefined } = isEngagementTarget(to)
    ? {
        id: to.id,
        postRef: to.postRef ?? xPostRef(to.id, to.author.id, to.author.handle),
        conversationId: to.conversationId,
      }
    : { id: to.platformPostId, postRef: to, conversationId: undefined };
  const { post } = await createXPost(
    http,
    { text, inReplyToId: target.id },
    { operation: 'create reply', context },
  );
  return {
    platform: 'x',
    accountId: account.accountId,
    id: post.id,
    kind: 'reply',
    postRef: target.postRef,
    parentId: target.id,
    ...(target.conversationId === undefined ? {} : { conversationId: target.conversationId }),
    author: me,
    text: post.text ?? text,
    createdAt: new Date(clock.now()),
    raw: post,
  };
}
