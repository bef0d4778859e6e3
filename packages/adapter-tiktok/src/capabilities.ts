import type { Capabilities } from '@smmkit/core';
import type { RateBudget } from '@smmkit/core/adapter-kit';
import { TIKTOK_PRIVACY_LEVELS } from './post-options.js';
import { TIKTOK_SCOPES } from './scopes.js';

// Every rule cites a developers.tiktok.com page. TikTok's limits are per user access token.

const MINUTE_SECONDS = 60;
const DAY_SECONDS = 86_400;

/**
 * The buckets the adapter's operations count against, named after the endpoints TikTok gives a
 * budget (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit).
 */
export const TIKTOK_BUCKETS = Object.freeze({
  /** `POST /v2/post/publish/creator_info/query/`: 20 per minute. */
  creatorInfo: 'POST /v2/post/publish/creator_info/query/',
  /**
   * The inits that start a post: `video/init/` (direct video), `inbox/video/init/` (drafts) and
   * `content/init/` (photos), 6 per minute each; a post makes one.
   */
  init: 'POST /v2/post/publish/init',
  /** `POST /v2/post/publish/status/fetch/`: 30 per minute. */
  status: 'POST /v2/post/publish/status/fetch/',
  /** Posts one creator publishes per day, across every client (about 15). */
  dailyPosts: 'daily posts',
  /** The Display API (`/v2/video/query/`, `/v2/video/list/`, `/v2/user/info/`): 600 per minute each. */
  display: 'display api',
});

/**
 * The budgets the adapter declares. TikTok sends no rate-limit headers, so these are what the
 * publisher paces by: per user token and per minute on a sliding window, creator info 20,
 * each init 6, status reads 30, each Display API endpoint 600
 * (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit); and about 15 posts per
 * creator per day (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post),
 * the adapter's `dailyPostsPerCreator`.
 *
 * @param limits - posts per creator per day
 * @returns the budgets
 *
 * @example
 * ```ts
 * tiktokRateBudgets({ dailyPostsPerCreator: 15 });
 * ```
 */
export function tiktokRateBudgets(limits: { readonly dailyPostsPerCreator: number }): RateBudget[] {
  const perMinute = (bucket: string, limit: number): RateBudget => ({
    bucket,
    limit,
    windowSec: MINUTE_SECONDS,
    scope: 'user',
    resets: 'rolling',
  });
  return [
    perMinute(TIKTOK_BUCKETS.creatorInfo, 20),
    perMinute(TIKTOK_BUCKETS.init, 6),
    perMinute(TIKTOK_BUCKETS.status, 30),
    perMinute(TIKTOK_BUCKETS.display, 600),
    {
      bucket: TIKTOK_BUCKETS.dailyPosts,
      limit: limits.dailyPostsPerCreator,
      windowSec: DAY_SECONDS,
      scope: 'user',
      resets: 'rolling',
    },
  ];
}

/** What the capabilities depend on. */
export interface TikTokCapabilitySettings {
  /** Whether a webhook client secret is set. */
  readonly webhooks: boolean;
  /** Posts per creator per day. */
  readonly dailyPostsPerCreator: number;
}

const MEGABYTE = 1024 * 1024;

/**
 * The capabilities of a TikTok adapter: a function of the settings because webhook support
 * depends on a client secret and the daily post budget is a setting.
 *
 * TikTok is video-first: a post is one video, or 1 to 35 photos. It has no threads, polls, first
 * comments, native scheduling or delete, and no comment API (comments are in the Research API and
 * the separate API for Business only), so engagement is declared unsupported.
 *
 * @param settings - webhooks and the daily post budget
 * @returns the capabilities, as data
 *
 * @example
 * ```ts
 * tiktokCapabilities({ webhooks: false, dailyPostsPerCreator: 15 });
 * ```
 */
