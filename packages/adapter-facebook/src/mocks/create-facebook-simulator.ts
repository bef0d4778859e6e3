import {
  createGraphSimulator,
  GRAPH_USE_CASES,
  type GraphSimulatorOptions,
  graphDialect,
} from '@smmkit/graph-api/mocks';
import { type AccountWithTokens, PlatformSimulator, realClock } from '@smmkit/testkit';
import { createFacebookUsers, type SimulatedUserOptions } from './auth-users.js';
import { CommentStore } from './comments-store.js';
import type { FacebookContext } from './context.js';
import { registerAccountRoutes } from './routes/accounts.js';
import { registerCommentRoutes } from './routes/comments.js';
import { registerFeedRoutes } from './routes/feed.js';
import { registerInsightRoutes } from './routes/insights.js';
import { registerLikeRoutes } from './routes/likes.js';
import { registerPhotoRoutes } from './routes/photos.js';
import { registerPostRoutes } from './routes/posts.js';
import { registerReelListRoutes } from './routes/reel-list.js';
import { REELS_BUCKET, REELS_BUDGET, registerReelRoutes } from './routes/reels.js';
import { registerTaggedRoutes } from './routes/tagged.js';
import { registerVideoInsightRoutes } from './routes/video-insights.js';
import { registerVideoNodeRoutes, registerVideoRoutes } from './routes/videos.js';
import { type SeedCommentsOptions, seedComments, seedMentions } from './seed-engagement.js';
import { type FacebookVideoContext, videoHostUrl } from './video-posts.js';
import { deliveryFor, signedDeliveryFor } from './webhooks.js';

/** Options of {@link createFacebookSimulator}. */
export interface FacebookSimulatorOptions extends Pick<GraphSimulatorOptions, 'clock' | 'budgets'> {
  /** The Graph origin to answer on. Default `https://graph.facebook.com`. */
  readonly baseUrl?: string | undefined;
  /**
   * The video host's origin. Default: `baseUrl` with `graph.` made `graph-video.`
   * (`https://graph-video.facebook.com`), or `baseUrl` itself when its host does not start with
   * `graph.` — where the adapter sends video uploads.
   */
  readonly videoBaseUrl?: string | undefined;
  /** The reel upload host's origin. Default `https://rupload.facebook.com`. */
  readonly ruploadUrl?: string | undefined;
  /** How long finished videos and reels stay in processing, simulated ms. Default 30 000. */
  readonly videoProcessingMs?: number | undefined;
  /** How many bytes each resumable video transfer asks for. Default 4 MiB. */
  readonly videoChunkBytes?: number | undefined;
  /**
   * Whether a live reel has a Page post, which its Video node names as `post_id`. Default true.
   * Meta's docs do not say whether a reel gets one (ASSUMED either way); set false to play reels
   * without one: no `post_id`, their metrics only on the video id (`comments`, `likes` and the
   * `video_insights` edge). Either way the Page's `/posts` never lists a reel, and
   * `GET /{page-id}/video_reels` does (https://developers.facebook.com/docs/graph-api/reference/pagepost/,
   * Limitations).
   */
  readonly reelPagePosts?: boolean | undefined;
  /**
   * How a Video node writes its Page post's id (`post_id`): `'page-scoped'` (default),
   * `{page-id}_{post-id}` as a Post id is written (https://developers.facebook.com/docs/graph-api/reference/post/),
   * or `'bare'`, the post id alone (`{post-id}`). The Video reference
   * (https://developers.facebook.com/docs/graph-api/reference/video/) does not say which Graph
   * answers (ASSUMED either way), so both can be played.
   */
  readonly videoPostIdForm?: 'page-scoped' | 'bare' | undefined;
}

/**
 * An MSW simulator of the Facebook Pages Graph API, built on `@smmkit/graph-api/mocks` (Graph
 * error bodies, any version, parameters in the query, form or JSON body, the token in the query
 * or a Bearer header, app and Pages budgets with usage headers, faults): Page feed posts with
 * links and attached photos, photos (by URL or multipart, published, unpublished or scheduled),
 * scheduled posts that reach the feed at their time, videos on a video host of their own
 * (`file_url` and the resumable start/transfer/finish upload) and reels (`video_reels` with
 * uploads on a rupload host, 30 a day; listed by `video_reels`, never by `/posts`), each processed for `videoProcessingMs` with the video's
 * `status`, fields, `comments` and `likes` and its `video_insights` (Reels metrics for reels), the Page's recent posts and delete, comments and mentions with their moderation and
 * the Page's likes (kept as `liked` in `sim.engagements`). Start all of `simulators`. Pages are the simulator's accounts and each gets a Page token. Users (people) are added apart,
 * with a user token, roles on Pages and granted permissions: `/me/accounts` gives them the Page
 * tokens, and `consent` plays the Facebook Login dialog.
 *
 * @param options - origins, clock, budgets and video processing
 * @returns the simulator with helpers to add Pages
 *
 * @example
 * ```ts
 * const facebook = createFacebookSimulator();
 * const page = facebook.addPage('smmkit_page');
 * ```
 */
