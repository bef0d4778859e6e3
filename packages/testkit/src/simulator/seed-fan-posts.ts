import type { SimClock } from './sim-clock.js';
import type { SimulatedAccount, SimulatedPost } from './state.js';

/**
 * Options of a simulator's `seedFanPosts`: what the fans write and how the platform stores it.
 *
 * @example
 * ```ts
 * const options: FanPostOptions = { text: (author, index) => `Post ${index + 1} about #acme from ${author.handle}` };
 * ```
 */
export interface FanPostOptions {
  /** What the `index`-th fan writes (default `Post <index + 1> from <handle>`). */
  readonly text?: ((author: SimulatedAccount, index: number) => string) | undefined;
  /** Stores the fan's post the platform's way (a status, a tweet, a media). Default: the simulator's (`storePostsWith`, else a plain post). */
  readonly store?: ((author: SimulatedAccount, text: string, createdAt: number) => SimulatedPost) | undefined;
}

/** The parts of a simulator's state {@link seedFanPosts} uses. */
interface FanPostState {
  readonly clock: SimClock;
  /** The fan account `handle`, created on first use. */
  fan(handle: string, index: number): SimulatedAccount;
}

/** Simulated ms between two fan posts, as the inbound seeds space theirs. */
const SPACING_MS = 60_000;
/** How many fans write in turn (`fan_1` … `fan_3`, the inbound seeds' fans). */
const AUTHOR_POOL = 3;

/**
 * `count` public posts by the fans `fan_1`, `fan_2`, `fan_3` in turn, addressed to no one (what
 * hashtag timelines and keyword search find, and no inbox holds), a minute apart, the newest at
 * simulated now, each stored by `store`.
 *
 * @returns the posts, oldest first
 */
export function seedFanPosts(
  sim: FanPostState,
  count: number,
  options: FanPostOptions & { readonly store: NonNullable<FanPostOptions['store']> },
): SimulatedPost[] {
  const now = sim.clock.now();
  return Array.from({ length: count }, (_, index) => {
    const author = sim.fan(`fan_${(index % AUTHOR_POOL) + 1}`, index);
    const text = options.text?.(author, index) ?? `Post ${index + 1} from ${author.handle}`;
    return options.store(author, text, now - (count - 1 - index) * SPACING_MS);
  });
}
