import {
  type InboundItem,
  type SimulatedAccount,
  type SimulatedEngagement,
  seedInbound,
} from '@smmkit/testkit';
import { accountByUsername, type XContext } from './context.js';
import { storeTweet } from './store-tweet.js';

/**
 * Adds an account and records when it was created (User `created_at`).
 *
 * @example
 * ```ts
 * const ana = addXAccount(context, 'ana', { followers: 120 });
 * ```
 */
export function addXAccount(
  context: XContext,
  username: string,
  options: { readonly followers?: number | undefined; readonly displayName?: string | undefined } = {},
): SimulatedAccount {
  const account = context.sim.addAccount({
    handle: username,
    ...(options.displayName === undefined ? {} : { displayName: options.displayName }),
    ...(options.followers === undefined ? {} : { followers: options.followers }),
  });
  context.accountCreatedAt.set(account.id, context.sim.clock.now());
  return account;
}

/**
 * Other accounts mention `accountId`: `count` posts starting with `@username`, replying to `postId`
 * when given. Each is in `sim.posts` and in `sim.engagements` (kind `mention`, same id). Ids and
 * times increase; the newest is at simulated now.
 *
 * @returns the mentions, oldest first
 * @throws Error when the account or the post does not exist
 */
export function seedMentions(
  context: XContext,
  accountId: string,
  count: number,
  options: { readonly postId?: string | undefined } = {},
): SimulatedEngagement[] {
  const target = context.sim.accounts.get(accountId);
  if (target === undefined) throw new Error(`seedMentions: no account ${accountId}`);
  const inReplyTo = options.postId === undefined ? undefined : context.sim.posts.get(options.postId);
  if (options.postId !== undefined && inReplyTo === undefined)
    throw new Error(`seedMentions: no post ${options.postId}`);
  return seedPosts(context, count, (author, index) => ({
    kind: 'mention',
    text: `@${target.handle} Mention ${index + 1} from ${author.handle}`,
    addressee: target.id,
    inReplyTo,
  }));
}

/**
 * Other accounts reply `count` times to `postId`. As replies written through X's apps and API,
 * the text does not repeat `@author` (the reply metadata carries it). Each is in `sim.posts` and
 * in `sim.engagements` (kind `reply`, same id, addressed to the post's author).
 *
 * @returns the replies, oldest first
 * @throws Error when the post does not exist
 */
export function seedReplies(context: XContext, postId: string, count: number): SimulatedEngagement[] {
  const post = context.sim.posts.get(postId);
  if (post === undefined) throw new Error(`seedReplies: no post ${postId}`);
  return seedPosts(context, count, (author, index) => ({
    kind: 'reply',
    text: `Reply ${index + 1} from ${author.handle}`,
    addressee: post.accountId,
    inReplyTo: post,
  }));
}

/**
 * Other accounts send `accountId` `count` direct messages (`sim.engagements`, kind
 * `direct_message`, the id being the DM event id).
 *
 * @returns the messages, oldest first
 * @throws Error when the account does not exist
 */
export function seedDirectMessages(
  context: XContext,
  accountId: string,
  count: number,
): SimulatedEngagement[] {
  if (context.sim.accounts.get(accountId) === undefined)
    throw new Error(`seedDirectMessages: no account ${accountId}`);
  // A DM is no post: the stored thing is only its event id.
  return seedInbound(context.sim, {
    count,
    author: (handle, index) => fanAccount(context, handle, index),
    item: (author, index) => ({
      kind: 'direct_message',
      text: `Message ${index + 1} from ${author.handle}`,
      addressee: accountId,
    }),
    store: () => ({ id: context.sim.nextId() }),
  });
}

/** Fans write `count` posts (testkit's `seedInbound` does the pacing and the engagement records). */
function seedPosts(
  context: XContext,
  count: number,
  item: (author: SimulatedAccount, index: number) => InboundItem,
): SimulatedEngagement[] {
  return seedInbound(context.sim, {
    count,
    author: (handle, index) => fanAccount(context, handle, index),
    item,
    store: (author, { text, inReplyTo }, createdAt) =>
      storeTweet(context, { accountId: author.id, text, media: [], inReplyTo, poll: undefined, createdAt }),
  });
}

/** The fan account `handle`, created on first use (followers grow with the index). */
function fanAccount(context: XContext, handle: string, index: number): SimulatedAccount {
  return accountByUsername(context, handle) ?? addXAccount(context, handle, { followers: 10 * (index + 1) });
}
