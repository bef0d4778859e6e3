import {
  type AccountWithTokens,
  PlatformSimulator,
  type SimClock,
  type SimulatedAccount,
  type SimulatedEngagement,
} from '@smmkit/testkit';
import {
  AuthorizationCodes,
  type IssueOptions,
  type RateBudgetRule,
  RateLimiter,
  seedInbound,
} from '@smmkit/testkit/simulator-kit';
import type { ActiveVersions, LinkedInSimContext, SimulatedOrganization } from './context.js';
import { linkedInDialect } from './dialect.js';
import { type LinkedInCommentJson, type LinkedInPostJson, renderComment, renderPost } from './entities.js';
import {
  defaultFollowerStatistics,
  FOLLOWER_FACETS,
  type FollowerFacet,
  type FollowerStatistics,
} from './follower-statistics.js';
import type { OrganizationRole } from './organization-roles.js';
import { registerAssetRoutes } from './routes/assets.js';
import { registerCommentRoutes } from './routes/comments.js';
import { registerFollowerStatisticsRoutes } from './routes/follower-statistics.js';
import { ACCESS_TOKEN_SECONDS, REFRESH_TOKEN_SECONDS, registerOAuthRoutes } from './routes/oauth.js';
import { registerPostRoutes } from './routes/posts.js';
import { REACTION_TYPES, registerReactionRoutes } from './routes/reactions.js';
import { registerStatisticsRoutes } from './routes/statistics.js';
import { registerUploadRoutes } from './routes/uploads.js';
import { memberUrnOf, storePost, storeSeededPost } from './store-post.js';
import { storeReaction } from './store-reaction.js';
import { type LinkedInNotificationsDelivery, notificationDelivery } from './webhooks.js';

/** One UTC day: LinkedIn's daily limits reset at midnight UTC. */
const DAY_MS = 86_400_000;

/** Settings of {@link createLinkedInSimulator}. */
export interface LinkedInSimulatorOptions {
  /** Simulated time (default `Date.now()`, so fake timers apply). */
  readonly clock?: SimClock | undefined;
  /** Request budgets per bucket (every /rest route counts against `api`; none by default). */
  readonly budgets?: Readonly<Record<string, RateBudgetRule>> | undefined;
  /** The API origin (default `https://api.linkedin.com`, where the official client sends its calls). */
  readonly apiUrl?: string | undefined;
  /** The web origin for OAuth and uploads (default `https://www.linkedin.com`). */
  readonly wwwUrl?: string | undefined;
  /** The `LinkedIn-Version`s served (default `202511` to `202612`). */
  readonly versions?: ActiveVersions | undefined;
  /** How long images and documents process, simulated ms (default 1 000). */
  readonly mediaProcessingMs?: number | undefined;
  /** How long videos process, simulated ms (default 30 000). */
  readonly videoProcessingMs?: number | undefined;
  /** Size of the video parts handed out (default 4 MiB, as LinkedIn cuts them). */
  readonly videoPartBytes?: number | undefined;
  /** Posts per member per UTC day (default 150) and per app (default 100 000). */
  readonly dailyPosts?:
    | {
        /** Posts per member per UTC day (default 150). */
        readonly perMember?: number;
        /** Posts per app per UTC day (default 100 000). */
        readonly perApp?: number;
      }
    | undefined;
}

/** Follower statistics to seed, per facet, keyed as LinkedIn keys buckets; a facet left out is made up. */
export type SeedFollowerStatistics = Partial<Record<FollowerFacet, Readonly<Record<string, number>>>>;

/** Scopes a member's token gets unless told otherwise: posting, reading and analytics of its own. */
export const MEMBER_SCOPES = [
  'openid',
  'profile',
  'w_member_social',
  'r_member_social',
  'r_member_postAnalytics',
  'r_member_profileAnalytics',
] as const;

/** Scopes an organization admin's token gets unless told otherwise. */
export const ORGANIZATION_SCOPES = [
  ...MEMBER_SCOPES,
  'w_organization_social',
  'r_organization_social',
  'rw_organization_admin',
] as const;

