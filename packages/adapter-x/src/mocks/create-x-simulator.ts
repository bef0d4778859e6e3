import type { AccountWithTokens, SimulatedAccount, SimulatedPost } from '@smmkit/testkit';
import type { PublicAccountSeed, SeededPublicAccount } from '@smmkit/testkit/simulator-kit';
import { createXContext, type ProcessingError, storeTweet, type XSimulatorOptions } from './context.js';
import { renderTweet } from './entities/tweet.js';
import { ACCESS_TOKEN_TTL_MS } from './limits.js';
import { unknownPathNotFound } from './problems.js';
import { registerDirectMessageRoutes } from './routes/direct-messages.js';
import { registerLikeRoutes } from './routes/likes.js';
import { DEFAULT_PROCESSING_ERROR, registerMediaRoutes } from './routes/media.js';
import { consent, registerOAuthRoutes } from './routes/oauth.js';
import { registerSearchRoute } from './routes/search.js';
import { registerTweetRoutes } from './routes/tweets.js';
import { registerUserRoutes } from './routes/users.js';
import { DEFAULT_SCOPES } from './scopes.js';

/** An account added with `addAccount` and its OAuth 2.0 tokens (a refresh token when granted `offline.access`). */
export interface XSimulatorAccount extends AccountWithTokens {
  /** When the access token expires (2 h unless `accessTokenTtlMs` says otherwise). */
  readonly expiresAt: Date;
}

/** The fields {@link XSimulator.tweetOf} renders. */
const ALL_TWEET_FIELDS: ReadonlySet<string> = new Set([
  'author_id',
  'created_at',
  'conversation_id',
  'in_reply_to_user_id',
  'referenced_tweets',
  'attachments',
  'reply_settings',
  'paid_partnership',
  'public_metrics',
  'non_public_metrics',
  'organic_metrics',
]);

/**
 * A simulated X API v2 on MSW that answers as X's docs (docs.x.com) and OpenAPI spec
 * (https://api.x.com/2/openapi.json) describe: posts (create with X's validation, duplicates and limits;
 * delete; lookup with metrics and partial errors), users, timelines, mentions, recent search (a subset of its
 * query language), likes, DMs, hidden replies, chunked media upload with processing, and OAuth 2.0 with
 * rotating refresh tokens — with X's problem bodies, `x-rate-limit-*` headers and budgets. Every route gets
 * the testkit's faults, token checks and log.
 *
 * @example
 * ```ts
 * const x = createXSimulator({ clock: manualClock(Date.parse('2026-11-22T12:00:00Z')) });
 * const { account, accessToken } = x.addAccount('ana');
 * const running = startSimulators(x.sim);
 * await fetch(`${x.baseUrl}/2/tweets`, {
 *   method: 'POST',
 *   headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
 *   body: JSON.stringify({ text: 'Hello' }),
 * });
 * x.sim.posts.filter((post) => post.accountId === account.id); // the stored post
 * running.close();
 * ```
 */
