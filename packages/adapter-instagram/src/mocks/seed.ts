import {
  type InboundItem,
  type SimulatedAccount,
  type SimulatedEngagement,
  type SimulatedPost,
  seedInbound,
} from '@smmkit/testkit';
import type { InstagramContext } from './context.js';
import { shortcodeOf } from './entities.js';

/** Options of {@link InstagramSimulator.seedMedia}. */
export interface SeedMediaOptions {
  /** When it was published, simulated ms (default now). */
  readonly createdAt?: number | undefined;
  /** `IMAGE` (default) or `VIDEO`; the product type follows (FEED or REELS). */
  readonly mediaType?: 'IMAGE' | 'VIDEO' | undefined;
}

/**
 * A published IG Media of `accountId` with `caption`, stored as the containers route stores one
 * (`sim.posts`, `extra.kind = 'media'`, a shortcode and permalink): for tests that read, comment
 * or measure without going through the publish flow.
 *
 * @returns the media
 * @throws Error when the account does not exist
 */
export function seedMedia(
  context: InstagramContext,
  accountId: string,
  caption: string,
  options: SeedMediaOptions = {},
): SimulatedPost {
  if (context.sim.accounts.get(accountId) === undefined)
    throw new Error(`seedMedia: no account ${accountId}`);
  const id = context.sim.nextId();
  const shortcode = shortcodeOf(id);
  const video = options.mediaType === 'VIDEO';
  return context.sim.posts.put({
    id,
    accountId,
    text: caption,
    media: [],
    inReplyToId: undefined,
    pollOptions: undefined,
    createdAt: options.createdAt ?? context.sim.clock.now(),
    extra: {
      kind: 'media',
      mediaType: video ? 'VIDEO' : 'IMAGE',
      productType: video ? 'REELS' : 'FEED',
      shortcode,
      permalink: `https://www.instagram.com/${video ? 'reel' : 'p'}/${shortcode}/`,
    },
  });
}

/**
 * Fan accounts comment `count` times on `mediaId` (`sim.engagements`, kind `comment`, addressed
 * to the media's owner), through testkit's `seedInbound`: ids and times increase, the newest is
 * at simulated now. Comments by others live only in `sim.engagements` (the account's own
 * comments are also `sim.posts`; see routes/comments.ts).
 *
 * @returns the comments, oldest first
 * @throws Error when the media does not exist
 */
export function seedComments(
  context: InstagramContext,
  mediaId: string,
  count: number,
  text: (author: SimulatedAccount, index: number) => string = (author, index) =>
    `Comment ${index + 1} from ${author.handle}`,
): SimulatedEngagement[] {
  const media = context.sim.posts.get(mediaId);
  if (media === undefined) throw new Error(`seedComments: no media ${mediaId}`);
  return seedInbound(context.sim, {
    count,
    author: (handle, index) => fanAccount(context, handle, index),
    item: (author, index) => ({
      kind: 'comment',
      text: text(author, index),
      addressee: media.accountId,
      inReplyTo: media,
    }),
    store: () => ({ id: context.sim.nextId() }),
  });
}

/**
 * Fan accounts publish `count` media whose caption mentions `accountId` (`@handle`): each media is
 * in `sim.posts` and a `mention` in `sim.engagements` under the media's id with `postId` = the
 * media (what `GET /{ig-user-id}/tags` lists; instagram.md, Engagement).
 *
 * @returns the mentions, oldest first
 * @throws Error when the account does not exist
 */
export function seedMentions(
  context: InstagramContext,
  accountId: string,
  count: number,
): SimulatedEngagement[] {
  const target = context.sim.accounts.get(accountId);
  if (target === undefined) throw new Error(`seedMentions: no account ${accountId}`);
  const mentions = seedInbound(context.sim, {
    count,
    author: (handle, index) => fanAccount(context, handle, index),
    item: (_author, index): InboundItem => ({
      kind: 'mention',
      text: `Look at this @${target.handle} (${index + 1})`,
      addressee: accountId,
    }),
    store: (author, item, createdAt) => seedMedia(context, author.id, item.text, { createdAt }),
  });
  // A caption mention is the media itself: the engagement is on the post it is.
  return mentions.map((mention) => context.sim.engagements.put({ ...mention, postId: mention.id }));
}

/**
 * Fans mention `accountId` in comments: one fan publishes a media and fans comment `@handle …`
 * on it `count` times. The comments are ordinary comments on the fan's media (addressed to its
 * owner, as Instagram keeps them); the mentioned account finds them through webhooks and
 * `GET /{ig-user-id}?fields=mentioned_comment.comment_id(…)` (instagram.md, Engagement).
 *
 * @returns the comments, oldest first (their `postId` is the fan's media)
 * @throws Error when the account does not exist
 */
export function seedCommentMentions(
  context: InstagramContext,
  accountId: string,
  count: number,
): SimulatedEngagement[] {
  const target = context.sim.accounts.get(accountId);
  if (target === undefined) throw new Error(`seedCommentMentions: no account ${accountId}`);
  const owner = fanAccount(context, 'fan_1', 0);
  const media = seedMedia(context, owner.id, 'Our new shop window', {
    createdAt: context.sim.clock.now() - count * 60_000,
  });
  return seedComments(
    context,
    media.id,
    count,
    (author, index) => `@${target.handle} you should see this (${index + 1} from ${author.handle})`,
  );
}

/** The fan account `handle`, created on first use (followers grow with the index). */
function fanAccount(context: InstagramContext, handle: string, index: number): SimulatedAccount {
  return (
    context.sim.accounts.filter((account) => account.handle === handle)[0] ??
    context.sim.addAccount({ handle, followers: 10 * (index + 1) })
  );
}
