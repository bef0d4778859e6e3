import {
  createGraphSimulator,
  GRAPH_USE_CASES,
  graphDialect,
  LONG_LIVED_TOKEN_TTL_S,
} from '@smmkit/graph-api/mocks';
import {
  type AccountWithTokens,
  PlatformSimulator,
  realClock,
  type SimulatedAccount,
  type SimulatedPost,
} from '@smmkit/testkit';
import type { SeedOptions } from '@smmkit/testkit/simulator-kit';
import { type InstagramSimulatorOptions, instagramContext } from './context.js';
import {
  DEMOGRAPHIC_BREAKDOWNS,
  type DemographicBreakdown,
  defaultDemographics,
  type FollowerDemographics,
} from './demographics.js';
import { storeMedia } from './entities.js';
import { DAY_MS, SHORT_LIVED_TOKEN_TTL_MS } from './limits.js';
import { setQuota } from './quota.js';
import { registerCommentRoutes } from './routes/comments.js';
import { registerContainerRoutes } from './routes/containers.js';
import { hashtagsIn, registerHashtagRoutes, searchedHashtags } from './routes/hashtags.js';
import { registerMediaRoutes } from './routes/media.js';
import { registerNodeRoutes } from './routes/nodes.js';
import { registerOAuthRoutes } from './routes/oauth.js';
import { registerRuploadRoutes } from './routes/rupload.js';
import { registerUserInsightsRoutes } from './routes/user-insights.js';
import { deliveryFor, signedDeliveryFor } from './webhook-deliveries.js';

/** Options of the Instagram simulator's `seedMedia`. */
export interface SeedMediaOptions {
  /** When it was published, simulated ms (default now). */
  readonly createdAt?: number | undefined;
  /** `IMAGE` (default) or `VIDEO`; the product type follows (FEED or REELS) unless `story` is set. */
  readonly mediaType?: 'IMAGE' | 'VIDEO' | undefined;
  /** A story (`media_product_type` STORY) rather than a feed post or reel. */
  readonly story?: boolean | undefined;
  /**
   * How many accounts see it at most (default no limit): its `reach` and `views` insights stop
   * growing there, and a story seen by fewer than 5 answers insights with code 10, "Not enough
   * viewers for the media to show insights".
   */
  readonly viewers?: number | undefined;
}

/** An IG professional account added with the Instagram simulator's `addAccount` (its id is the ig-user-id) and its 60-day token. */
export type InstagramSimulatorAccount = AccountWithTokens;

/** Options of the Instagram simulator's `addBusinessAccount`. */
export interface BusinessAccountOptions {
  /** Its profile name (default the username). */
  readonly name?: string | undefined;
  /** Followers (default 1 000). */
  readonly followers?: number | undefined;
  /** Accounts it follows (default 0). */
  readonly follows?: number | undefined;
  /** Public photos it has published (default 0), the newest at simulated now. */
  readonly posts?: number | undefined;
  /** Simulated ms between its posts (default one day). */
  readonly postEveryMs?: number | undefined;
  /** Fans' comments on each post (default 0), for its `comments_count`. */
  readonly commentsPerPost?: number | undefined;
  /** The caption of its post `index` (0 the oldest; default `{name}: post {index + 1}`). */
  readonly caption?: ((index: number) => string) | undefined;
}

/** Follower demographics to seed, per breakdown, in Meta's keys (`18-24`, `F`, `US`, `London, England`); a breakdown left out is made up. */
export type SeedFollowerDemographics = Partial<
  Record<DemographicBreakdown, Readonly<Record<string, number>>>
>;