export function createXSimulator(options: XSimulatorOptions = {}) {
  const context = createXContext(options);
  const { sim } = context;
  registerTweetRoutes(context);
  registerLikeRoutes(context);
  registerSearchRoute(context);
  registerUserRoutes(context);
  registerDirectMessageRoutes(context);
  registerMediaRoutes(context);
  registerOAuthRoutes(context);
  // Last, since MSW tries handlers in the order they were declared: every request under the base URL that
  // no other route took gets X's 404 problem (unknownPathNotFound), so a call to an endpoint the simulator
  // lacks fails like a call to a path X lacks instead of leaving MSW with an unhandled request. It needs no
  // token and counts against no bucket.
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
    sim.route(method, '/*', { auth: false }, ({ url }) => unknownPathNotFound(method, url.pathname));
  }

  // Seeded posts are real posts: replies join the conversation and name the replied-to author.
  sim.storePostsWith((author, { text, inReplyTo }, createdAt) =>
    storeTweet(context, { accountId: author.id, text, inReplyTo, createdAt }),
  );
  return {
    /** The generic simulator: faults, request log, posts, media, tokens, rate limiter, MSW handlers. */
    sim,
    /** The base URL, without a trailing slash. */
    baseUrl: sim.baseUrl,
    /**
     * Adds an account and issues it an OAuth 2.0 user token that expires after 2 hours
     * (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code; `accessTokenTtlMs`
     * changes that, for runs longer than 2 h of simulated time), with the given scopes (default: every scope
     * the adapter uses, including `offline.access`, so a rotating refresh token comes with it).
     *
     * @example
     * ```ts
     * const { account, accessToken } = x.addAccount('ana', { accessTokenTtlMs: 365 * 86_400_000 });
     * ```
     */
    addAccount(
      username: string,
      account: {
        readonly followers?: number | undefined;
        readonly displayName?: string | undefined;
        readonly scopes?: readonly string[] | undefined;
        /** Lifetime of the access token, in ms (default 2 h, as on X). */
        readonly accessTokenTtlMs?: number | undefined;
      } = {},
    ): XSimulatorAccount {
      const { followers, displayName, scopes = DEFAULT_SCOPES } = account;
      const expiresInMs = account.accessTokenTtlMs ?? ACCESS_TOKEN_TTL_MS;
      const tokens = { expiresInMs, refreshable: scopes.includes('offline.access'), scopes };
      const added = sim.addAccountWithTokens({ handle: username, followers, displayName }, tokens);
      return { ...added, expiresAt: new Date(sim.clock.now() + expiresInMs) };
    },
    /**
     * Other accounts mention `accountId` in `count` posts starting with `@username` (replying to
     * `postId` when given); each is a post and a `mention` engagement under the same id. Oldest first.
     */
    seedMentions: (accountId: string, count: number, seed: { readonly postId?: string | undefined } = {}) =>
      sim.seedMentions(accountId, count, seed),
    /**
     * Other accounts reply `count` times to `postId`. As replies written through X's apps and API,
     * the text does not repeat `@author` (the reply metadata carries it). Oldest first.
     */
    seedReplies: (postId: string, count: number) => sim.seedReplies(postId, count),
    /**
     * Other accounts (the fans `fan_1`, `fan_2`, `fan_3`, in turn) post `count` public posts that
     * mention `term` (a word, a `"quoted phrase"` or a `#hashtag`) without tagging anyone, for
     * recent search to find: `Loving <term>! Post 1 from fan_1`, … (phrase quotes left out), a
     * minute apart, the newest at simulated now. Oldest first.
     *
     * @example
     * ```ts
     * x.seedBrandMentions('#AcmeCoffee', 12);
     * ```
     */
    seedBrandMentions: (
      term: string,
      count: number,
      seed: {
        /** What the `index`-th fan writes (default: `Loving <term>! Post <index + 1> from <handle>`). */
        readonly text?: ((author: SimulatedAccount, index: number) => string) | undefined;
      } = {},
    ): SimulatedPost[] => {
      // A "quoted phrase" is written without its quotes.
      const written = term.replace(/^"(.*)"$/s, '$1');
      return sim.seedFanPosts(count, {
        text: seed.text ?? ((author, index) => `Loving ${written}! Post ${index + 1} from ${author.handle}`),
      });
    },
    /**
     * Another account (a competitor, an influencer) that a lookup by username finds, with `posts`
     * public posts (default 10) `spacingMs` apart (default a day), the newest at simulated now;
     * their public metrics grow with their age. Defaults: 1,000 followers, 100 following, posts
     * saying `Post <n> from <username>`. An existing account with that username is reused. Returns
     * the account and its new posts, oldest first.
     *
     * @example
     * ```ts
     * const rival = x.seedPublicAccount('rivalcoffee', { followers: 5_400, posts: 30, spacingMs: 8 * 3_600_000 });
     * ```
     */
    seedPublicAccount: (username: string, seed: PublicAccountSeed = {}): SeededPublicAccount =>
      sim.seedPublicAccount(username, seed),
    /** The users who like the post through the API (POST /2/users/:id/likes), in the order they liked it. */
    likersOf: (postId: string): readonly string[] => sim.likes.of(postId),
    /** Other accounts send `accountId` `count` direct messages (each engagement's id is its DM event id). Oldest first. */
    seedDirectMessages: (accountId: string, count: number) => sim.seedMessages(accountId, count),
    /** The post as its author would read it now with every field (public, non-public and organic metrics), or `undefined`. */
    tweetOf(id: string) {
      const post = sim.posts.get(id);
      return post && renderTweet(context, post, ALL_TWEET_FIELDS, post.accountId, sim.clock.now()).tweet;
    },
    /**
     * Makes the next `count` videos/GIFs finalized fail processing with `error` (default X's
     * `{"code":1,"name":"InvalidMedia","message":"Unsupported video format"}`).
     */
    failNextMediaProcessing(error: ProcessingError = DEFAULT_PROCESSING_ERROR, count = 1) {
      for (let index = 0; index < count; index += 1) context.processingFailures.push(error);
    },
    /**
     * Uses up the app's pay-per-use credits: from now on every X API request (not the OAuth token
     * endpoints) gets X's 402 `{"detail":"credits depleted","status":402,"title":"Payment Required",
     * "type":"https://api.x.com/2/problems/credits-depleted"}` and nothing is done, until
     * `addCredits()` or the simulator's reset.
     */
    depleteCredits() {
      context.credits.depleted = true;
    },
    /** Tops the app's credits up again after `depleteCredits()`: requests are served again. */
    addCredits() {
      context.credits.depleted = false;
    },
    /**
     * Reaches the app's spending limit for the billing cycle: from now on every X API request (not
     * the OAuth token endpoints) gets X's 403 `{"detail":"Your monthly spend cap has been reached.",
     * "status":403,"title":"SpendCapReached","type":"https://api.x.com/2/problems/spend-cap-reached"}`
     * and nothing is done, until `raiseSpendCap()` or the simulator's reset (the body is ASSUMED:
     * see `spendCapReached` in the simulator's problems).
     */
    reachSpendCap() {
      context.credits.spendCapReached = true;
    },
    /** Raises the spending limit again after `reachSpendCap()`: requests are served again. */
    raiseSpendCap() {
      context.credits.spendCapReached = false;
    },
    /**
     * Plays the user approving an authorization URL (`https://x.com/i/oauth2/authorize?…`) for
     * `accountId`; returns the redirect URL with `state` and `code`.
     */
    consent: (authorizeUrl: string, accountId: string) => consent(context, authorizeUrl, accountId),
  };
}

/** A simulated X API: the generic simulator plus X-shaped helpers for tests. */
export type XSimulator = ReturnType<typeof createXSimulator>;
