import type { Account, Adapter, Post, TokenSet } from '@smmkit/core';
import type { PlatformSimulator } from '../simulator/platform-simulator.js';
import type { IssuedTokens } from '../simulator/token-registry.js';
import type { SampleKind } from './sample-posts.js';

/** An account made on the simulator for one test. */
export interface ConformanceAccount {
  /** The account as core models it (`platform`, `accountId`, `handle`). */
  readonly account: Account;
  /** Its tokens, issued by the simulator. */
  readonly tokens: IssuedTokens;
}

/** Posts the suite publishes instead of generating them, by kind. */
export type SamplePosts = { readonly [K in SampleKind]?: Post };

/** What {@link runAdapterConformance} needs to test one adapter against its simulator. */
export interface ConformanceSetup {
  /** The simulated platform; the suite starts it, resets it before each test and stops it after. */
  readonly simulator: PlatformSimulator;
  /** Further hosts of the same platform (an upload host, an OAuth host), started and reset with it. */
  readonly extraSimulators?: readonly PlatformSimulator[] | undefined;
  /** The adapter under test, pointed at the simulator. */
  readonly adapter: Adapter;
  /**
   * Adds an account to the simulator and issues its tokens. With `refreshable`, issue a refresh
   * token too (the suite then expires the access token to check the refresh path).
   */
  createAccount(options: { readonly refreshable: boolean }): ConformanceAccount;
  /**
   * The simulator route that creates a post (`POST /api/v1/statuses`), as the route was declared,
   * for the checks that lose or break a create's answer; or every such route when the platform
   * creates different posts through different routes (Facebook's `POST /:version/:pageId/feed`
   * and, for a photo, `POST /:version/:pageId/photos`).
   */
  readonly createPostRoute: string | readonly string[];
  /** Puts `count` engagements (mentions, comments) the adapter can list for the account. Required when it reads any. */
  seedEngagements?(accountId: string, count: number): void;
  /**
   * Puts `count` public posts by other accounts that mention `term` (a `#hashtag` for an adapter
   * whose `engagement.search` is `hashtags`), for `searchMentions` to find. Required when it
   * declares search.
   */
  seedBrandMentions?(term: string, count: number): void;
  /** Exchanges a refresh token at the simulator, as the adapter's auth helper does. Required when `auth.refreshable`. */
  refreshTokens?(refreshToken: string): Promise<TokenSet>;
  /** Posts to publish instead of the samples generated from the capabilities. */
  readonly samples?: SamplePosts | undefined;
}
