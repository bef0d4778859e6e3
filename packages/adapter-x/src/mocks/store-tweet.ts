import type { SimulatedMedia, SimulatedPost } from '@smmkit/testkit';
import { type TweetExtra, tweetExtra, type XContext } from './context.js';

/** A post to store, already validated. */
export interface NewTweet {
  /** The author. */
  readonly accountId: string;
  /** The text as sent. */
  readonly text: string;
  /** Attached media, in order (default none). */
  readonly media?: readonly SimulatedMedia[] | undefined;
  /** The post it replies to. */
  readonly inReplyTo?: SimulatedPost | undefined;
  /** The poll, when it has one. */
  readonly poll?: { readonly options: readonly string[]; readonly durationMinutes: number } | undefined;
  /** Creation instant. */
  readonly createdAt: number;
  /** Other X fields (quote, reply settings, disclosures, tags). */
  readonly extra?: Partial<TweetExtra> | undefined;
}

/**
 * Stores a post in `sim.posts` with its X fields in `extra` (see {@link TweetExtra}): a reply
 * joins its parent's conversation and records the parent's author, as X's `conversation_id` and
 * `in_reply_to_user_id` do.
 */
export function storeTweet(context: XContext, tweet: NewTweet): SimulatedPost {
  const id = context.sim.nextId();
  const parent = tweet.inReplyTo;
  return context.sim.addPost({
    id,
    accountId: tweet.accountId,
    text: tweet.text,
    media: tweet.media ?? [],
    inReplyToId: parent?.id,
    pollOptions: tweet.poll?.options,
    createdAt: tweet.createdAt,
    extra: {
      ...tweet.extra,
      conversationId: parent === undefined ? id : tweetExtra(parent).conversationId,
      inReplyToUserId: parent?.accountId,
      pollDurationMinutes: tweet.poll?.durationMinutes,
    },
  });
}