export function tiktokCapabilities(settings: TikTokCapabilitySettings): Capabilities {
  return {
    // A photo post's text is its description: at most 4 000 UTF-16 units
    // (https://developers.tiktok.com/doc/content-posting-api-reference-photo-post). A video's
    // text is its caption (`title`), at most 2 200 (direct post reference; checked by validate).
    text: { maxLength: 4000, counting: 'utf16_units', required: false },
    // A photo post's title: at most 90 UTF-16 units
    // (https://developers.tiktok.com/doc/content-posting-api-reference-photo-post).
    title: { maxLength: 90, counting: 'utf16_units', required: false },
    media: {
      kinds: {
        // MP4, WebM or MOV; H.264, H.265, VP8 or VP9; 23–60 fps; 360–4096 px a side; up to 4 GB
        // and 10 minutes (a creator's own maximum, from creator info, is checked before upload)
        // (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
        video: {
          mimeTypes: ['video/mp4', 'video/webm', 'video/quicktime'],
          maxBytes: 4 * 1024 * MEGABYTE,
          maxDurationSec: 600,
          minFps: 23,
          maxFps: 60,
          minWidth: 360,
          maxWidth: 4096,
          minHeight: 360,
          maxHeight: 4096,
        },
        // JPEG or WebP, at most 1080p and 20 MB each (media transfer guide, image restrictions).
        image: { mimeTypes: ['image/jpeg', 'image/webp'], maxBytes: 20 * MEGABYTE },
      },
      // One video, or 1–35 photos (photo post reference: `photo_images`, up to 35).
      sets: [
        { kinds: ['video'], min: 1, max: 1 },
        { kinds: ['image'], min: 1, max: 35 },
      ],
      // Videos are uploaded in chunks (FILE_UPLOAD) or pulled from a verified URL
      // (PULL_FROM_URL); photos are pulled from URLs only (checked by validate).
      sources: ['url', 'bytes', 'file', 'stream'],
      required: true,
    },
    formats: ['feed'],
    threads: false,
    polls: false,
    firstComment: false,
    // A URL in a caption is shown as text, not as a link.
    links: 'not_clickable',
    // Posts go live when TikTok has processed them; smmkit's scheduler publishes on time.
    nativeScheduling: false,
    // `privacy_level` must be one of the creator's `privacy_level_options`
    // (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info).
    privacy: { source: 'account', options: [...TIKTOK_PRIVACY_LEVELS] },
    // The Content Posting API has no delete.
    delete: false,
    metrics: {
      // Display API video fields (https://developers.tiktok.com/doc/tiktok-api-v2-video-object).
      post: ['video_views', 'likes', 'comments', 'shares'],
      // Display API user fields (https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info).
      account: ['followers', 'following', 'likes', 'posts_count'],
      // `POST /v2/video/query/` takes up to 20 ids.
      maxPostsPerRequest: 20,
    },
    // No comment, reply or moderation endpoints in the Content Posting and Display APIs.
    engagement: { read: [], reply: false, hide: false, delete: false, like: false, search: false },
    // The Display API reads only the authorizing creator's own profile and videos; other accounts'
    // public data comes only through the Research API, for academic researchers at non-profit
    // universities in the U.S. and Europe, non-commercial use only
    // (https://developers.tiktok.com/products/research-api/). The Display API's user info has counts only
    // (follower_count, following_count, likes_count, video_count:
    // https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info): no follower demographics.
    research: {
      publicAccounts: false,
      audience: [],
      unavailable: {
        publicAccounts:
          "TikTok's Display API reads only the signed-in creator's own account; other accounts' public data is available only through TikTok's Research API, which is open to approved academic researchers for non-commercial use.",
        audience:
          "TikTok's Display API reports only the account's follower, following, like and video counts, no follower demographics.",
      },
    },
    // Signed deliveries (https://developers.tiktok.com/doc/webhooks-verification); they carry
    // publish and authorization events, no engagement.
    webhooks: settings.webhooks,
    // No idempotency key; the creator's videos can be listed (Display API `/v2/video/list/`), but
    // only once processing and moderation are done, so the list is not read-after-write.
    reconciliation: {
      idempotencyKey: false,
      findRecentPosts: true,
      duplicateSignal: false,
      readAfterWrite: false,
    },
    // OAuth 2.0 authorization code; refresh tokens rotate. Token lifetimes differ between
    // TikTok's pages, so none is declared: the adapter trusts each answer's `expires_in`
    // (https://developers.tiktok.com/doc/oauth-user-access-token-management).
    // Scopes by endpoint (https://developers.tiktok.com/doc/tiktok-api-scopes): direct posts and
    // creator info `video.publish` (a draft sent with `mode: 'inbox'` needs `video.upload`
    // instead), post metrics and the account's video list (`findRecentPosts`) `video.list`,
    // account counts `user.info.basic` and `user.info.stats`.
    // Refreshing needs no scope of its own.
    auth: {
      flavour: 'oauth2',
      refreshable: true,
      refreshTokenRotates: true,
      scopes: {
        publish: [TIKTOK_SCOPES.videoPublish],
        metrics: [TIKTOK_SCOPES.userInfoBasic, TIKTOK_SCOPES.userInfoStats, TIKTOK_SCOPES.videoList],
        findRecentPosts: [TIKTOK_SCOPES.videoList],
      },
    },
    rateLimits: {
      headers: false,
      budgets: tiktokRateBudgets(settings),
      operations: {
        // A post queries creator info, makes one init and reads its status until done, whatever
        // its media: uploads and photo pulls count against no budget of their own.
        publish: [
          TIKTOK_BUCKETS.init,
          TIKTOK_BUCKETS.creatorInfo,
          TIKTOK_BUCKETS.status,
          TIKTOK_BUCKETS.dailyPosts,
        ],
        metrics: [TIKTOK_BUCKETS.display],
        findRecentPosts: [TIKTOK_BUCKETS.display],
      },
    },
  };
}
