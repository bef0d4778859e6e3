import type { SimulatedAccount, SimulatedPost } from '@smmkit/testkit';
import type { XContext } from './context.js';
import { storeTweet } from './store-tweet.js';

/** What {@link seedPublicAccount} makes: the account and how it posts. */
export interface PublicAccountSeed {
  /** Its followers (default 1,000). */
  readonly followers?: number | undefined;
  /** The accounts it follows (default 100). */
  readonly following?: number | undefined;
  /** Its display name (default the username). */
  readonly displayName?: string | undefined;
  /** How many public posts it has (default 10). */
  readonly posts?: number | undefined;
  /** Simulated ms between two of its posts, the newest at simulated now (default a day). */
  readonly spacingMs?: number | undefined;
  /** What its `index`-th post says, oldest first (default `Post <index + 1> from <username>`). */
  readonly text?: ((index: number) => string) | undefined;
}

/** An account seeded by {@link seedPublicAccount} and its posts, oldest first. */
export interface SeededPublicAccount {
  /** The account, as X's user lookup by username finds it. */
  readonly account: SimulatedAccount;
  /** Its posts, oldest first; their public metrics grow with their age. */
  readonly posts: readonly SimulatedPost[];
}

const DAY_MS = 24 * 60 * 60_000;
const DEFAULT_FOLLOWERS = 1_000;
const DEFAULT_FOLLOWING = 100;

/**
 * Another account (a competitor, an influencer) with public posts, for a lookup by username to
 * find: `count` posts `spacingMs` apart, the newest at simulated now, with public metrics that
 * grow with each post's age as every simulated post's do. An account with that username already
 * in the simulator is reused (its follower and following counts set when given); its posts are
 * added to those it has.
 *
 * @param context - the simulator
 * @param username - the account's username, without `@`
 * @param seed - counts, display name and posts
 * @returns the account and its new posts, oldest first
 *
 * @example
 * ```ts
 * seedPublicAccount(context, 'rivalcoffee', { followers: 5_400, posts: 30 });
 * ```
 */
export function seedPublicAccount(
  context: XContext,
  username: string,
  seed: PublicAccountSeed = {},
): SeededPublicAccount {
  const { sim } = context;
  const existing = sim.accountByHandle(username);
  const account = existing ?? sim.addAccount({ handle: username, displayName: seed.displayName });
  if (existing === undefined) {
    account.followers = DEFAULT_FOLLOWERS;
    account.following = DEFAULT_FOLLOWING;
  }
  if (seed.followers !== undefined) account.followers = seed.followers;
  if (seed.following !== undefined) account.following = seed.following;
  const count = seed.posts ?? 10;
  const spacing = seed.spacingMs ?? DAY_MS;
  const now = sim.clock.now();
  const posts = Array.from({ length: count }, (_, index) =>
    storeTweet(context, {
      accountId: account.id,
      text: seed.text?.(index) ?? `Post ${index + 1} from ${account.handle}`,
      createdAt: now - (count - 1 - index) * spacing,
    }),
  );
  return { account, posts };
}
