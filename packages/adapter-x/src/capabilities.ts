import type { Capabilities } from '@smmkit/core';
import type { RateBudget } from '@smmkit/core/adapter-kit';
import { X_URL_LENGTH } from './count-text.js';

// Every rule and number cites shared/platforms/x.md (which cites docs.x.com and the official
// OpenAPI spec) or the spec itself (shared/platforms/x-openapi.json). Only the text limit is a
// setting, because X Premium accounts have a longer one.

const MEBIBYTE = 1024 * 1024;

/**
 * Longest alt text: x-openapi.json `CreateMediaMetadataMetadataAltText.text` has `maxLength: 1000`
 * (`POST /2/media/metadata`).
 */
const ALT_TEXT_MAX_LENGTH = 1000;

/**
 * The request budgets X documents (x.md, Rate limits; https://docs.x.com/x-api/fundamentals/rate-limits). Buckets are named as `parseXRateLimit`
 * names them (`METHOD /path` with ids as `:id`), so declared budgets and live headers meet.
 * X's windows are fixed: every response says when its window resets (`x-rate-limit-reset`).
 * Only user-context limits are listed: the adapter always calls X with a user's token, and X's
 * per-app figures for app-only tokens (mentions: 450 / 15 min) do not apply to it.
 */
export const X_RATE_BUDGETS: readonly RateBudget[] = Object.freeze([
  // "POST /2/tweets 100 per 15 min per user, 10,000 per 24 h per app".
  { bucket: 'POST /2/tweets', limit: 100, windowSec: 900, scope: 'user', resets: 'fixed' },
  { bucket: 'POST /2/tweets', limit: 10_000, windowSec: 86_400, scope: 'app', resets: 'fixed' },
  // "DELETE 50/15 min".
  { bucket: 'DELETE /2/tweets/:id', limit: 50, windowSec: 900, scope: 'user', resets: 'fixed' },
  // "mentions 300/15 min per user".
  { bucket: 'GET /2/users/:id/mentions', limit: 300, windowSec: 900, scope: 'user', resets: 'fixed' },
  // "DM send 15/15 min and 1,440/24 h".
  {
    bucket: 'POST /2/dm_conversations/with/:id/messages',
    limit: 15,
    windowSec: 900,
    scope: 'user',
    resets: 'fixed',
  },
  {
    bucket: 'POST /2/dm_conversations/with/:id/messages',
    limit: 1440,
    windowSec: 86_400,
    scope: 'user',
    resets: 'fixed',
  },
  // "hide reply 50/15 min".
  { bucket: 'PUT /2/tweets/:id/hidden', limit: 50, windowSec: 900, scope: 'user', resets: 'fixed' },
  // Manage likes, per user: "50/15min, 1,000/24hrs" for each of POST /2/users/:id/likes and
  // DELETE /2/users/:id/likes/:tweet_id (https://docs.x.com/x-api/fundamentals/rate-limits).
  { bucket: 'POST /2/users/:id/likes', limit: 50, windowSec: 900, scope: 'user', resets: 'fixed' },
  { bucket: 'POST /2/users/:id/likes', limit: 1000, windowSec: 86_400, scope: 'user', resets: 'fixed' },
  { bucket: 'DELETE /2/users/:id/likes/:id', limit: 50, windowSec: 900, scope: 'user', resets: 'fixed' },
  {
    bucket: 'DELETE /2/users/:id/likes/:id',
    limit: 1000,
    windowSec: 86_400,
    scope: 'user',
    resets: 'fixed',
  },
  // Recent search, per user: 300/15min (https://docs.x.com/x-api/fundamentals/rate-limits).
  { bucket: 'GET /2/tweets/search/recent', limit: 300, windowSec: 900, scope: 'user', resets: 'fixed' },
  // "media initialize/append/finalize 1,875/15 min".
  {
    bucket: 'POST /2/media/upload/initialize',
    limit: 1875,
    windowSec: 900,
    scope: 'user',
    resets: 'fixed',
  },
  { bucket: 'POST /2/media/upload/:id/append', limit: 1875, windowSec: 900, scope: 'user', resets: 'fixed' },
  {
    bucket: 'POST /2/media/upload/:id/finalize',
    limit: 1875,
    windowSec: 900,
    scope: 'user',
    resets: 'fixed',
  },
]);

/**
 * The capabilities of an X adapter: a function of the settings because the text limit depends
 * on the account (Premium) and webhook support on whether a consumer secret is configured.
 *
 * @param settings - the text limit and whether a webhook consumer secret is set
 * @returns the capabilities, as data
 *
 * @example
 * ```ts
 * xCapabilities({ maxTextLength: 280, webhooks: false }).text.maxLength; // 280
 * ```
 */
