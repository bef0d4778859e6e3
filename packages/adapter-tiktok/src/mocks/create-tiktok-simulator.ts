import { type AccountWithTokens, PlatformSimulator, realClock, type SimClock } from '@smmkit/testkit';
import { AuthorizationCodes, type RateBudgetRule } from '@smmkit/testkit/simulator-kit';
import { LogIds } from './answers.js';
import type { Publication, SimulatedCreator, TikTokSimContext } from './context.js';
import { tiktokDialect } from './dialect.js';
import { registerContentInitRoute } from './routes/content-init.js';
import { registerCreatorInfoRoute } from './routes/creator-info.js';
import { registerDisplayRoutes } from './routes/display.js';
import { answersChallenge, registerOAuthRoutes } from './routes/oauth.js';
import { registerStatusRoutes } from './routes/status.js';
import { registerUploadRoute } from './routes/upload.js';
import { registerVideoInitRoutes } from './routes/video-init.js';
import { seededVideoStore } from './seeded-videos.js';
import { publishEvents, type TikTokWebhookBody } from './webhooks.js';

const MINUTE_MS = 60_000;

/**
 * TikTok's per-minute limits per user access token, on a sliding window
 * (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit): creator info 20, each init 6,
 * status reads 30, each Display API endpoint 600.
 */
export const TIKTOK_SIMULATED_BUDGETS: Readonly<Record<string, RateBudgetRule>> = Object.freeze({
  creator_info: { limit: 20, windowMs: MINUTE_MS, kind: 'sliding' },
  video_init: { limit: 6, windowMs: MINUTE_MS, kind: 'sliding' },
  inbox_init: { limit: 6, windowMs: MINUTE_MS, kind: 'sliding' },
  content_init: { limit: 6, windowMs: MINUTE_MS, kind: 'sliding' },
  status: { limit: 30, windowMs: MINUTE_MS, kind: 'sliding' },
  video_query: { limit: 600, windowMs: MINUTE_MS, kind: 'sliding' },
  video_list: { limit: 600, windowMs: MINUTE_MS, kind: 'sliding' },
  user_info: { limit: 600, windowMs: MINUTE_MS, kind: 'sliding' },
});

/** Every scope a creator grants unless a test says otherwise. */
export const TIKTOK_CREATOR_SCOPES = [
  'user.info.basic',
  'user.info.stats',
  'video.publish',
  'video.upload',
  'video.list',
] as const;

/** Settings of {@link createTikTokSimulator}. */
export interface TikTokSimulatorOptions {
  /** Simulated time (default `Date.now()`, so fake timers apply). */
  readonly clock?: SimClock | undefined;
  /** The API origin (default `https://open.tiktokapis.com`). */
  readonly apiUrl?: string | undefined;
  /** The upload host (default `https://open-upload.tiktokapis.com`). */
  readonly uploadUrl?: string | undefined;
  /** Budgets per bucket, replacing {@link TIKTOK_SIMULATED_BUDGETS}' of the same name. */
  readonly budgets?: Readonly<Record<string, RateBudgetRule>> | undefined;
  /** How long TikTok processes media once it has them, simulated ms (default 3 000). */
  readonly processingMs?: number | undefined;
  /** How long a published post waits for moderation before it is public and has its id (default 0). */
  readonly moderationMs?: number | undefined;
  /** The app is unaudited: SELF_ONLY posts to private accounts only, 5 posting creators a day (default false). */
  readonly unaudited?: boolean | undefined;
  /** URL prefixes verified for pulls; default: every HTTPS URL is. */
  readonly verifiedUrlPrefixes?: readonly string[] | undefined;
  /** Posts per creator per day (default 15). */
  readonly dailyPostsPerCreator?: number | undefined;
  /** Access token lifetime in seconds (default 86 400). */
  readonly accessTokenSeconds?: number | undefined;
  /** Refresh token lifetime in seconds (default 31 536 000). */
  readonly refreshTokenSeconds?: number | undefined;
}

/** What `addCreator` takes: the creator's settings and token. */
export interface CreatorOptions extends Partial<Omit<SimulatedCreator, 'username'>> {
  /** Followers shown by user info. */
  readonly followers?: number | undefined;
  /** Granted scopes (default {@link TIKTOK_CREATOR_SCOPES}). */
  readonly scopes?: readonly string[] | undefined;
  /** Also issue a refresh token. */
  readonly refreshable?: boolean | undefined;
}

