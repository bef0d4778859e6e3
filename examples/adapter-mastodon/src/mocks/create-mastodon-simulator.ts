import {
  PlatformSimulator,
  type RateBudgetRule,
  type SimClock,
  type SimulatedAccount,
  type SimulatedEngagement,
} from '@smmkit/testkit';
import { MASTODON_BUDGETS } from './budgets.js';
import type { IdempotencyRecord, MastodonContext } from './context.js';
import { mastodonDialect } from './dialect.js';
import { type MastodonStatusJson, renderStatus } from './entities/index.js';
import { registerAccountRoutes } from './routes/accounts.js';
import { registerInstanceRoutes } from './routes/instance.js';
import { registerMediaRoutes } from './routes/media.js';
import { registerNotificationRoutes } from './routes/notifications.js';
import { registerStatusRoutes } from './routes/statuses.js';
import { addMastodonAccount, seedMentions, seedReplies } from './seed.js';

/** Settings of {@link createMastodonSimulator}. */
export interface MastodonSimulatorOptions {
  /** The server's base URL (default `https://mastodon.example`). */
  readonly instanceUrl?: string | undefined;
  /** Simulated time (default `Date.now()`, so vitest's fake timers apply; or testkit's `manualClock`). */
  readonly clock?: SimClock | undefined;
  /**
   * Budgets per bucket, merged over Mastodon's defaults ({@link MASTODON_BUDGETS}: `api` 300 per
   * 5 minutes, `media` 30 per 30 minutes, `delete` 30 per 30 minutes).
   */
  readonly budgets?: Readonly<Record<string, RateBudgetRule>> | undefined;
  /** How long videos and GIFs take to process, in simulated milliseconds (default 2 000). */
  readonly mediaProcessingMs?: number | undefined;
  /** The server's `configuration.statuses.max_characters` (default 500). */
  readonly maxCharacters?: number | undefined;
}

/** A simulated Mastodon server: the generic simulator plus Mastodon-shaped helpers for tests. */
export interface MastodonSimulator {
  /** The generic simulator: faults, request log, posts, media, tokens, rate limiter, MSW handlers. */
  readonly sim: PlatformSimulator;
  /** The server's base URL, without a trailing slash. */
  readonly instanceUrl: string;
  /**
   * Adds an account and issues it an access token that never expires (Mastodon tokens last until
   * revoked — methods/oauth).
   */
  addAccount(
    handle: string,
    options?: { readonly followers?: number | undefined; readonly displayName?: string | undefined },
  ): { readonly account: SimulatedAccount; readonly accessToken: string };
  /**
   * Other accounts mention `accountId` in `count` statuses (each a mention notification), replying
   * to `postId` when given. Returns them oldest first; each engagement's id is its status id.
   */
  seedMentions(
    accountId: string,
    count: number,
    options?: { readonly postId?: string | undefined },
  ): SimulatedEngagement[];
  /**
   * Other accounts reply `count` times to `postId`. Replies start with `@author`, as Mastodon's
   * apps write them, so they also notify the author; `mention: false` leaves that out.
   */
  seedReplies(
    postId: string,
    count: number,
    options?: { readonly mention?: boolean | undefined },
  ): SimulatedEngagement[];
  /** The Status JSON the API would return to the status's author now, or `undefined` when it does not exist. */
  statusOf(id: string): MastodonStatusJson | undefined;
}

/**
 * A simulated Mastodon server on MSW that answers like docs.joinmastodon.org describes: statuses
 * (create with idempotency keys, view, delete, context), media (async processing), mention
 * notifications, accounts and the instance's limits, with Mastodon's error bodies, rate-limit
 * headers and budgets. Every route gets the testkit's faults, token checks and request log.
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
export function createMastodonSimulator(options: MastodonSimulatorOptions = {}): MastodonSimulator {
  const instanceUrl = (options.instanceUrl ?? 'https://mastodon.example').replace(/\/+$/, '');
  const idempotency = new Map<string, IdempotencyRecord>();
  const mediaFocus = new Map<string, { readonly x: number; readonly y: number }>();
  const sim = new PlatformSimulator({
    platform: 'mastodon',
    baseUrl: instanceUrl,
    dialect: mastodonDialect,
    budgets: { ...MASTODON_BUDGETS, ...options.budgets },
    clock: options.clock,
    onReset: () => {
      // The server's own memory goes with the state it refers to.
      idempotency.clear();
      mediaFocus.clear();
    },
  });
  const context: MastodonContext = {
    sim,
    instanceUrl,
    host: new URL(instanceUrl).host.toLowerCase(),
    maxCharacters: options.maxCharacters ?? 500,
    mediaProcessingMs: options.mediaProcessingMs ?? 2_000,
    idempotency,
    mediaFocus,
    accountCreatedAt: new Map(),
  };

  registerInstanceRoutes(context);
  registerAccountRoutes(context);
  registerStatusRoutes(context);
  registerMediaRoutes(context);
  registerNotificationRoutes(context);

  return {
    sim,
    instanceUrl,
    addAccount(handle, accountOptions = {}) {
      const account = addMastodonAccount(context, handle, accountOptions);
      const { accessToken } = sim.tokens.issue(account.id, { scopes: ['read', 'write'] });
      return { account, accessToken };
    },
    seedMentions: (accountId, count, seedOptions) => seedMentions(context, accountId, count, seedOptions),
    seedReplies: (postId, count, seedOptions) => seedReplies(context, postId, count, seedOptions),
    statusOf(id) {
      const post = sim.posts.get(id);
      return post === undefined
        ? undefined
        : renderStatus(context, post, { viewerId: post.accountId, now: sim.clock.now() });
    },
  };
}