export function xCapabilities(settings: {
  readonly maxTextLength: number;
  readonly webhooks: boolean;
}): Capabilities {
  return {
    text: {
      maxLength: settings.maxTextLength,
      // x.md, Text limits: twitter-text v3 weighting (CJK and emoji weigh 2), every URL 23,
      // NFC-normalised; counted with twitter-text's parseTweet (count-text.ts).
      counting: 'weighted',
      urlLength: X_URL_LENGTH,
      // x-openapi.json CreatePostsRequest.text: "Required unless media is provided"; validate.ts
      // requires it for polls and quotes, which carry no media.
      required: false,
      configurable: true,
    },
    media: {
      required: false,
      kinds: {
        // x.md, Media upload: image 5 MB (read as MiB, 5,242,880 bytes, for every size here: x.md
        // does not say which). JPEG, PNG and WEBP are `media_type`s X takes for `tweet_image`
        // (x-openapi.json InitializeMediaUploadRequest.media_type).
        image: {
          mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
          maxBytes: 5 * MEBIBYTE,
          altTextMaxLength: ALT_TEXT_MAX_LENGTH,
        },
        // x.md, Media upload: GIF 15 MB, uploaded as `tweet_gif`.
        gif: { mimeTypes: ['image/gif'], maxBytes: 15 * MEBIBYTE, altTextMaxLength: ALT_TEXT_MAX_LENGTH },
        // x.md, Media upload: video 512 MB, 0.5–140 s, ≤ 1280×1024, ≤ 60 fps; MP4 and MOV
        // (x-openapi.json media_type `video/mp4`, `video/quicktime`).
        video: {
          mimeTypes: ['video/mp4', 'video/quicktime'],
          maxBytes: 512 * MEBIBYTE,
          minDurationSec: 0.5,
          maxDurationSec: 140,
          maxWidth: 1280,
          maxHeight: 1024,
          maxFps: 60,
          altTextMaxLength: ALT_TEXT_MAX_LENGTH,
        },
      },
      // x.md, Media upload: "per post up to 4 images, or 1 GIF, or 1 video" (x-openapi.json
      // CreatePostsMedia.media_ids: maxItems 4).
      sets: [
        { kinds: ['image'], min: 1, max: 4 },
        { kinds: ['gif'], min: 1, max: 1 },
        { kinds: ['video'], min: 1, max: 1 },
      ],
      // The bytes are uploaded in chunks (x.md, Media upload); X has no upload-by-URL.
      sources: ['bytes', 'file', 'stream'],
    },
    formats: ['feed'],
    // x.md, Publish: each part replies to the previous one (`reply.in_reply_to_tweet_id`).
    threads: {},
    // x.md, Publish: `poll{options[2..4] (1–25 chars each), duration_minutes 5..10080}`.
    polls: {
      minOptions: 2,
      maxOptions: 4,
      maxOptionLength: 25,
      minDurationMinutes: 5,
      maxDurationMinutes: 10_080,
    },
    // Posted as a self-reply to the post (`reply.in_reply_to_tweet_id`; x.md, Publish).
    firstComment: true,
    // Links are part of the text and count 23 (x.md, Text limits).
    links: 'in_text',
    // X API v2 has no scheduled posts; smmkit's scheduler publishes at the time.
    nativeScheduling: false,
    // Posts are public; who may reply is `options.x.reply_settings`, not a privacy level.
    privacy: false,
    // x.md, Publish: `DELETE /2/tweets/:id`.
    delete: true,
    metrics: {
      // x.md, Metrics: public_metrics, non_public_metrics, organic_metrics and media view_count;
      // the mapping and which source wins are in metric-mapping.ts.
      post: [
        'impressions',
        'likes',
        'comments',
        'shares',
        'quotes',
        'saves',
        'link_clicks',
        'profile_visits',
        'engagements',
        'video_views',
      ],
      // x-openapi.json UserPublicMetrics: followers_count, following_count, post_count (tweet_count).
      account: ['followers', 'following', 'posts_count'],
      // x.md, Metrics: "Batch lookup: GET /2/tweets?ids=… (up to 100 ids)".
      maxPostsPerRequest: 100,
    },
    // x.md, Engagement: mentions, replies by conversation, DMs; reply to posts and DMs; hide
    // replies (`PUT /2/tweets/:id/hidden`). X has no API to delete someone else's reply.
    engagement: {
      read: ['mention', 'reply', 'direct_message'],
      reply: true,
      hide: true,
      delete: false,
      // POST/DELETE /2/users/:id/likes (https://docs.x.com/x-api/posts/likes/quickstart/manage-likes).
      like: true,
      // Recent search: words, "phrases" and #hashtags in public posts of the last 7 days
      // (https://docs.x.com/x-api/posts/search/integrate/build-a-query).
      search: 'text',
    },
    // x.md, Webhooks: CRC and signatures need the consumer secret.
    webhooks: settings.webhooks,
    // X takes no idempotency key; a repeated post is refused as duplicate content (x.md, Errors),
    // and the account's recent posts can be read (GET /2/users/:id/tweets).
    reconciliation: { idempotencyKey: false, findRecentPosts: true, duplicateSignal: true },
    // x.md, Auth: Authorization Code with PKCE (S256); access tokens live 2 h; the refresh
    // token rotates on every refresh.
    auth: {
      flavour: 'oauth2_pkce',
      refreshable: true,
      refreshTokenRotates: true,
      accessTokenLifetimeSec: 7200,
    },
    rateLimits: {
      headers: true,
      budgets: X_RATE_BUDGETS.map((budget) => ({ ...budget })),
      // Bucket names as parseXRateLimit reports them, so declared budgets and live headers meet
      // (x.md, Rate limits: each endpoint has its own window).
      operations: {
        publish: ['POST /2/tweets'],
        upload: [
          'POST /2/media/upload/initialize',
          'POST /2/media/upload/:id/append',
          'POST /2/media/upload/:id/finalize',
        ],
        delete: ['DELETE /2/tweets/:id'],
        metrics: ['GET /2/tweets'],
        engagement: ['GET /2/users/:id/mentions'],
        // Replies are creates.
        reply: ['POST /2/tweets'],
        // A like or an unlike spends from both endpoints' windows: the operation does not say
        // which it is, and the two have the same limits, so neither is ever exceeded.
        like: ['POST /2/users/:id/likes', 'DELETE /2/users/:id/likes/:id'],
        search: ['GET /2/tweets/search/recent'],
        findRecentPosts: ['GET /2/users/:id/tweets'],
      },
    },
  };
}