/** A simulated TikTok: both hosts and TikTok-shaped helpers for tests. */
export interface TikTokSimulator {
  /** open.tiktokapis.com: creators (accounts by `open_id`), tokens, posts (by public id), faults, log. */
  readonly sim: PlatformSimulator;
  /** open-upload.tiktokapis.com: the upload URLs (its log shows the PUTs). */
  readonly upload: PlatformSimulator;
  /** Both, for `startSimulators(...tiktok.simulators)`. */
  readonly simulators: readonly PlatformSimulator[];
  /** The API origin. */
  readonly apiUrl: string;
  /** Adds a creator (`open_id` like TikTok's) with creator info `options` and a 24-hour token. */
  addCreator(username: string, options?: CreatorOptions): AccountWithTokens;
  /** Creator info of an account, to change in a test (privacy options, interactions, longest video). */
  creator(accountId: string): SimulatedCreator;
  /** Registers an app: token requests must then carry its client key and secret. */
  addApp(clientKey: string, clientSecret: string): void;
  /**
   * The creator authorizes the app on TikTok's consent page: returns the `code` the redirect
   * would carry, valid 10 minutes, for `POST /v2/oauth/token/`.
   */
  authorize(grant: {
    /** The creator. */
    readonly accountId: string;
    /** The app's client key. */
    readonly clientKey: string;
    /** The redirect URI of the authorization. */
    readonly redirectUri: string;
    /** Scopes granted (default {@link TIKTOK_CREATOR_SCOPES}). */
    readonly scopes?: readonly string[];
    /** The PKCE challenge sent, when the app used PKCE. */
    readonly codeChallenge?: string;
  }): string;
  /** The next publish fails processing with `failReason` (`frame_rate_check_failed`, `spam_risk_text`, …). */
  failNextPublish(failReason: string): void;
  /**
   * The upload host loses the next chunk it is sent (a valid one): it answers 206 Partial Content
   * and keeps waiting for those bytes, so a lost last chunk leaves TikTok without the whole file.
   */
  loseNextChunk(): void;
  /** A publish, by `publish_id`, or `undefined`. */
  publication(publishId: string): Publication | undefined;
  /**
   * The webhook events TikTok has sent so far about a publish, for the app `clientKey`
   * (`post.publish.complete`, `post.publish.publicly_available`, …); sign one with `signedTikTokWebhook`.
   */
  publishEvents(publishId: string, clientKey: string): TikTokWebhookBody[];
}

/**
 * A simulated TikTok on MSW, answering as developers.tiktok.com documents the Content Posting API
 * and Display API: creator info per creator; video inits (direct and inbox) with TikTok's chunk
 * rules, chunked uploads to signed URLs (206/201) and pulls from verified URLs; photo posts;
 * processing over simulated time, then a moderation delay before the public id; status with
 * TikTok's spelling and int64 ids; cancel; the Display API's videos (a publish's, and those
 * `sim.seedPublicAccount` seeds on a creator, as posted in the app) and user counts; OAuth with
 * rotating refresh tokens; per-minute limits per token, the daily post cap, the unaudited-app
 * rules and the inbox limit, all with TikTok's error bodies and `log_id`s. Two hosts: `sim`
 * (open.tiktokapis.com) and `upload` (open-upload.tiktokapis.com).
 *
 * @example
 * ```ts
 * const tiktok = createTikTokSimulator({ clock: manualClock(Date.parse('2026-12-04T12:00:00Z')), moderationMs: 60_000 });
 * const acme = tiktok.addCreator('acme', { privacyLevelOptions: ['PUBLIC_TO_EVERYONE', 'SELF_ONLY'] });
 * const running = startSimulators(...tiktok.simulators);
 * // … publish with createTikTokAdapter() as acme.account.id
 * running.close();
 * ```
 */
