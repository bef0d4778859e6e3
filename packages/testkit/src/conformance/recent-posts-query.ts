import type { Adapter, Post } from '@smmkit/core';
import { type RecentPostsQuery, textWithLink } from '@smmkit/core/adapter-kit';

/**
 * How long before the create the suite's `findRecentPosts` looks from: the publisher's default
 * `reconcile.lookbackMs`.
 */
const LOOKBACK_MS = 60_000;

/**
 * The text the publisher looks for when it reconciles `post`: where links live in the text, the
 * adapter appended the link to what it sent.
 *
 * @param adapter - the adapter under test
 * @param post - the post that was published
 */
function lookupText(adapter: Adapter, post: Post): string {
  return adapter.capabilities.links === 'in_text' ? textWithLink(post.text, post.link) : (post.text ?? '');
}

/**
 * The `findRecentPosts` query the publisher makes when it reconciles `post` created from `nowMs`
 * on: since {@link LOOKBACK_MS} before, the text as sent ({@link lookupText}), and the post.
 *
 * @param adapter - the adapter under test
 * @param post - the post published (or about to be)
 * @param nowMs - the simulator's time before the create, in ms
 */
export function lookupQuery(
  adapter: Adapter,
  post: Post,
  nowMs: number,
): RecentPostsQuery & { text: string } {
  return { since: new Date(nowMs - LOOKBACK_MS), text: lookupText(adapter, post), post };
}
