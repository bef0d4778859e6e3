import {
  PlatformSimulator,
  type RateBudgetRule,
  realClock,
  type SimClock,
  type SimulatedAccount,
  type SimulatedEngagement,
  type SimulatedPost,
} from '@smmkit/testkit';
import { INSTAGRAM_BUDGETS } from './budgets.js';
import type { InstagramContext } from './context.js';
import { instagramDialect } from './dialect.js';
import { DEFAULT_QUOTA_TOTAL, HOUR_MS, LONG_LIVED_TOKEN_TTL_S, SHORT_LIVED_TOKEN_TTL_MS } from './limits.js';
import { setQuota } from './quota.js';
import { registerCommentRoutes } from './routes/comments.js';
import { registerContainerRoutes } from './routes/containers.js';
import { registerMediaRoutes } from './routes/media.js';
import { registerNodeRoutes } from './routes/nodes.js';
import { consent, registerOAuthRoutes } from './routes/oauth.js';
import { registerRuploadRoutes } from './routes/rupload.js';
import { type SeedMediaOptions, seedCommentMentions, seedComments, seedMedia, seedMentions } from './seed.js';
import { issueToken } from './tokens.js';

/** Settings of {@link createInstagramSimulator}. */
export interface InstagramSimulatorOptions {
  /** Graph host (default `https://graph.facebook.com`; `https://graph.instagram.com` for Instagram Login). */
  readonly baseUrl?: string | undefined;
  /** Resumable upload host (default `https://rupload.facebook.com`). */
  readonly ruploadUrl?: string | undefined;
  /** Simulated time (default `Date.now()`, or testkit's `manualClock`). */
  readonly clock?: SimClock | undefined;
  /** How long video containers stay IN_PROGRESS, simulated ms (default 30 000). */
  readonly containerProcessingMs?: number | undefined;
  /** How long image containers stay IN_PROGRESS, simulated ms (default 0: FINISHED at once). */
  readonly imageProcessingMs?: number | undefined;
  /** How long `reach` and `views` insights stay empty after publishing, simulated ms (default 1 h). */
  readonly insightsDelayMs?: number | undefined;
  /** `quota_total` of published posts per 24 h (default 100; instagram.md "Quotas"). */
  readonly quotaTotal?: number | undefined;
  /** Budgets merged over {@link INSTAGRAM_BUDGETS} (`app`, `instagram`). */
  readonly budgets?: Readonly<Record<string, RateBudgetRule>> | undefined;
}

/** An account added with {@link InstagramSimulator.addAccount}. */
export interface InstagramSimulatorAccount {
  /** The IG professional account (its id is the ig-user-id). */
  readonly account: SimulatedAccount;
  /** A 60-day long-lived token (meta-common.md "Tokens"). */
  readonly accessToken: string;
  /** When it expires. */
  readonly expiresAt: Date;
}

/** A simulated Instagram Graph API: the generic simulator plus Instagram-shaped helpers. */
export interface InstagramSimulator {
  /** The Graph simulator: faults, log, posts (published media and own comments), engagements, tokens, limiter. */
  readonly sim: PlatformSimulator;
  /** The rupload.facebook.com simulator (resumable uploads), sharing tokens and state with `sim`. */
  readonly rupload: PlatformSimulator;
  /** Both simulators, for `startSimulators(...ig.simulators)`. */
  readonly simulators: readonly PlatformSimulator[];
  /** The Graph base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** Adds an IG professional account with a 60-day token. */
  addAccount(
    username: string,
    options?: { readonly followers?: number | undefined },
  ): InstagramSimulatorAccount;
  /** A short-lived (1 h) Instagram Login token for an account, to exchange with `ig_exchange_token`. */
  issueShortLivedToken(accountId: string): string;
  /** Fan accounts comment on a media; see seed.ts. */
  seedComments(mediaId: string, count: number): SimulatedEngagement[];
  /** Fan accounts publish media mentioning the account; see seed.ts. */
  seedMentions(accountId: string, count: number): SimulatedEngagement[];
  /** A published media of the account, without the publish flow; see seed.ts. */
  seedMedia(accountId: string, caption: string, options?: SeedMediaOptions): SimulatedPost;
  /** Fans mention the account in comments on a fan's media; see seed.ts. */
  seedCommentMentions(accountId: string, count: number): SimulatedEngagement[];
  /**
   * The user `accountId` approves a Facebook Login dialog or Instagram Login window URL: returns
   * the redirect URI with `code` and `state` (routes/oauth.ts).
   */
  consent(authorizationUrl: string, accountId: string): string;
  /** Makes content_publishing_limit read `used` of `total` now (later publishes add to `used`). */
  setQuota(accountId: string, quota: { readonly used: number; readonly total?: number | undefined }): void;
  /** The next created container ends in ERROR with `subcode` (default 2207026, video format). */
  failNextContainer(subcode?: number): void;
}