export function createFacebookSimulator(options: FacebookSimulatorOptions = {}) {
  const graph = createGraphSimulator({
    platform: 'facebook',
    baseUrl: options.baseUrl ?? 'https://graph.facebook.com',
    useCase: GRAPH_USE_CASES.pages,
    budgets: { [REELS_BUCKET]: REELS_BUDGET, ...options.budgets },
    clock: options.clock ?? realClock,
    // A person's user token is held to the Platform rate limit (the app budget, code 4); a Page
    // token to the Pages Business Use Case (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
    platformRateLimited: (accountId) => users.get(accountId) !== undefined,
  });
  const { sim, route } = graph;
  const users = createFacebookUsers(sim);
  const context: FacebookContext = { sim, route, users };
  const hostOf = (platform: string, baseUrl: string) =>
    new PlatformSimulator({ platform, baseUrl, dialect: graphDialect(sim.clock), clock: sim.clock });
  const videoHost = hostOf('facebook-video', options.videoBaseUrl ?? videoHostUrl(sim.baseUrl));
  const rupload = hostOf('facebook-rupload', options.ruploadUrl ?? 'https://rupload.facebook.com');
  const videos: FacebookVideoContext = {
    ...context,
    processingMs: options.videoProcessingMs ?? 30_000,
    failures: sim.resettable<string[]>([]),
    reelPagePosts: options.reelPagePosts ?? true,
    videoPostIdForm: options.videoPostIdForm ?? 'page-scoped',
  };
  const comments = new CommentStore(sim);
  // Users (people) and their `/me/accounts` first: `/:version/:userId/accounts` is a literal edge.
  registerAccountRoutes(context);
  // Literal edges first: `DELETE /:version/:postId` would not shadow them, but keep the order obvious.
  registerFeedRoutes(context);
  registerPhotoRoutes(context);
  registerInsightRoutes(context);
  registerVideoInsightRoutes(videos, comments);
  registerTaggedRoutes(context);
  registerLikeRoutes(context);
  registerVideoRoutes(videos, videoHost, options.videoChunkBytes ?? 4 * 1024 * 1024);
  registerReelRoutes(videos, rupload);
  registerReelListRoutes(videos);
  // Before the post routes: the video node route answers a video's id, and leaves other ids to them.
  registerVideoNodeRoutes(videos, comments);
  // Before the post routes: the comment node routes answer for comment ids and leave the rest to them.
  registerCommentRoutes(context, comments);
  registerPostRoutes(context);
  return {
    /** The simulator state: Pages, posts, photos, tokens, request log and faults. */
    sim,
    /** The Graph origin it answers on; pass it as the adapter's `baseUrl`. */
    baseUrl: sim.baseUrl,
    /** The video host (`graph-video.facebook.com`): resumable uploads and `file_url` videos. */
    videoHost,
    /** The reel upload host (`rupload.facebook.com`). */
    rupload,
    /** Every simulator to start: `startSimulators(...facebook.simulators)`. */
    simulators: [sim, videoHost, rupload] as const,
    /**
     * The next finished video or reel fails processing with `message` (`video_status: error`),
     * and never goes live.
     */
    failNextVideo: (message = 'The video file could not be processed.'): void => {
      videos.failures.push(message);
    },
    /**
     * Adds a Page with a Page access token (Page tokens from a long-lived user token do not
     * expire; https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
     */
    addPage: (name: string, page: { readonly followers?: number | undefined } = {}): AccountWithTokens =>
      sim.addAccountWithTokens({ handle: name, ...page }),
    /**
     * Fans comment `count` times on a Page post, or reply to one of its comments with
     * `replyTo`, a minute apart (newest at simulated now); each lands in the Page's inbox and is
     * listed by `GET /{post-id}/comments`.
     */
    seedComments: (postId: string, count: number, options?: SeedCommentsOptions) =>
      seedComments(sim, comments, postId, count, options),
    /** Fans post `count` times tagging the Page, a minute apart: `GET /{page-id}/tagged` lists them. */
    seedMentions: (pageId: string, count: number) => seedMentions(sim, pageId, count),
    /**
     * The webhook delivery Meta would send for a comment, reply or mention of the simulator
     * (`feed` comment or `mention` change, `object: 'page'`).
     */
    webhookDelivery: (engagementId: string) => deliveryFor(sim, comments, engagementId),
    /** That delivery (`webhookDelivery`) as Meta posts it, signed with `appSecret` (`X-Hub-Signature-256`). */
    signedWebhook: (engagementId: string, appSecret: string) =>
      signedDeliveryFor(sim, comments, engagementId, appSecret),
    /**
     * Adds a Facebook user (a person) with a long-lived user token, roles (tasks) on Pages and the
     * permissions granted to the app: `GET /me/accounts` with that token lists the Pages with a
     * Page token and the tasks, `GET /me/permissions` the permissions.
     */
    addUser: (name: string, options?: SimulatedUserOptions) => users.add(name, options),
    /**
     * The user approves a Facebook Login dialog URL: returns its redirect URI with `code` and
     * `state` (exchange the code on this simulator); the dialog's scopes become the permissions
     * the user granted.
     */
    consent: (authorizationUrl: string, userId: string): string => {
      // "A comma or space separated list of Permissions", as the grant of the code reads it
      // (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow).
      const scopes = new URL(authorizationUrl).searchParams.get('scope') ?? '';
      users.recordConsent(
        userId,
        scopes.split(/[ ,]+/).filter((scope) => scope !== ''),
      );
      return graph.consent(authorizationUrl, userId);
    },
  };
}

/** The simulator {@link createFacebookSimulator} returns. */
export type FacebookSimulator = ReturnType<typeof createFacebookSimulator>;