/**
 * A simulated Instagram Graph API on MSW, answering as developers.facebook.com documents it
 * (https://developers.facebook.com/docs/instagram-platform): media containers (images, carousels,
 * reels, stories, resumable uploads) with IN_PROGRESS → FINISHED/ERROR/EXPIRED/PUBLISHED,
 * media_publish with its errors and the 24 h quota, media and user fields, insights, comments and
 * replies with cursor paging, hide/delete, mentions, hashtag search (ig_hashtag_search,
 * recent_media, recently_searched_hashtags, with the 30 hashtags per 7 days), business discovery
 * of other professional accounts (`addBusinessAccount`), follower demographics
 * (`seedFollowerDemographics`), and Facebook/Instagram Login tokens — with
 * Graph error bodies and usage headers. Paths take any `/vNN.N/` version; tokens may come as a
 * Bearer header or an `access_token` parameter.
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
export function createInstagramSimulator(options: InstagramSimulatorOptions = {}) {
  const clock = options.clock ?? realClock;
  const graph = createGraphSimulator({
    platform: 'instagram',
    baseUrl: options.baseUrl ?? 'https://graph.facebook.com',
    useCase: GRAPH_USE_CASES.instagram,
    budgets: options.budgets,
    clock,
  });
  const { sim, route } = graph;
  const rupload = new PlatformSimulator({
    platform: 'instagram-rupload',
    baseUrl: options.ruploadUrl ?? 'https://rupload.facebook.com',
    dialect: graphDialect(clock),
    clock,
  });
  const context = instagramContext(sim, route, rupload.baseUrl, options);

  // Order matters: MSW answers with the first matching handler, and `/:version/:id` also matches
  // `/{v}/access_token` and `/{v}/refresh_access_token`, so OAuth and literal edges come before the
  // node routes (the Graph base registered Facebook Login's routes first).
  registerOAuthRoutes(context, graph);
  registerContainerRoutes(context);
  registerMediaRoutes(context);
  registerUserInsightsRoutes(context);
  registerCommentRoutes(context);
  registerHashtagRoutes(context);
  registerNodeRoutes(context);
  registerRuploadRoutes(context, rupload);

  // Comments by others live only in `sim.engagements` (the account's own are also `sim.posts`).
  const comment: Pick<SeedOptions, 'store'> = { store: () => ({ id: sim.nextId() }) };
  const seedMedia = (accountId: string, caption: string, media: SeedMediaOptions = {}): SimulatedPost => {
    if (sim.accounts.get(accountId) === undefined) throw new Error(`seedMedia: no account ${accountId}`);
    const video = media.mediaType === 'VIDEO';
    return storeMedia(context, {
      accountId,
      text: caption,
      mediaType: video ? 'VIDEO' : 'IMAGE',
      productType: media.story === true ? 'STORY' : video ? 'REELS' : 'FEED',
      createdAt: media.createdAt ?? sim.clock.now(),
      viewers: media.viewers,
    });
  };
  // The posts testkit's seeds write (fans' media, a business account's photos) are published photos.
  sim.storePostsWith((author, { text }, createdAt) => seedMedia(author.id, text, { createdAt }));
  return {
    /** The Graph simulator: faults, log, posts (published media and own comments), engagements, tokens, limiter. */
    sim,
    /** The rupload.facebook.com simulator (resumable uploads), sharing tokens and state with `sim`. */
    rupload,
    /** Both simulators, for `startSimulators(...ig.simulators)`. */
    simulators: [sim, rupload] as const,
    /** The Graph base URL, without a trailing slash. */
    baseUrl: sim.baseUrl,
    /** Adds an IG professional account with a 60-day token (see `LONG_LIVED_TOKEN_TTL_S`). */
    addAccount(
      username: string,
      account: { readonly followers?: number | undefined } = {},
    ): InstagramSimulatorAccount {
      const added = sim.addAccountWithTokens(
        { handle: username, ...account },
        { expiresInMs: LONG_LIVED_TOKEN_TTL_S * 1000 },
      );
      context.professional.add(added.account.id);
      return added;
    },
    /**
     * Adds another Instagram Business account, one the app's accounts do not own (a competitor,
     * an influencer), that business discovery finds by `username`, with `options.posts` public
     * photos a `postEveryMs` apart (the newest at simulated now) whose likes grow with their age
     * and with `commentsPerPost` fans' comments each. No token: the app reads it through its own
     * account. Accounts the simulator adds otherwise (fans) are personal and are not found. A
     * username added before (accounts outlive a reset) is updated, and the posts are added to it.
     */
    addBusinessAccount(username: string, options: BusinessAccountOptions = {}): SimulatedAccount {
      // Accounts outlive a reset: adding the username again updates that account.
      const existing = sim.accountByHandle(username);
      const name = options.name ?? existing?.displayName ?? username;
      if (existing !== undefined) sim.accounts.put({ ...existing, displayName: name });
      const { account, posts } = sim.seedPublicAccount(username, {
        displayName: name,
        followers: options.followers ?? 1000,
        following: options.follows ?? 0,
        posts: options.posts ?? 0,
        spacingMs: options.postEveryMs ?? DAY_MS,
        text: (index) => options.caption?.(index) ?? `${name}: post ${index + 1}`,
      });
      context.professional.add(account.id);
      const comments = options.commentsPerPost ?? 0;
      if (comments > 0)
        for (const post of posts) sim.seedReplies(post.id, comments, { kind: 'comment', ...comment });
      return account;
    },
    /**
     * Sets the follower demographics `GET /{ig-user-id}/insights?metric=follower_demographics`
     * reports for `accountId`: the breakdowns given, in Meta's keys, and plausible ones made from
     * its follower count for the rest (as every account gets until seeded). Meta still answers
     * only the top 45 buckets, and nothing for an account under 100 followers. Returns what is
     * reported now.
     */
    seedFollowerDemographics(
      accountId: string,
      demographics: SeedFollowerDemographics = {},
    ): FollowerDemographics {
      const account = sim.accounts.get(accountId);
      if (account === undefined) throw new Error(`seedFollowerDemographics: no account ${accountId}`);
      const made = defaultDemographics(account);
      const seeded = Object.fromEntries(
        DEMOGRAPHIC_BREAKDOWNS.map((breakdown) => [
          breakdown,
          { ...(demographics[breakdown] ?? made[breakdown]) },
        ]),
      ) as FollowerDemographics;
      context.demographics.set(accountId, seeded);
      return seeded;
    },
    /** A short-lived (1 h) Instagram Login token for an account, to exchange with `ig_exchange_token`. */
    issueShortLivedToken: (accountId: string): string =>
      sim.tokens.issue(accountId, { expiresInMs: SHORT_LIVED_TOKEN_TTL_MS }).accessToken,
    /**
     * A published IG Media of `accountId` with `caption`, stored as media_publish stores one: for
     * tests that read, comment or measure without going through the publish flow.
     */
    seedMedia,
    /** Fans comment `count` times on `mediaId` (`Comment 1 from fan_1`, …), a minute apart, the newest now. */
    seedComments: (mediaId: string, count: number) =>
      sim.seedReplies(mediaId, count, { kind: 'comment', ...comment }),
    /**
     * Fans publish `count` media that tag `accountId` (captioned `Look at this @ana (1)`, …): each a
     * `mention` engagement on the media it is, as `GET /{ig-user-id}/tags` lists the media an
     * account is tagged in (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/tags).
     * Media published through the simulator with `user_tags` naming an account land there too.
     */
    seedMentions: (accountId: string, count: number) =>
      sim
        .seedMentions(accountId, count, {
          text: (_author, index) => `Look at this @${sim.accounts.get(accountId)?.handle} (${index + 1})`,
        })
        .map((mention) => sim.engagements.put({ ...mention, postId: mention.id })),
    /**
     * Fans mention `accountId` in `count` comments on fan_1's media. They are ordinary comments on
     * that media (addressed to its owner, as Instagram keeps them); the mentioned account finds
     * them through webhooks and `GET /{ig-user-id}?fields=mentioned_comment.comment_id(…)`
     * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_comment).
     */
    seedCommentMentions(accountId: string, count: number) {
      const target = sim.accounts.get(accountId);
      if (target === undefined) throw new Error(`seedCommentMentions: no account ${accountId}`);
      const owner = sim.accountByHandle('fan_1') ?? sim.addAccount({ handle: 'fan_1', followers: 10 });
      const media = seedMedia(owner.id, 'Our new shop window', {
        createdAt: sim.clock.now() - count * 60_000,
      });
      const text = (author: { readonly handle: string }, index: number) =>
        `@${target.handle} you should see this (${index + 1} from ${author.handle})`;
      return sim.seedReplies(media.id, count, { kind: 'comment', text, ...comment });
    },
    /**
     * The webhook delivery Meta would send for a comment, reply or tagged-media mention of the
     * simulator (`comments` or `mentions` change, `object: 'instagram'`).
     */
    webhookDelivery: (engagementId: string) => deliveryFor(context, engagementId),
    /**
     * That delivery (`webhookDelivery`) as Meta posts it: the body with non-ASCII escaped as
     * `\uXXXX`, signed with `appSecret` (`X-Hub-Signature-256`).
     */
    signedWebhook: (engagementId: string, appSecret: string) =>
      signedDeliveryFor(context, engagementId, appSecret),
    /**
     * The user `accountId` approves a Facebook Login dialog or Instagram Login window URL: returns
     * the redirect URI with `code` and `state`, and the fragment Meta appends: `#_=_` for Facebook
     * Login, `#_` for Instagram Login
     * (https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize). Throws
     * when the URL has no `client_id` or `redirect_uri`.
     */
    consent(authorizationUrl: string, accountId: string): string {
      const redirect = new URL(graph.consent(authorizationUrl, accountId));
      const url = new URL(authorizationUrl);
      if (!url.hostname.endsWith('facebook.com') && !url.pathname.endsWith('/dialog/oauth'))
        redirect.hash = '_';
      return redirect.toString();
    },
    /**
     * Fans (`fan_1`, `fan_2`, `fan_3` in turn) publish `count` photos whose caption carries
     * `hashtag` (`Post 1 about #AcmeCoffee from fan_1`, …), a minute apart, the newest at
     * simulated now: public media the hashtag's `recent_media` finds for 24 hours. Returns them
     * oldest first.
     */
    seedHashtagMedia(hashtag: string, count: number): SimulatedPost[] {
      const tag = hashtag.startsWith('#') ? hashtag : `#${hashtag}`;
      if (hashtagsIn(tag).size !== 1) throw new Error(`seedHashtagMedia: ${hashtag} is not a hashtag`);
      return sim.seedFanPosts(count, {
        text: (author, index) => `Post ${index + 1} about ${tag} from ${author.handle}`,
      });
    },
    /**
     * Records that `accountId` queried `names` (hashtags, with or without `#`) at simulated now —
     * through another app, say — so they count against its 30 unique hashtags per 7 days
     * (https://developers.facebook.com/docs/instagram-api/guides/hashtag-search).
     */
    seedSearchedHashtags(accountId: string, names: readonly string[]): void {
      const searched = searchedHashtags(context, accountId, sim.clock.now());
      for (const name of names) {
        const key = name.replace(/^#/, '').toLowerCase();
        if (!searched.has(key)) searched.set(key, sim.clock.now());
      }
    },
    /** The hashtags `accountId` has queried within the last 7 days (lower case, without `#`), oldest query first. */
    searchedHashtags: (accountId: string): string[] => [
      ...searchedHashtags(context, accountId, sim.clock.now()).keys(),
    ],
    /** Makes content_publishing_limit read `used` of `total` now (later publishes add to `used`). */
    setQuota: (accountId: string, quota: { readonly used: number; readonly total?: number | undefined }) =>
      setQuota(context, accountId, quota),
    /**
     * Declares that the video at `videoUrl` lasts `seconds`, which the simulator (it fetches
     * nothing) cannot know otherwise: a reel container made from it whose `thumb_offset` is not
     * before its end ends in ERROR with 1/2207057, "Thumbnail offset must be greater than or
     * equal to 0 and less than video duration"
     * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes),
     * and publishing it answers that error. Throws when `seconds` is not a positive number.
     */
    setVideoDuration(videoUrl: string, seconds: number): void {
      if (!(Number.isFinite(seconds) && seconds > 0))
        throw new Error(`setVideoDuration: ${seconds} is not a positive number of seconds`);
      context.videoDurations.set(videoUrl, seconds);
    },
    /** The next created container ends in ERROR with `subcode` (default 2207026, video format). */
    failNextContainer(subcode = 2207026): void {
      context.containerFailures.push(subcode);
    },
  };
}

/** A simulated Instagram Graph API: the generic simulators plus Instagram-shaped helpers for tests. */
export type InstagramSimulator = ReturnType<typeof createInstagramSimulator>;
