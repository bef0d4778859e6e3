import type { Engagement, EngagementAuthor, EngagementKind, PostRef } from '@smmkit/core';
import { X_NOTE_FIELD, xPostText } from './post-text.js';
import type { XDmEvent, XPost, XUser } from './schemas.js';
import { createdTime } from './x-time.js';

/**
 * The `tweet.fields` {@link xPostEngagement} reads (`Post` in https://api.x.com/2/openapi.json; the docs name
 * the parameter `tweet.fields`): ask for them on every listing whose posts become engagements.
 */
export const X_ENGAGEMENT_POST_FIELDS = `author_id,conversation_id,created_at,in_reply_to_user_id,referenced_tweets,${X_NOTE_FIELD}`;

/** Where a post or message sits, beyond itself. */
export interface XEngagementContext {
  /** The account whose inbox it is. */
  readonly accountId: string;
  /** Authors expanded in `includes.users`, by id, for handles and names. */
  readonly users: ReadonlyMap<string, XUser>;
  /** The time to use when X gives none (the clock's now). */
  readonly now: Date;
}

/**
 * The post a post replies to: the `replied_to` entry of `referenced_tweets` (docs, live API) or
 * `referenced_posts` (the newest OpenAPI spec, https://api.x.com/2/openapi.json).
 *
 * @param post - the post
 * @returns the parent's id, when the post is a reply
 *
 * @example
 * ```ts
 * repliedToId({ id: '2', referenced_tweets: [{ type: 'replied_to', id: '1' }] }); // '1'
 * ```
 */
export function repliedToId(post: Pick<XPost, 'referenced_tweets' | 'referenced_posts'>): string | undefined {
  return [...(post.referenced_tweets ?? []), ...(post.referenced_posts ?? [])].find(
    (reference) => reference.type === 'replied_to',
  )?.id;
}

/**
 * A post as an inbox item: its id, author (handle and name from `includes.users`), text (all of a
 * long post's, from `note_tweet`), the post it answers as `parentId`, `conversation_id`, and the
 * whole post as `raw`. A post that replies to the account is a `reply` about the account's post;
 * any other is a `mention`, unless `kind` and `postRef` are given (replies found by conversation).
 *
 * @param post - the post (with `author_id`)
 * @param where - the account, expanded users and the fallback time
 * @param about - the kind and post it is about, when the caller knows them
 * @returns the engagement, or `undefined` when X did not say who wrote it
 *
 * @example
 * ```ts
 * xPostEngagement(post, { accountId: '2244994945', users, now: new Date() });
 * ```
 */
export function xPostEngagement(
  post: XPost,
  where: XEngagementContext,
  about?: { readonly kind: EngagementKind; readonly postRef: PostRef },
): Engagement | undefined {
  if (post.author_id === undefined || post.author_id === '') return undefined;
  const parentId = repliedToId(post);
  const repliesToAccount = post.in_reply_to_user_id === where.accountId && parentId !== undefined;
  const postRef: PostRef | undefined =
    about?.postRef ??
    (repliesToAccount ? { platform: 'x', accountId: where.accountId, platformPostId: parentId } : undefined);
  return {
    platform: 'x',
    accountId: where.accountId,
    id: post.id,
    kind: about?.kind ?? (repliesToAccount ? 'reply' : 'mention'),
    ...(postRef === undefined ? {} : { postRef }),
    ...(parentId === undefined ? {} : { parentId }),
    ...(post.conversation_id === undefined || post.conversation_id === ''
      ? {}
      : { conversationId: post.conversation_id }),
    author: author(post.author_id, where.users),
    text: xPostText(post) ?? '',
    createdAt: createdTime(post.created_at, post.id, where.now),
    raw: post,
  };
}

/**
 * A direct message as an inbox item: the event id, the sender as author, the text, the
 * `dm_conversation_id`, and the event as `raw` (`DmEvent` in https://api.x.com/2/openapi.json). Replying to
 * it sends a message to its conversation: the sender, or the group for a group conversation.
 *
 * @param event - a `MessageCreate` event (with `sender_id`)
 * @param where - the account, expanded users and the fallback time
 * @returns the engagement, or `undefined` when X did not say who sent it
 *
 * @example
 * ```ts
 * xDmEngagement(event, { accountId: '2244994945', users, now: new Date() });
 * ```
 */
export function xDmEngagement(event: XDmEvent, where: XEngagementContext): Engagement | undefined {
  if (event.sender_id === undefined || event.sender_id === '') return undefined;
  return {
    platform: 'x',
    accountId: where.accountId,
    id: event.id,
    kind: 'direct_message',
    ...(event.dm_conversation_id === undefined || event.dm_conversation_id === ''
      ? {}
      : { conversationId: event.dm_conversation_id }),
    author: author(event.sender_id, where.users),
    text: event.text ?? '',
    createdAt: createdTime(event.created_at, event.id, where.now),
    raw: event,
  };
}

/**
 * Users by id, from `includes.users`.
 *
 * @param users - the expanded users
 * @returns a map from id to user
 *
 * @example
 * ```ts
 * usersById(page.includes?.users).get('2244994945')?.username; // 'XDevelopers'
 * ```
 */
export function usersById(users: readonly XUser[] | undefined): Map<string, XUser> {
  return new Map((users ?? []).map((user) => [user.id, user]));
}

function author(id: string, users: ReadonlyMap<string, XUser>): EngagementAuthor {
  const user = users.get(id);
  return {
    id,
    ...(user?.username === undefined || user.username === '' ? {} : { handle: user.username }),
    ...(user?.name === undefined || user.name === '' ? {} : { name: user.name }),
  };
}
