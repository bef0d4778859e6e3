import type { SimulatedAccount, SimulatedPost } from '@smmkit/testkit';
import type { XContext } from './context.js';
import { storeTweet } from './store-tweet.js';

/** Simulated time between two seeded posts, as the testkit's seeds space theirs. */
const SPACING_MS = 60_000;
/** How many fans write them, in turn (`fan_1` … `fan_3`, the testkit seeds' fans). */
const AUTHOR_POOL = 3;

/**
 * Stores `count` public posts by fans that mention `term` without tagging anyone: what brand
 * listening finds with recent search, and what no mentions timeline holds. Posts are a minute
 * apart, the newest at simulated now; a `"quoted phrase"` is written without its quotes.
 *
 * @param context - the simulator
 * @param term - a word, `"quoted phrase"` or `#hashtag`
 * @param count - how many posts
 * @param text - what the `index`-th fan writes (default `Loving <term>! Post <index + 1> from <handle>`)
 * @returns the posts, oldest first
 *
 * @example
 * ```ts
 * seedBrandMentions(context, '#AcmeCoffee', 3);
 * ```
 */
export function seedBrandMentions(
  context: XContext,
  term: string,
  count: number,
  text?: ((author: SimulatedAccount, index: number) => string) | undefined,
): SimulatedPost[] {
  const { sim } = context;
  const written = term.replace(/^"(.*)"$/s, '$1');
  const now = sim.clock.now();
  const posts: SimulatedPost[] = [];
  for (let index = 0; index < count; index += 1) {
    const handle = `fan_${(index % AUTHOR_POOL) + 1}`;
    const author = sim.accountByHandle(handle) ?? sim.addAccount({ handle, followers: 10 * (index + 1) });
    posts.push(
      storeTweet(context, {
        accountId: author.id,
        text: text?.(author, index) ?? `Loving ${written}! Post ${index + 1} from ${author.handle}`,
        createdAt: now - (count - 1 - index) * SPACING_MS,
      }),
    );
  }
  return posts;
}
