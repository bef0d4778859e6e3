import { PlatformSimulator } from '@smmkit/testkit';
import {
  IdempotencyKeys,
  type PlatformSimulatorOptions,
  type PublicAccountSeed,
} from '@smmkit/testkit/simulator-kit';
import { MASTODON_BUDGETS } from './budgets.js';
import type { MastodonContext } from './context.js';
import { mastodonDialect } from './dialect.js';
import { renderStatus } from './entities/status.js';
import { registerAccountRoutes } from './routes/accounts.js';
import { registerInstanceRoutes } from './routes/instance.js';
import { registerMediaRoutes } from './routes/media.js';
import { registerNotificationRoutes } from './routes/notifications.js';
import { registerStatusRoutes } from './routes/statuses.js';
import { registerTimelineRoutes } from './routes/timelines.js';
import { storeStatus } from './store-status.js';

/** "Idempotency keys are stored for up to 1 hour" (docs.joinmastodon.org/methods/statuses/#create). */
const IDEMPOTENCY_TTL_MS = 60 * 60_000;

/**
 * Settings of {@link createMastodonSimulator}: a simulator's `clock` and `budgets` (merged over
 * {@link MASTODON_BUDGETS}), and the server's own.
 */
export interface MastodonSimulatorOptions extends Pick<PlatformSimulatorOptions, 'clock' | 'budgets'> {
  /** The server's base URL (default `https://mastodon.example`). */
  readonly instanceUrl?: string | undefined;
  /** How long videos and GIFs take to process, in simulated milliseconds (default 2 000). */
  readonly mediaProcessingMs?: number | undefined;
  /** The server's `configuration.statuses.max_characters` (default 500). */
  readonly maxCharacters?: number | undefined;
}

/**
 * A simulated Mastodon server on MSW that answers like docs.joinmastodon.org describes: statuses
 * (create with idempotency keys, view, delete, context, favourite and unfavourite), hashtag
 * timelines, media (async processing), mention notifications, accounts and the instance's limits,
 * with Mastodon's error bodies, rate-limit headers and budgets. Every route gets the testkit's faults, token checks and request log.
 *
 * @example
 * ```ts
 * const mastodon = createMastodonSimulator({ clock: manualClock(Date.parse('2026-11-22T12:00:00Z')) });
 * const { account, accessToken } = mastodon.addAccount('ana');
 * const running = startSimulators(mastodon.sim);
 * await fetch(`${mastodon.instanceUrl}/api/v1/statuses`, {
 *   method: 'POST',
 *   headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
 *   body: JSON.stringify({ status: 'Hello' }),
 * });
 * mastodon.sim.posts.filter((post) => post.accountId === account.id); // the stored status
 * running.close();
 * ```
 */
export function createMastodonSimulator(options: MastodonSimulatorOptions = {}) {
  const sim = new PlatformSimulator({
    platform: 'mastodon',
    baseUrl: options.instanceUrl ?? 'https://mastodon.example',
    dialect: mastodonDialect,
    budgets: { ...MASTODON_BUDGETS, ...options.budgets },
    clock: options.clock,
  });
  const context: MastodonContext = {
    sim,
    instanceUrl: sim.baseUrl,
    host: new URL(sim.baseUrl).host.toLowerCase(),
    maxCharacters: options.maxCharacters ?? 500,
    mediaProcessingMs: options.mediaProcessingMs ?? 2_000,
    idempotency: sim.resettable(new IdempotencyKeys(sim.clock, IDEMPOTENCY_TTL_MS)),
    mediaFocus: sim.resettable(new Map()),
  };
  registerInstanceRoutes(context);
  registerAccountRoutes(context);
  registerStatusRoutes(context);
  registerTimelineRoutes(context);
  registerMediaRoutes(context);
  registerNotificationRoutes(context);

  // Seeded posts are public statuses, so their mentions notify as on a real server.
  sim.storePostsWith((author, { text, inReplyTo }, createdAt) =>
    storeStatus(context, { accountId: author.id, text, inReplyTo, createdAt }),
  );
  return {
    /** The generic simulator: faults, request log, posts, media, tokens, rate limiter, MSW handlers. */
    sim,
    /** The server's base URL, without a trailing slash. */
    instanceUrl: sim.baseUrl,
    /**
     * Adds an account and issues it an access token that never expires (Mastodon tokens last
     * until revoked — docs.joinmastodon.org/methods/oauth/).
     */
    addAccount: (
      handle: string,
      account: { readonly followers?: number; readonly displayName?: string } = {},
    ) => sim.addAccountWithTokens({ handle, ...account }, { scopes: ['read', 'write'] }),
    /**
     * Other accounts mention `accountId` in `count` public statuses (each a mention notification),
     * replying to `postId` when given. Returns them oldest first; each engagement's id is its status id.
     */
    seedMentions: (accountId: string, count: number, seed: { readonly postId?: string } = {}) =>
      sim.seedMentions(accountId, count, seed),
    /**
     * Other accounts reply `count` times to `postId`. Replies start with `@author`, as Mastodon's
     * apps write them, so they also notify the author; `mention: false` leaves that out.
     */
    seedReplies(postId: string, count: number, seed: { readonly mention?: boolean } = {}) {
      const owner = sim.accounts.get(sim.posts.get(postId)?.accountId ?? '');
      const mention = seed.mention === false || owner === undefined ? '' : `@${owner.handle} `;
      const text = (author: { readonly handle: string }, index: number) =>
        `${mention}Reply ${index + 1} from ${author.handle}`;
      return sim.seedReplies(postId, count, { text });
    },
    /**
     * Other accounts (`fan_1`, `fan_2`, …) write `count` public statuses that carry `hashtag`
     * (`#tag`), a minute apart, the last one now. Returns them oldest first.
     */
    seedHashtagPosts: (hashtag: string, count: number) =>
      sim.seedFanPosts(count, {
        text: (author, index) => `Post ${index + 1} about ${hashtag} from ${author.handle}`,
      }),
    /**
     * Another account on the server (a competitor, an influencer) that a lookup by handle finds, with
     * `posts` public statuses (default 10) `spacingMs` apart (default a day), the newest at simulated
     * now; their favourites and boosts grow with their age. Defaults: 1,000 followers, 100 following,
     * statuses saying `Post <n> from <username>`. An existing account with that username is reused.
     * Returns the account and its new statuses, oldest first.
     *
     * @example
     * ```ts
     * const rival = mastodon.seedPublicAccount('rivalcoffee', { followers: 5_400, posts: 30, spacingMs: 8 * 3_600_000 });
     * ```
     */
    seedPublicAccount: (username: string, seed: PublicAccountSeed = {}) =>
      sim.seedPublicAccount(username, seed),
    /** The ids of the accounts that favourited the status, in the order they did. */
    favouritedBy: (statusId: string): readonly string[] => sim.likes.of(statusId),
    /** The Status JSON the API would return to the status's author now, or `undefined` when it does not exist. */
    statusOf(id: string) {
      const post = sim.posts.get(id);
      return post && renderStatus(context, post, { viewerId: post.accountId, now: sim.clock.now() });
    },
  };
}

/** A simulated Mastodon server: the generic simulator plus Mastodon-shaped helpers for tests. */
export type MastodonSimulator = ReturnType<typeof createMastodonSimulator>;