/** A simulated LinkedIn: the two hosts plus LinkedIn-shaped helpers for tests. */
export interface LinkedInSimulator {
  /** The api.linkedin.com simulator (its tables keyed by URN): faults, request log, posts, media, comments, tokens. */
  readonly sim: PlatformSimulator;
  /** The www.linkedin.com simulator: upload URLs (its log shows the PUTs). */
  readonly www: PlatformSimulator;
  /** Both, for `startSimulators(...linkedin.simulators)`. */
  readonly simulators: readonly PlatformSimulator[];
  /** The API origin. */
  readonly apiUrl: string;
  /**
   * Adds a member (`urn:li:person:…`) and issues it a 60-day token with {@link MEMBER_SCOPES}
   * (or `tokens.scopes`); `refreshable` adds a refresh token, as approved apps get.
   */
  addMember(handle: string, tokens?: IssueOptions): AccountWithTokens;
  /** Registers an app: its token requests must then carry this client secret. */
  addApp(clientId: string, clientSecret: string): void;
  /**
   * The member authorizes the app on LinkedIn's consent page: returns the `code` the redirect
   * would carry, valid 30 minutes, for {@link LinkedInSimulator.www}'s `POST /oauth/v2/accessToken`.
   */
  authorize(grant: {
    /** The member (`urn:li:person:…`). */
    readonly memberId: string;
    /** The app's client id. */
    readonly clientId: string;
    /** The redirect URI of the authorization. */
    readonly redirectUri: string;
    /** Scopes granted (default {@link MEMBER_SCOPES}). */
    readonly scopes?: readonly string[];
    /** Whether the app is approved for programmatic refresh tokens. */
    readonly refreshable?: boolean;
  }): string;
  /**
   * Adds an organization (`urn:li:organization:…`, a LinkedIn Page named `name`) whose `admins`
   * (member URNs) hold its ADMINISTRATOR role, which lets them post, comment and read statistics
   * for it. Returns its URN.
   */
  addOrganization(name: string, admins: readonly string[], followers?: number): string;
  /**
   * Sets the approved roles `member` holds on the organization `orgUrn`, in place of those it held
   * (none takes every role away). Each operation for the organization then answers as LinkedIn
   * does for those roles: posting and uploading need ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER
   * or CONTENT_ADMINISTRATOR; commenting and reacting ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER
   * or RECRUITING_POSTER; reading its comments and reactions ADMINISTRATOR or
   * DIRECT_SPONSORED_CONTENT_POSTER; its statistics ADMINISTRATOR. A member without such a role is
   * refused with 403.
   */
  setOrganizationRoles(orgUrn: string, member: string, roles: readonly OrganizationRole[]): void;
  /**
   * Sets the lifetime follower statistics `GET /rest/organizationalEntityFollowerStatistics`
   * reports for the organization `orgUrn`: the facets given (`followerCountsBySeniority:
   * {'urn:li:seniority:4': 310}`, …) and plausible ones made from its follower count for the rest
   * (as every organization gets until seeded). LinkedIn still answers each facet's top 100
   * buckets only. Returns what is reported now.
   */
  seedFollowerStatistics(orgUrn: string, statistics?: SeedFollowerStatistics): FollowerStatistics;
  /**
   * Fans comment `count` times on `postUrn` (`Comment 1 from fan_1`, …), a minute apart, oldest
   * first; on a comment's URN, they reply under that comment.
   */
  seedComments(postUrn: string, count: number): SimulatedEngagement[];
  /** Fans react `count` times to `postUrn` (`LIKE`, then `PRAISE`, `EMPATHY`, … in turn), a minute apart. */
  seedReactions(postUrn: string, count: number): SimulatedEngagement[];
  /**
   * The URN LinkedIn names `account` by: a member's own (`addMember`), else `urn:li:person:{id}`,
   * the `author` of what the fans and public accounts of testkit's seeds (`sim.seedMentions`,
   * `sim.seedPublicAccount`, …) write.
   */
  urnOf(account: SimulatedAccount): string;
  /** Stores a plain post by `author` with `text` (in the little format), as if it had been published; returns its URN. */
  addPost(author: string, text: string): string;
  /** The next finalized video fails processing with `reason` (`PROCESSING_FAILED`). */
  failNextVideo(reason: string): void;
  /** The post as `GET /rest/posts/{urn}` returns it, or `undefined`. */
  postOf(urn: string): LinkedInPostJson | undefined;
  /** The comment as the Comments API returns it, or `undefined`. */
  commentOf(urn: string): LinkedInCommentJson | undefined;
  /**
   * The reactions on a post or comment (Reactions API), oldest first: who reacted (member or
   * organization URN), with which type (`LIKE`…), and when (simulated ms).
   */
  reactionsOn(urn: string): readonly {
    /** The member or organization that reacted. */
    readonly actor: string;
    /** `LIKE`, `PRAISE`, `EMPATHY`, `INTEREST`, `APPRECIATION` or `ENTERTAINMENT`. */
    readonly reactionType: string;
    /** When, simulated time. */
    readonly createdAt: number;
  }[];
  /**
   * The webhook delivery LinkedIn would send an organization for a comment, reply or reaction
   * (`urn:li:reaction:(…)`) on one of its posts, as organization social action notifications are
   * documented: a `COMMENT` notification with the comment decorated (its URN, `owner` and text),
   * or a `LIKE` notification naming only the post. A redelivery repeats the `notificationId`.
   * Sign its JSON with `linkedInSignature` to post it to a webhook handler.
   */
  webhookDelivery(urn: string): LinkedInNotificationsDelivery;
}

