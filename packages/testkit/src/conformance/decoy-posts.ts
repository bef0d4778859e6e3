import type { Account } from '@smmkit/core';
import type { PlatformSimulator } from '../simulator/platform-simulator.js';
import type { SimulatedPost } from '../simulator/state.js';

/** What {@link seedDecoyPosts} puts on the account, and why each must not be found. */
export interface DecoyPost {
  /** The post, as the simulator stored it. */
  readonly post: SimulatedPost;
  /** Why `findRecentPosts` must leave it out, for failure messages. */
  readonly why: string;
  /** Whether it has the text looked for (and is older than `since`). */
  readonly sameText: boolean;
}

/** Options of {@link seedDecoyPosts}. */
export interface DecoyOptions {
  /** The text the lookup asks for (as the platform shows it). */
  readonly text: string;
  /** The lookup's `since`: the same-text decoy is made before it, the other one after it. */
  readonly since: Date;
  /**
   * Whether a post of the same text may sit on the account: not where the platform refuses a
   * repeated text (`duplicateSignal`), since there the create would be refused, not lost.
   */
  readonly sameText: boolean;
}

/**
 * Puts the posts an adapter's `findRecentPosts` must leave out on `account`, each stored the
 * platform's way (`seedPublicAccount`, so through the simulator's `storePostsWith`): a post of
 * other text made now, inside the lookback window (caught when `text` is ignored), and, when
 * `sameText`, an older post of the same text made before `since` (caught when `since` is
 * ignored). An adapter that reports either as the post it looked for makes the publisher call a
 * lost post published: the post is silently missing.
 *
 * @returns the decoys, each with why it must not be found
 */
export function seedDecoyPosts(
  simulator: PlatformSimulator,
  account: Account,
  options: DecoyOptions,
): DecoyPost[] {
  const handle = simulator.accounts.get(account.accountId)?.handle ?? account.handle;
  if (handle === undefined)
    throw new Error(
      `the account ${account.accountId} is not in the simulator and has no handle: createAccount must add it to the simulator`,
    );
  const otherText = `smmkit conformance: an earlier post of other text (${simulator.clock.now()})`;
  const now = simulator.clock.now();
  // seedPublicAccount puts its newest post at simulated now and the others spacingMs apart.
  const spacingMs = Math.max(2 * (now - options.since.getTime()), 60_000);
  const texts = options.sameText ? [options.text, otherText] : [otherText];
  const { posts } = simulator.seedPublicAccount(handle, {
    posts: texts.length,
    spacingMs,
    text: (index) => texts[index] ?? otherText,
  });
  const strays = posts.filter((post) => post.accountId !== account.accountId);
  if (strays.length > 0)
    throw new Error(
      `the decoy posts went to account ${strays[0]?.accountId}, not ${account.accountId}: createAccount must give the simulator account's handle`,
    );
  return posts.map((post, index) =>
    texts[index] === otherText
      ? {
          post,
          sameText: false,
          why: `a post of other text ("${otherText}") made inside the window: the lookup ignored text`,
        }
      : {
          post,
          sameText: true,
          why: `an older post of the same text made before since (${new Date(post.createdAt).toISOString()}): the lookup ignored since`,
        },
  );
}
