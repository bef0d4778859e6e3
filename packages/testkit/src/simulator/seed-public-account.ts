import type { SimClock } from './sim-clock.js';
import type { SimulatedAccount, SimulatedPost } from './state.js';

/** What a simulator's `seedPublicAccount` makes: the account and how it posts. */
export interface PublicAccountSeed {
  /** Its followers (default 1,000). */
  readonly followers?: number | undefined;
  /** The accounts it follows (default 100). */
  readonly following?: number | undefined;
  /** Its display name (default the username). */
  readonly displayName?: string | undefined;
  /** How many public posts to add (default 10). */
  readonly posts?: number | undefined;
  /** Simulated ms between two posts, the newest at simulated now (default a day). */
  readonly spacingMs?: number | undefined;
  /** What the `index`-th post says, oldest first (default `Post <index + 1> from <username>`). */
  readonly text?: ((index: number) => string) | undefined;
}

/** Options of `SimulatorState.seedPublicAccount`: the seed, and how the platform stores a post. */
export interface SeedPublicAccountOptions extends PublicAccountSeed {
  /** Stores the account's post the platform's way (a status, a tweet). Default: the simulator's (`storePostsWith`, else a plain post). */
  readonly store?:
    | ((account: SimulatedAccount, text: string, createdAt: number) => SimulatedPost)
    | undefined;
}

/** An account a simulator's `seedPublicAccount` made, and its new posts. */
export interface SeededPublicAccount {
  /** The account, as the platform's lookup by username finds it. */
  readonly account: SimulatedAccount;
  /** Its new posts, oldest first; their public metrics grow with their age. */
  readonly posts: readonly SimulatedPost[];
}

const DAY_MS = 24 * 60 * 60_000;
const DEFAULT_FOLLOWERS = 1_000;
const DEFAULT_FOLLOWING = 100;

/** The parts of a simulator's state {@link seedPublicAccount} uses. */
interface PublicAccountState {
  readonly clock: SimClock;
  accountByHandle(handle: string): SimulatedAccount | undefined;
  addAccount(account: {
    readonly handle: string;
    readonly displayName?: string | undefined;
  }): SimulatedAccount;
}

/**
 * Another account (a competitor, an influencer) with public posts: found by username (reused,
 * its counts set when given) or added with 1,000 followers and 100 following, then `posts` posts
 * `spacingMs` apart, the newest at simulated now, stored by `store`.
 */
export function seedPublicAccount(
  sim: PublicAccountState,
  username: string,
  options: SeedPublicAccountOptions & {
    readonly store: NonNullable<SeedPublicAccountOptions['store']>;
  },
): SeededPublicAccount {
  const existing = sim.accountByHandle(username);
  const account = existing ?? sim.addAccount({ handle: username, displayName: options.displayName });
  if (existing === undefined) {
    account.followers = DEFAULT_FOLLOWERS;
    account.following = DEFAULT_FOLLOWING;
  }
  if (options.followers !== undefined) account.followers = options.followers;
  if (options.following !== undefined) account.following = options.following;
  const count = options.posts ?? 10;
  const spacing = options.spacingMs ?? DAY_MS;
  const now = sim.clock.now();
  const posts = Array.from({ length: count }, (_, index) =>
    options.store(
      account,
      options.text?.(index) ?? `Post ${index + 1} from ${account.handle}`,
      now - (count - 1 - index) * spacing,
    ),
  );
  return { account, posts };
}