export function createTikTokSimulator(options: TikTokSimulatorOptions = {}): TikTokSimulator {
  const clock = options.clock ?? realClock;
  // One counter for both hosts, started again by sim.reset() (the harness resets every test).
  const logIds = new LogIds(clock);
  const dialect = tiktokDialect(clock, logIds);
  const sim = new PlatformSimulator({
    platform: 'tiktok',
    baseUrl: options.apiUrl ?? 'https://open.tiktokapis.com',
    dialect,
    budgets: { ...TIKTOK_SIMULATED_BUDGETS, ...options.budgets },
    clock,
    // TikTok counts its limits per user access token.
    rateLimitKey: 'token',
  });
  const upload = new PlatformSimulator({
    platform: 'tiktok',
    baseUrl: options.uploadUrl ?? 'https://open-upload.tiktokapis.com',
    dialect,
    clock,
  });
  const context: TikTokSimContext = {
    sim,
    upload,
    creators: new Map(),
    publications: sim.resettable(new Map()),
    processingMs: options.processingMs ?? 3_000,
    moderationMs: options.moderationMs ?? 0,
    unaudited: options.unaudited ?? false,
    verifiedUrlPrefixes: options.verifiedUrlPrefixes,
    dailyPostsPerCreator: options.dailyPostsPerCreator ?? 15,
    pendingInboxLimit: 5,
    failures: sim.resettable([]),
    chunksToLose: sim.resettable([]),
    apps: new Map(),
    codes: sim.resettable(
      new AuthorizationCodes({
        clock: sim.clock,
        ttlMs: 10 * MINUTE_MS,
        newCode: () => `code_${sim.nextId()}`,
        answersChallenge,
      }),
    ),
    accessTokenSeconds: options.accessTokenSeconds ?? 86_400,
    refreshTokenSeconds: options.refreshTokenSeconds ?? 31_536_000,
    logIds: sim.resettable(logIds),
  };
  registerCreatorInfoRoute(context);
  registerVideoInitRoutes(context);
  registerContentInitRoute(context);
  registerUploadRoute(context);
  registerStatusRoutes(context);
  registerDisplayRoutes(context);
  registerOAuthRoutes(context);
  // Seeds (seedPublicAccount, seedFanPosts) post videos as their creator would in the TikTok app.
  sim.storePostsWith(seededVideoStore(context));

  return {
    sim,
    upload,
    simulators: [sim, upload],
    apiUrl: sim.baseUrl,
    addCreator(username, creatorOptions = {}) {
      // An open_id is an opaque string TikTok makes per app and user.
      const id = `-000${sim.nextId()}OpenId${username}`;
      const added = sim.addAccountWithTokens(
        {
          id,
          handle: username,
          displayName: creatorOptions.nickname ?? username,
          followers: creatorOptions.followers,
        },
        {
          scopes: [...(creatorOptions.scopes ?? TIKTOK_CREATOR_SCOPES)],
          expiresInMs: context.accessTokenSeconds * 1000,
          refreshable: creatorOptions.refreshable,
          refreshTtlMs: context.refreshTokenSeconds * 1000,
        },
      );
      // "If the TikTok creator account is public, the available options are: PUBLIC_TO_EVERYONE,
      // MUTUAL_FOLLOW_FRIENDS, SELF_ONLY. If the TikTok creator account is private …
      // FOLLOWER_OF_CREATOR, MUTUAL_FOLLOW_FRIENDS, SELF_ONLY"; duets are off on a private account
      // (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info), and so
      // are stitches here (ASSUMED alike).
      const privateAccount = creatorOptions.privateAccount ?? false;
      context.creators.set(id, {
        username,
        nickname: creatorOptions.nickname ?? username,
        privateAccount,
        privacyLevelOptions:
          creatorOptions.privacyLevelOptions ??
          (privateAccount
            ? ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY']
            : ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY']),
        commentDisabled: creatorOptions.commentDisabled ?? false,
        duetDisabled: creatorOptions.duetDisabled ?? privateAccount,
        stitchDisabled: creatorOptions.stitchDisabled ?? privateAccount,
        maxVideoPostDurationSec: creatorOptions.maxVideoPostDurationSec ?? 600,
      });
      return added;
    },
    creator(accountId) {
      const creator = context.creators.get(accountId);
      if (creator === undefined) throw new Error(`creator: no creator ${accountId}`);
      return creator;
    },
    addApp(clientKey, clientSecret) {
      context.apps.set(clientKey, clientSecret);
    },
    authorize(grant) {
      return context.codes.issue({
        accountId: grant.accountId,
        clientId: grant.clientKey,
        redirectUri: grant.redirectUri,
        scopes: grant.scopes ?? [...TIKTOK_CREATOR_SCOPES],
        codeChallenge: grant.codeChallenge,
      });
    },
    failNextPublish(failReason) {
      context.failures.push(failReason);
    },
    loseNextChunk() {
      context.chunksToLose.push('lost');
    },
    publication: (publishId) => context.publications.get(publishId),
    publishEvents: (publishId, clientKey) => publishEvents(context, publishId, clientKey, sim.clock.now()),
  };
}
