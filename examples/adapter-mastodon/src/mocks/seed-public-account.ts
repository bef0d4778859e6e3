import type { SimulatedAccount, SimulatedPost } from '@smmkit/testkit';
import type { MastodonContext } from './context.js';
import { storeStatus } from './store-status.js';

/** What {@link seedPublicAccount} makes: the account and how it posts. */
export interface PublicAccountSeed {
  /** Its followers (default 1,000). */
  readonly followers?: number | undefined;
  /** The accounts it follows (default 100). */
  readonly following?: number | undefined;
  /** Its display name (default the username). */
  readonly displayName?: string | undefined;
  /** How many public statuses to add (default 10). */
  readonly posts?: number | undefined;
  /** Simulated ms between two statuses, the newest at simulated now (default a day). */
  readonly spacingMs?: number | undefined;
  /** What the `index`-th status says, oldest first (default `Post <index + 1> from <username>`). */
  readonly text?: ((index: number) => string) | undefined;
}

const DAY_MS = 24 * 60 * 60_000;
const DEFAULT_FOLLOWERS = 1_000;
const DEFAULT_FOLLOWING = 100;

/**
 * Another account on the server (a competitor, an influencer) with public statuses, for a lookup
 * by handle to find: `posts` statuses `spacingMs` apart, the newest at simulated now, whose
 * favourites and boosts grow with their age as every simulated status's do. An account with that
 * username already on the server is reused (its follower and following counts set when given);
 * the statuses are added to those it has.
 *
 * @param context - the simulator
 * @param username - the account's username, without `@`
 * @param seed - counts, display name and statuses
 * @returns the account and its new statuses, oldest first
 *
 * @example
 * ```ts
 * seedPublicAccount(context, 'rivalcoffee', { followers: 5_400, posts: 30 });
 * ```
 */
export function seedPublicAccount(
  context: MastodonContext,
  username: string,
  seed: PublicAccountSeed = {},
): { readonly account: SimulatedAccount; readonly posts: readonly SimulatedPost[] } {
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
    storeStatus(context, {
      accountId: account.id,
      text: seed.text?.(index) ?? `Post ${index + 1} from ${account.handle}`,
      createdAt: now - (count - 1 - index) * spacing,
    }),
  );
  return { account, posts };
}
