import type { SimClock } from './sim-clock.js';
import type {
  Collection,
  Identified,
  SimulatedAccount,
  SimulatedEngagement,
  SimulatedPost,
} from './state.js';

/** One item another account sends the seeded account: what it says and where it lands. */
export interface InboundItem {
  /** Mention, reply, comment or message, in core's vocabulary. */
  readonly kind: SimulatedEngagement['kind'];
  /** The text the author writes. */
  readonly text: string;
  /** The account whose inbox it lands in. */
  readonly addressee: string;
  /** The post it replies to, if any. */
  readonly inReplyTo?: SimulatedPost | undefined;
}

/** Options of {@link seedInbound}. */
export interface SeedInboundOptions {
  /** How many items. */
  readonly count: number;
  /** Simulated milliseconds between items; the newest is at simulated now (default 60 000). */
  readonly spacingMs?: number | undefined;
  /** How many different fan accounts (`fan_1`, `fan_2`, …) write them, in turn (default 3). */
  readonly authorPool?: number | undefined;
  /** Finds or creates the fan account with `handle` (the platform keeps its own bookkeeping). */
  author(handle: string, index: number): SimulatedAccount;
  /** What the `index`-th author writes. */
  item(author: SimulatedAccount, index: number): InboundItem;
  /** Stores the author's post (a status, a tweet, a comment) at `createdAt` in the platform's way. */
  store(author: SimulatedAccount, item: InboundItem, createdAt: number): Identified;
}

/**
 * Options of the simulators' `seedMentions`, `seedReplies` and `seedMessages`: what a platform
 * changes about the fans' items. Fans are the accounts `fan_1`, `fan_2`, `fan_3` (created on first
 * use, 10, 20 and 30 followers); items are a minute apart, the newest at simulated now.
 *
 * @example
 * ```ts
 * sim.seedReplies(post.id, 3, {
 *   text: (author, index) => `@ana Reply ${index + 1} from ${author.handle}`,
 *   store: (author, item, createdAt) => storeStatus(context, { accountId: author.id, text: item.text, inReplyTo: item.inReplyTo, createdAt }),
 * });
 * ```
 */
export interface SeedOptions {
  /** What the `index`-th fan writes (default: `Mention 1 from fan_1`, `Reply 2 from fan_2`, … by kind). */
  readonly text?: ((author: SimulatedAccount, index: number) => string) | undefined;
  /**
   * Stores a fan's post the platform's way and returns what it stored (its id becomes the
   * engagement's id). Default: the simulator's (`storePostsWith`, else a plain post); `seedMessages` stores no post.
   */
  readonly store?: SeedInboundOptions['store'] | undefined;
}

/**
 * Seeds a simulator with engagement from other accounts: `count` posts by a small pool of fan
 * accounts, spaced in time so that paging and `since` filters have something to work on, each
 * recorded in `sim.engagements` under the id of the post that carries it. The simulators'
 * `seedMentions`, `seedReplies` and `seedMessages` are built on it; call it directly for items of
 * another shape.
 *
 * @param sim - the simulator (a `PlatformSimulator`): its clock and engagement table
 * @returns the engagements, oldest first
 *
 * @example
 * ```ts
 * seedInbound(sim, {
 *   count: 7,
 *   author: (handle) => sim.addAccount({ handle }),
 *   item: (author, i) => ({ kind: 'mention', text: `@ana hello ${i} from ${author.handle}`, addressee: ana.id }),
 *   store: (author, item, createdAt) => storeStatus(author, item.text, createdAt),
 * });
 * ```
 */
export function seedInbound(
  sim: { readonly clock: SimClock; readonly engagements: Collection<SimulatedEngagement> },
  options: SeedInboundOptions,
): SimulatedEngagement[] {
  const spacingMs = options.spacingMs ?? 60_000;
  const pool = options.authorPool ?? 3;
  const now = sim.clock.now();
  const engagements: SimulatedEngagement[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const author = options.author(`fan_${(index % pool) + 1}`, index);
    const item = options.item(author, index);
    const createdAt = now - (options.count - 1 - index) * spacingMs;
    const stored = options.store(author, item, createdAt);
    engagements.push(
      sim.engagements.put({
        id: stored.id,
        kind: item.kind,
        accountId: item.addressee,
        postId: item.inReplyTo?.id,
        authorId: author.id,
        authorHandle: author.handle,
        text: item.text,
        createdAt,
        hidden: false,
      }),
    );
  }
  return engagements;
}