/**
 * A simulated Instagram Graph API on MSW, answering as instagram.md and meta-common.md describe:
 * media containers (images, carousels, reels, stories, resumable uploads) with IN_PROGRESS →
 * FINISHED/ERROR/EXPIRED/PUBLISHED, media_publish with its errors and the 24 h quota, media and
 * user fields, insights, comments and replies with cursor paging, hide/delete, mentions, and
 * Facebook/Instagram Login tokens — with Graph error bodies and usage headers. Paths take any
 * `/vNN.N/` version; tokens may come as a Bearer header or an `access_token` parameter.
 *
 * Published media are `sim.posts` (`text` = caption, media kinds `image`/`video`, `extra` =
 * `{kind:'media', mediaType, productType, permalink, shortcode, containerId}`); comments written
 * by the account are also `sim.posts` (`inReplyToId` = the media or parent comment,
 * `extra.kind = 'comment'`) besides `sim.engagements`, so first comments can be found.
 *
 * @example
 * ```ts
 * const ig = createInstagramSimulator({ clock: manualClock(Date.parse('2026-11-22T12:00:00Z')) });
 * const { account, accessToken } = ig.addAccount('ana', { followers: 120 });
 * const running = startSimulators(...ig.simulators);
 * const created = await fetch(`${ig.baseUrl}/v25.0/${account.id}/media?image_url=https://cdn.test/a.jpg`, {
 *   method: 'POST', headers: { authorization: `Bearer ${accessToken}` },
 * });
 * running.close();
 * ```
 */
export function createInstagramSimulator(options: InstagramSimulatorOptions = {}): InstagramSimulator {
  const baseUrl = (options.baseUrl ?? 'https://graph.facebook.com').replace(/\/+$/, '');
  const ruploadUrl = (options.ruploadUrl ?? 'https://rupload.facebook.com').replace(/\/+$/, '');
  const containers: InstagramContext['containers'] = new Map();
  const containerFailures: number[] = [];
  const quotas: InstagramContext['quotas'] = new Map();
  const replyParents: InstagramContext['replyParents'] = new Map();
  const clock = options.clock ?? realClock;
  const sim = new PlatformSimulator({
    platform: 'instagram',
    baseUrl,
    dialect: instagramDialect(clock),
    budgets: { ...INSTAGRAM_BUDGETS, ...options.budgets },
    clock,
    rateLimitKey: 'account',
    onReset: () => {
      containers.clear();
      containerFailures.length = 0;
      quotas.clear();
      replyParents.clear();
    },
  });
  const rupload = new PlatformSimulator({
    platform: 'instagram-rupload',
    baseUrl: ruploadUrl,
    dialect: instagramDialect(clock),
    clock,
  });
  const context: InstagramContext = {
    sim,
    baseUrl,
    ruploadUrl,
    containerProcessingMs: options.containerProcessingMs ?? 30_000,
    imageProcessingMs: options.imageProcessingMs ?? 0,
    insightsDelayMs: options.insightsDelayMs ?? HOUR_MS,
    quotaTotal: options.quotaTotal ?? DEFAULT_QUOTA_TOTAL,
    containers,
    containerFailures,
    quotas,
    tokenIssuedAt: new Map(),
    pages: new Map(),
    replyParents,
  };

  // Order matters: MSW answers with the first matching handler, and `/:version/:id` also matches
  // `/oauth/access_token`, so OAuth and literal edges come before the node routes.
  registerOAuthRoutes(context);
  registerContainerRoutes(context);
  registerMediaRoutes(context);
  registerCommentRoutes(context);
  registerNodeRoutes(context);
  registerRuploadRoutes(context, rupload);

  return {
    sim,
    rupload,
    simulators: [sim, rupload],
    baseUrl,
    addAccount(username, accountOptions = {}) {
      const account = sim.addAccount({
        handle: username,
        ...(accountOptions.followers === undefined ? {} : { followers: accountOptions.followers }),
      });
      const ttlMs = LONG_LIVED_TOKEN_TTL_S * 1000;
      const accessToken = issueToken(context, account.id, ttlMs);
      return { account, accessToken, expiresAt: new Date(sim.clock.now() + ttlMs) };
    },
    issueShortLivedToken: (accountId) => issueToken(context, accountId, SHORT_LIVED_TOKEN_TTL_MS),
    seedComments: (mediaId, count) => seedComments(context, mediaId, count),
    seedMentions: (accountId, count) => seedMentions(context, accountId, count),
    seedMedia: (accountId, caption, mediaOptions) => seedMedia(context, accountId, caption, mediaOptions),
    seedCommentMentions: (accountId, count) => seedCommentMentions(context, accountId, count),
    consent: (authorizationUrl, accountId) => consent(context, authorizationUrl, accountId),
    setQuota: (accountId, quota) => setQuota(context, accountId, quota),
    failNextContainer(subcode = 2207026) {
      containerFailures.push(subcode);
    },
  };
}
