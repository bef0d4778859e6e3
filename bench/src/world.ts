/**
 * The simulated platforms the publisher benches run against, on one simulated clock: X (its
 * simulator, with budgets overridden), Mastodon (the example adapter's simulator, budgets
 * overridden) and a header-less TikTok-like platform on declared budgets (headerless-platform.ts).
 */
import { createXAdapter } from '@smmkit/adapter-x';
import { createXSimulator } from '@smmkit/adapter-x/mocks';
import {
  type Adapter,
  AuthError,
  createRefreshingTokenProvider,
  staticTokenProvider,
  type Target,
  type TokenProvider,
} from '@smmkit/core';
import { createMastodonAdapter } from '@smmkit/example-adapter-mastodon';
import { createMastodonSimulator } from '@smmkit/example-adapter-mastodon/mocks';
import type { IssuedTokens, ManualClock, PlatformSimulator } from '@smmkit/testkit';
import type { RateBudgetRule } from '@smmkit/testkit/simulator-kit';
import {
  createHeaderlessAdapter,
  createHeaderlessSimulator,
  HEADERLESS_PLATFORM,
  type HeaderlessBudgets,
} from './headerless-platform.ts';

/** Simulated "now" when a bench starts. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');

/** One platform of the world. */
export interface PlatformSetup {
  /** Accounts to create. */
  readonly accounts: number;
  /** The create bucket's budget as the simulator enforces it (per account). */
  readonly createRule: RateBudgetRule;
}

/** What {@link createWorld} builds. */
export interface World {
  readonly simulators: readonly PlatformSimulator[];
  readonly adapters: readonly Adapter[];
  readonly targets: readonly Target[];
  readonly tokens: (target: Target) => TokenProvider;
  /** The simulator of a platform. */
  readonly simulatorOf: (platform: string) => PlatformSimulator;
}

/** Settings of {@link createWorld}. */
export interface WorldOptions {
  readonly clock: ManualClock;
  readonly fetch: typeof globalThis.fetch;
  readonly x: PlatformSetup;
  readonly mastodon: PlatformSetup;
  readonly headerless: PlatformSetup;
  /** Request timeout of every adapter, real ms (default: core's 30 000). */
  readonly timeoutMs?: number | undefined;
  /**
   * Refreshing token providers where the platform refreshes (X, the header-less platform): tokens
   * with the platform's lifetime and a rotating refresh token, refreshed at the simulator's OAuth
   * server, so an expired-token answer is followed by a refresh and a retry. Mastodon's tokens do
   * not expire and have no refresh token (https://docs.joinmastodon.org/methods/oauth/#token):
   * static there. Default: static, long-lived tokens everywhere.
   */
  readonly refreshing?: boolean | undefined;
}

const DAY = 86_400_000;

/** The header-less platform's list budget: generous, so reconciliation reads never wait on it. */
const HEADERLESS_LIST_RULE: RateBudgetRule = { limit: 600, windowMs: 60_000, kind: 'sliding' };

/** Builds the simulators, accounts, tokens and adapters. */
export function createWorld(options: WorldOptions): World {
  const { clock, fetch, timeoutMs } = options;
  const x = createXSimulator({
    clock,
    budgets: {
      'tweets-create': options.x.createRule,
      // Out of the way of the 15-minute window under test (X's 10,000 per 24 h stays declared).
      'tweets-create-24h': { limit: 1_000_000, windowMs: DAY, kind: 'fixed' },
    },
  });
  const mastodon = createMastodonSimulator({
    clock,
    budgets: { api: options.mastodon.createRule },
  });
  const headerlessBudgets: HeaderlessBudgets = {
    publish: options.headerless.createRule,
    list: HEADERLESS_LIST_RULE,
  };
  const headerless = createHeaderlessSimulator(clock, headerlessBudgets);

  const providers = new Map<string, TokenProvider>();
  const keyOf = (target: Target): string => `${target.platform}/${target.accountId}`;
  const targets: Target[] = [];
  const add = (platform: string, accountId: string, token: string | TokenProvider): void => {
    const target: Target = { platform, accountId };
    providers.set(keyOf(target), typeof token === 'string' ? staticTokenProvider(token) : token);
    targets.push(target);
  };
  /** A provider that refreshes at `sim`'s OAuth server, rotating the refresh token (X, TikTok). */
  const refreshingAt = (sim: PlatformSimulator, issued: IssuedTokens): TokenProvider =>
    createRefreshingTokenProvider({
      platform: sim.platform,
      // The provider only reads the time (expiry); it never waits.
      clock: { now: () => clock.now(), sleep: () => Promise.resolve() },
      tokens: issued,
      persist: () => undefined,
      refresh: async (refreshToken) => {
        const next = sim.tokens.refresh(refreshToken, true);
        if (next === undefined) throw new AuthError('auth_revoked', 'The refresh token was refused.');
        return next;
      },
    });
  for (let n = 0; n < options.x.accounts; n += 1) {
    if (options.refreshing === true) {
      // X's own lifetime (2 h) with offline.access: the provider refreshes ahead of expiry too.
      const added = x.addAccount(`xuser${n}`);
      add('x', added.account.id, refreshingAt(x.sim, added));
      continue;
    }
    // X access tokens last 2 h; the benches run longer on simulated time, so issue long ones.
    const { account, accessToken } = x.addAccount(`xuser${n}`, { accessTokenTtlMs: 365 * DAY });
    add('x', account.id, accessToken);
  }
  for (let n = 0; n < options.mastodon.accounts; n += 1) {
    const { account, accessToken } = mastodon.addAccount(`mastouser${n}`);
    add('mastodon', account.id, accessToken);
  }
  for (let n = 0; n < options.headerless.accounts; n += 1) {
    const account = headerless.addAccount({ handle: `ttuser${n}` });
    if (options.refreshing === true) {
      // TikTok hands out a new refresh token on refresh and says how long the access token lasts
      // (`expires_in`, https://developers.tiktok.com/doc/oauth-user-access-token-management): 2 h here.
      const issued = headerless.tokens.issue(account.id, { refreshable: true, expiresInMs: 7_200_000 });
      add(HEADERLESS_PLATFORM, account.id, refreshingAt(headerless, issued));
      continue;
    }
    add(HEADERLESS_PLATFORM, account.id, headerless.tokens.issue(account.id).accessToken);
  }
  const tokens = (target: Target): TokenProvider =>
    providers.get(keyOf(target)) ?? staticTokenProvider('missing');
  const simulators: Record<string, PlatformSimulator> = {
    x: x.sim,
    mastodon: mastodon.sim,
    [HEADERLESS_PLATFORM]: headerless,
  };
  return {
    simulators: Object.values(simulators),
    adapters: [
      createXAdapter({ baseUrl: x.baseUrl, fetch, timeoutMs }),
      createMastodonAdapter({ instanceUrl: mastodon.instanceUrl, fetch, timeoutMs }),
      createHeaderlessAdapter({ budgets: headerlessBudgets, fetch, timeoutMs }),
    ],
    targets,
    tokens,
    simulatorOf: (platform) => {
      const sim = simulators[platform];
      if (sim === undefined) throw new Error(`no simulator for ${platform}`);
      return sim;
    },
  };
}