/**
 * A simulated LinkedIn on MSW, answering like the Community Management pages on
 * learn.microsoft.com/linkedin describe: the Posts API (create with `x-restli-id`, get, find by
 * author, delete), images, documents and multi-part videos with processing over simulated time,
 * comments and reactions (create, list, delete), statistics (share statistics, member post
 * analytics, follower counts, organizations' lifetime follower statistics by demographic facet:
 * `seedFollowerStatistics`), behind `LinkedIn-Version` and Rest.li 2.0 checks
 * (426 for an inactive version), the little text format (unescaped text is cut), daily post limits
 * that reset at midnight UTC (429 with no headers) and LinkedIn's error bodies. Two hosts: `sim` (api.linkedin.com) and
 * `www` (www.linkedin.com: upload URLs).
 *
 * Accounts are members (`urn:li:person:…`); organizations (`urn:li:organization:…`) are added with
 * admins who may post for them, and other members given roles with `setOrganizationRoles`. What testkit's seeds (`sim.seedMentions`, `sim.seedReplies`,
 * `sim.seedPublicAccount`, `sim.seedFanPosts`) have fans and public accounts write is stored as the
 * create routes store it: posts under `urn:li:share:…` by `urn:li:person:…` (`urnOf`), replies as
 * comments.
 *
 * @example
 * ```ts
 * const linkedin = createLinkedInSimulator({ clock: manualClock(Date.parse('2026-11-22T12:00:00Z')) });
 * const ana = linkedin.addMember('ana');
 * const running = startSimulators(...linkedin.simulators);
 * // … publish with createLinkedInAdapter() as ana.account.id (urn:li:person:…)
 * running.close();
 * ```
 */
