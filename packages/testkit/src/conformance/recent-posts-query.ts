import type { Adapter, Post } from '@smmkit/core';
import { textWithLink } from '@smmkit/core/adapter-kit';

/**
 * How long before the create the suite's `findRecentPosts` looks from: the publisher's default
 * `reconcile.lookbackMs`.
 */
export const LOOKBACK_MS = 60_000;

/**
 * The text the publisher looks for when it reconciles `post`: where links live in the text, the
 * adapter appended the link to what it sent.
 *
 * @param adapter - the adapter under test
 * @param post - the post that was published
 */
export function lookupText(adapter: Adapter, post: Post): string {
  return adapter.capabilities.links === 'in_text' ? textWithLink(post.text, post.link) : (post.text ?? '');
}
