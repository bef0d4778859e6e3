import type { XContext } from './context.js';

/**
 * Records that `userId` likes `postId` (or no longer does). When the post is an engagement in the
 * user's own inbox (a mention or reply addressed to them), its `liked` follows, as the account
 * owner's like of that engagement.
 *
 * @example
 * ```ts
 * setLike(context, ana.id, mention.id, true);
 * ```
 */
export function setLike(context: XContext, userId: string, postId: string, liked: boolean): void {
  const likers = context.likes.get(postId) ?? new Set<string>();
  if (liked) likers.add(userId);
  else likers.delete(userId);
  if (likers.size === 0) context.likes.delete(postId);
  else context.likes.set(postId, likers);
  const engagement = context.sim.engagements.get(postId);
  if (engagement !== undefined && engagement.accountId === userId) engagement.liked = liked;
}

/**
 * The users who like `postId` through the API, in the order they liked it.
 *
 * @example
 * ```ts
 * likersOf(context, post.id); // ['1000000000000000001']
 * ```
 */
export function likersOf(context: XContext, postId: string): readonly string[] {
  return [...(context.likes.get(postId) ?? [])];
}
