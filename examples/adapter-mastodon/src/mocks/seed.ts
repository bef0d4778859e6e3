import {
  type InboundItem,
  type SimulatedAccount,
  type SimulatedEngagement,
  seedInbound,
} from '@smmkit/testkit';
import { accountByHandle, type MastodonContext } from './context.js';
import { storeStatus } from './store-status.js';

/**
 * Adds an account with the creation date Mastodon shows for it.
 *
 * @example
 * ```ts
 * const ana = addMastodonAccount(context, 'ana', { followers: 120 });
 * ```
 */
export function addMastodonAccount(
  context: MastodonContext,
  handle: string,
  options: { readonly followers?: number | undefined; readonly displayName?: string | undefined } = {},
): SimulatedAccount {
  const account = context.sim.addAccount({
    handle,
    ...(options.displayName === undefined ? {} : { displayName: options.displayName }),
    ...(options.followers === undefined ? {} : { followers: options.followers }),
  });
  context.accountCreatedAt.set(account.id, context.sim.clock.now());
  return account;
}

/**
 * Other accounts mention `accountId`: `count` public statuses, each starting with `@handle`, so
 * each makes a mention notification, as on a real server. With `postId` they reply to that status.
 * Ids and `createdAt` increase; the newest is at simulated now.
 *
 * @returns the mentions as engagements, oldest first; each engagement's id is its status id
 * @throws Error when the account or the post does not exist
 */
export function seedMentions(
  context: MastodonContext,
  accountId: string,
  count: number,
  options: { readonly postId?: string | undefined } = {},
): SimulatedEngagement[] {
  const target = context.sim.accounts.get(accountId);
  if (target === undefined) throw new Error(`seedMentions: no account ${accountId}`);
  const inReplyTo = options.postId === undefined ? undefined : context.sim.posts.get(options.postId);
  if (options.postId !== undefined && inReplyTo === undefined)
    throw new Error(`seedMentions: no status ${options.postId}`);
  return seed(context, count, (author, index) => ({
    kind: 'mention',
    text: `@${target.handle} Mention ${index + 1} from ${author.handle}`,
    addressee: target.id,
    inReplyTo,
  }));
}

/**
 * Other accounts reply to `postId`: `count` public statuses with `in_reply_to_id`. Like replies
 * written in Mastodon's apps they start with `@author`, so they also appear in the author's
 * mention notifications; `mention: false` leaves the mention out (no notification).
 *
 * @returns the replies as engagements, oldest first; each engagement's id is its status id
 * @throws Error when the post does not exist
 */
export function seedReplies(
  context: MastodonContext,
  postId: string,
  count: number,
  options: { readonly mention?: boolean | undefined } = {},
): SimulatedEngagement[] {
  const post = context.sim.posts.get(postId);
  if (post === undefined) throw new Error(`seedReplies: no status ${postId}`);
  const owner = context.sim.accounts.get(post.accountId);
  const prefix = options.mention === false || owner === undefined ? '' : `@${owner.handle} `;
  return seed(context, count, (author, index) => ({
    kind: 'reply',
    text: `${prefix}Reply ${index + 1} from ${author.handle}`,
    addressee: post.accountId,
    inReplyTo: post,
  }));
}

/** Fans write `count` public statuses (testkit's `seedInbound` does the pacing and the engagement records). */
function seed(
  context: MastodonContext,
  count: number,
  item: (author: SimulatedAccount, index: number) => InboundItem,
): SimulatedEngagement[] {
  return seedInbound(context.sim, {
    count,
    author: (handle, index) =>
      accountByHandle(context, handle) ??
      addMastodonAccount(context, handle, { followers: 10 * (index + 1) }),
    item,
    store: (author, { text, inReplyTo }, createdAt) =>
      storeStatus(context, {
        accountId: author.id,
        text,
        media: [],
        inReplyTo,
        poll: undefined,
        visibility: 'public',
        spoilerText: '',
        sensitive: false,
        language: 'en',
        idempotencyKey: undefined,
        createdAt,
      }),
  });
}
