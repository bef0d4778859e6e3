import type { Collection, SimulatedEngagement } from './state.js';

/**
 * Who likes which post through a simulated API (X's likes, Mastodon's favourites): post id →
 * account ids, in the order they liked it. When the post is a mention or reply in the liking
 * account's own inbox, that engagement's `liked` follows, as the account owner's like of it.
 * Emptied with the simulator's reset. A simulator keeps only its dialect: the routes, what they
 * answer, and how its counts add these likes.
 *
 * @example
 * ```ts
 * sim.likes.set(post.id, ana.account.id, true);
 * sim.likes.of(post.id); // [ana.account.id]
 * ```
 */
export class PostLikes {
  readonly #likers = new Map<string, Set<string>>();
  readonly #engagements: Collection<SimulatedEngagement>;

  /** @param engagements - the simulator's engagement table, whose `liked` follows the addressee's likes */
  constructor(engagements: Collection<SimulatedEngagement>) {
    this.#engagements = engagements;
  }

  /** Records that `accountId` likes `postId`, or with `liked: false` no longer does (no error when it did not). */
  set(postId: string, accountId: string, liked: boolean): void {
    const likers = this.#likers.get(postId) ?? new Set<string>();
    if (liked) likers.add(accountId);
    else likers.delete(accountId);
    if (likers.size === 0) this.#likers.delete(postId);
    else this.#likers.set(postId, likers);
    const engagement = this.#engagements.get(postId);
    if (engagement !== undefined && engagement.accountId === accountId) engagement.liked = liked;
  }

  /** The accounts that like `postId`, in the order they liked it. */
  of(postId: string): readonly string[] {
    return [...(this.#likers.get(postId) ?? [])];
  }

  /** Whether `accountId` likes `postId`. */
  has(postId: string, accountId: string): boolean {
    return this.#likers.get(postId)?.has(accountId) ?? false;
  }

  /** Forgets every like (the simulator's reset). */
  clear(): void {
    this.#likers.clear();
  }
}
