import type { RecentPost, RecentPostsQuery } from './adapter.js';

/** Options of {@link matchRecentPosts}. */
export interface MatchRecentPostsOptions {
  /** The most posts to return (after filtering). Default: all that match. */
  readonly limit?: number | undefined;
  /**
   * Undoes what the platform does to a text on the way in (X shortens links and escapes `&`,
   * Mastodon renders HTML), applied to both sides before they are compared. Both are then
   * NFC-normalised with whitespace collapsed and trimmed, whatever this does.
   */
  readonly normalize?: ((text: string) => string) | undefined;
}

/**
 * The posts of `posts` that may be the one a reconciliation is looking for: created at or after
 * `query.since` and, when `query.text` is given, with the same text once both sides are
 * normalised. Order is kept; at most `limit` are returned. Adapters call it in `findRecentPosts`
 * after mapping one page of the platform's posts to {@link RecentPost}s.
 *
 * @param posts - the account's recent posts, as the platform returned them
 * @param query - since and text of the reconciliation
 * @param options - the most to return and how the platform rewrites text
 * @returns the matching posts
 *
 * @example
 * ```ts
 * const recent = data.map((status) => ({ ref: statusRef(status), text: toText(status), createdAt: new Date(status.created_at) }));
 * return matchRecentPosts(recent, query, { limit, normalize: dropMentionDomains });
 * ```
 */
export function matchRecentPosts(
  posts: readonly RecentPost[],
  query: RecentPostsQuery,
  options: MatchRecentPostsOptions = {},
): RecentPost[] {
  const comparable = (text: string): string =>
    (options.normalize?.(text) ?? text).normalize('NFC').replace(/\s+/g, ' ').trim();
  const wanted = query.text === undefined ? undefined : comparable(query.text);
  return posts
    .filter((post) => post.createdAt >= query.since)
    .filter((post) => wanted === undefined || comparable(post.text ?? '') === wanted)
    .slice(0, options.limit ?? posts.length);
}