export function createLinkedInSimulator(options: LinkedInSimulatorOptions = {}): LinkedInSimulator {
  // testkit's tables order URN ids by the number they end with, so they key LinkedIn's entities as they are.
  const sim = new PlatformSimulator({
    platform: 'linkedin',
    baseUrl: options.apiUrl ?? 'https://api.linkedin.com',
    dialect: linkedInDialect,
    budgets: options.budgets,
    clock: options.clock,
  });
  const www = new PlatformSimulator({
    platform: 'linkedin',
    baseUrl: options.wwwUrl ?? 'https://www.linkedin.com',
    dialect: linkedInDialect,
    clock: sim.clock,
  });
  const context: LinkedInSimContext = {
    sim,
    www,
    versions: options.versions ?? { oldest: '202511', newest: '202612' },
    mediaProcessingMs: options.mediaProcessingMs ?? 1_000,
    videoProcessingMs: options.videoProcessingMs ?? 30_000,
    videoPartBytes: options.videoPartBytes ?? 4 * 1024 * 1024,
    dailyPosts: sim.resettable(
      new RateLimiter(sim.clock, {
        posts_member: { limit: options.dailyPosts?.perMember ?? 150, windowMs: DAY_MS, kind: 'aligned' },
        posts_app: { limit: options.dailyPosts?.perApp ?? 100_000, windowMs: DAY_MS, kind: 'aligned' },
      }),
    ),
    uploads: sim.resettable(new Map()),
    organizations: new Map<string, SimulatedOrganization>(),
    videoFailures: sim.resettable([]),
    reactions: sim.resettable(new Map()),
    apps: new Map(),
    // "The authorization code is only valid for 30 minutes" (authorization code flow).
    codes: sim.resettable(
      new AuthorizationCodes({ clock: sim.clock, ttlMs: 30 * 60_000, newCode: () => `code_${sim.nextId()}` }),
    ),
    // Tokens outlive a reset, and so does what the simulator knows of them.
    followerStatistics: sim.resettable(new Map()),
    deletedPosts: sim.resettable(new Map()),
  };
  registerPostRoutes(context);
  registerAssetRoutes(context);
  registerCommentRoutes(context);
  registerUploadRoutes(context);
  registerStatisticsRoutes(context);
  registerFollowerStatisticsRoutes(context);
  registerReactionRoutes(context);
  registerOAuthRoutes(context);

  // What the seeds (seedMentions, seedReplies, seedPublicAccount, seedFanPosts, seedComments) have
  // fans and public accounts write is stored as LinkedIn holds it: a post by `urn:li:person:…`
  // under `urn:li:share:…`, or a comment on a post (a reply under a comment), as the create
  // routes store them (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
  sim.storePostsWith((author, post, createdAt) => storeSeededPost(context, author, post, createdAt));
  const notificationIds = sim.resettable(new Map<string, number>());

  return {
    sim,
    www,
    simulators: [sim, www],
    apiUrl: sim.baseUrl,
    addMember(handle, tokens = {}) {
      const lifetimes = {
        expiresInMs: ACCESS_TOKEN_SECONDS * 1000,
        refreshTtlMs: REFRESH_TOKEN_SECONDS * 1000,
      };
      return sim.addAccountWithTokens(
        { id: `urn:li:person:${sim.nextId()}`, handle },
        { scopes: [...MEMBER_SCOPES], ...lifetimes, ...tokens },
      );
    },
    addApp(clientId, clientSecret) {
      context.apps.set(clientId, clientSecret);
    },
    authorize(grant) {
      return context.codes.issue({
        accountId: grant.memberId,
        clientId: grant.clientId,
        redirectUri: grant.redirectUri,
        scopes: grant.scopes ?? [...MEMBER_SCOPES],
        refreshable: grant.refreshable ?? false,
      });
    },
    addOrganization(name, admins, followers = 0) {
      const urn = `urn:li:organization:${sim.nextId()}`;
      const roles = new Map(admins.map((admin) => [admin, new Set<OrganizationRole>(['ADMINISTRATOR'])]));
      context.organizations.set(urn, { urn, name, roles, followers });
      return urn;
    },
    setOrganizationRoles(orgUrn, member, roles) {
      const org = context.organizations.get(orgUrn);
      if (org === undefined) throw new Error(`setOrganizationRoles: no organization ${orgUrn}`);
      if (roles.length === 0) org.roles.delete(member);
      else org.roles.set(member, new Set(roles));
    },
    seedFollowerStatistics(orgUrn, statistics = {}) {
      const org = context.organizations.get(orgUrn);
      if (org === undefined) throw new Error(`seedFollowerStatistics: no organization ${orgUrn}`);
      const made = defaultFollowerStatistics(orgUrn, org.followers);
      const seeded = Object.fromEntries(
        (Object.keys(FOLLOWER_FACETS) as FollowerFacet[]).map((facet) => [
          facet,
          { ...(statistics[facet] ?? made[facet]) },
        ]),
      ) as FollowerStatistics;
      context.followerStatistics.set(orgUrn, seeded);
      return seeded;
    },
    seedComments: (postUrn, count) => sim.seedReplies(postUrn, count, { kind: 'comment' }),
    seedReactions(postUrn, count) {
      const post = sim.posts.get(postUrn);
      if (post === undefined) throw new Error(`seedReactions: no post ${postUrn}`);
      return seedInbound(sim, {
        count,
        // One reaction per member and post, as on LinkedIn: each fan reacts once.
        authorPool: Math.max(count, 1),
        author: (handle) => sim.accountByHandle(handle) ?? sim.addAccount({ handle }),
        item: (_, index) => ({
          kind: 'reaction',
          text: REACTION_TYPES[index % REACTION_TYPES.length] ?? 'LIKE',
          addressee: post.accountId,
          inReplyTo: post,
        }),
        store: (author, item, createdAt) =>
          storeReaction(context, postUrn, { actor: memberUrnOf(author), reactionType: item.text, createdAt }),
      });
    },
    urnOf: memberUrnOf,
    addPost: (author, text) => storePost(context, { author, commentary: text }).id,
    failNextVideo(reason) {
      context.videoFailures.push(reason);
    },
    postOf(urn) {
      const post = sim.posts.get(urn);
      return post && renderPost(post);
    },
    commentOf(urn) {
      const comment = sim.posts.get(urn);
      return comment && renderComment(comment);
    },
    webhookDelivery: (urn) => notificationDelivery(context, notificationIds, urn),
    reactionsOn: (urn) =>
      (context.reactions.get(urn) ?? []).map(({ actor, reactionType, createdAt }) => ({
        actor,
        reactionType,
        createdAt,
      })),
  };
}
