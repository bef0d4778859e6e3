import type { Capabilities } from '@smmkit/core';
import type { RateBudget } from '@smmkit/core/adapter-kit';
import { X_URL_LENGTH } from './count-text.js';
import type { XAccessLevel } from './settings.js';

// Every rule and number cites X's docs (docs.x.com) or its OpenAPI spec (https://api.x.com/2/openapi.json).
// Only the text limit is a setting, because X Premium accounts have a longer one.

const MEBIBYTE = 1024 * 1024;

/**
 * Longest alt text: `CreateMediaMetadataMetadataAltText.text` has `maxLength: 1000` in
 * https://api.x.com/2/openapi.json (`POST /2/media/metadata`).
 */
const ALT_TEXT_MAX_LENGTH = 1000;

/**
 * The request budgets X documents (https://docs.x.com/x-api/fundamentals/rate-limits). Buckets are named as
 * `parseXRateLimit` names them (`METHOD /path` with ids as `:id`), so declared budgets and live headers meet.
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
  // Direct Messages lookup, per user: 15/15min; the engagement listing reads it on every poll.
  { bucket: 'GET /2/dm_events', limit: 15, windowSec: 900, scope: 'user', resets: 'fixed' },
  // Tweets lookup, per user: 5,000/15min (post metrics read it).
  { bucket: 'GET /2/tweets', limit: 5000, windowSec: 900, scope: 'user', resets: 'fixed' },
  // Users lookup, the authenticated user (GET /2/users/me), per user: 75/15min (account metrics read it).
  { bucket: 'GET /2/users/me', limit: 75, windowSec: 900, scope: 'user', resets: 'fixed' },
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
  // User lookup by username and a user's posts timeline, per user: 900/15min each
  // (https://docs.x.com/x-api/fundamentals/rate-limits, "Users lookup" and "Timelines").
  {
    bucket: 'GET /2/users/by/username/:username',
    limit: 900,
    windowSec: 900,
    scope: 'user',
    resets: 'fixed',
  },
  { bucket: 'GET /2/users/:id/tweets', limit: 900, windowSec: 900, scope: 'user', resets: 'fixed' },
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

/** What reading as the user needs (`OAuth2UserToken` of every GET the adapter calls in https://api.x.com/2/openapi.json). */
const X_READ_SCOPES = ['tweet.read', 'users.read'] as const;
/** What creating or deleting a post needs (`POST /2/tweets`, `DELETE /2/tweets/{id}` in https://api.x.com/2/openapi.json). */
const X_POST_SCOPES = [...X_READ_SCOPES, 'tweet.write'] as const;

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
  /** The app's access (default `self-serve`: no likes). */
  readonly access?: XAccessLevel | undefined;
}): Capabilities {
  const enterprise = settings.access === 'enterprise';
  return {
    text: {
      maxLength: settings.maxTextLength,
      // https://docs.x.com/fundamentals/counting-characters: twitter-text v3 weighting (CJK and emoji weigh
      // 2), every URL 23, NFC-normalised; counted by count-text.ts, checked against twitter-text in tests.
      counting: 'weighted',
      urlLength: X_URL_LENGTH,
      // `CreatePostsRequest.text` in https://api.x.com/2/openapi.json: "Required unless media is provided";
      // validate.ts requires it for polls and quotes, which carry no media.
      required: false,
      configurable: true,
    },
    media: {
      required: false,
      kinds: {
        // https://docs.x.com/x-api/media/quickstart/best-practices: image 5 MB (read as MiB, 5,242,880 bytes,
        // for every size here: the docs do not say which). JPEG, PNG and WEBP are `media_type`s X takes for
        // `tweet_image` (`InitializeMediaUploadRequest.media_type` in https://api.x.com/2/openapi.json).
        image: {
          mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
          maxBytes: 5 * MEBIBYTE,
          altTextMaxLength: ALT_TEXT_MAX_LENGTH,
        },
        // GIF 15 MB, uploaded as `tweet_gif` (https://docs.x.com/x-api/media/quickstart/best-practices).
        gif: { mimeTypes: ['image/gif'], maxBytes: 15 * MEBIBYTE, altTextMaxLength: ALT_TEXT_MAX_LENGTH },
        // Video 512 MB, 0.5–140 s, ≤ 1280×1024, ≤ 60 fps
        // (https://docs.x.com/x-api/media/quickstart/best-practices); MP4 and MOV (`media_type` `video/mp4`,
        // `video/quicktime` in https://api.x.com/2/openapi.json).
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
      // "up to 4 photos, 1 animated GIF or 1 video in a Post"
      // (https://docs.x.com/x-api/media/quickstart/best-practices); `CreatePostsMedia.media_ids` has maxItems
      // 4 in https://api.x.com/2/openapi.json.
      sets: [
        { kinds: ['image'], min: 1, max: 4 },
        { kinds: ['gif'], min: 1, max: 1 },
        { kinds: ['video'], min: 1, max: 1 },
      ],
      // The bytes are uploaded in chunks (https://docs.x.com/x-api/media/quickstart/media-upload-chunked); X
      // has no upload-by-URL.
      sources: ['bytes', 'file', 'stream'],
    },
    formats: ['feed'],
    // Each part replies to the previous one (`reply.in_reply_to_tweet_id`;
    // https://docs.x.com/x-api/posts/manage-tweets/introduction).
    threads: {},
    // `poll{options[2..4] (1–25 chars each), duration_minutes 5..10080}` (`CreatePostsPoll` in
    // https://api.x.com/2/openapi.json).
    polls: {
      minOptions: 2,
      maxOptions: 4,
      maxOptionLength: 25,
      minDurationMinutes: 5,
      maxDurationMinutes: 10_080,
    },
    // Posted as a self-reply to the post (`reply.in_reply_to_tweet_id`;
    // https://docs.x.com/x-api/posts/manage-tweets/introduction).
    firstComment: true,
    // Links are part of the text and count 23 (https://docs.x.com/fundamentals/counting-characters).
    links: 'in_text',
    // X API v2 has no scheduled posts; smmkit's scheduler publishes at the time.
    nativeScheduling: false,
    // Posts are public; who may reply is `options.x.reply_settings`, not a privacy level.
    privacy: false,
    // `DELETE /2/tweets/:id` (https://docs.x.com/x-api/posts/manage-tweets/introduction).
    delete: true,
    metrics: {
      // https://docs.x.com/x-api/fundamentals/metrics: public_metrics, non_public_metrics, organic_metrics
      // and media view_count; the mapping and which source wins are in metric-mapping.ts.
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
      // `UserPublicMetrics` in https://api.x.com/2/openapi.json: followers_count, following_count, post_count
      // (tweet_count).
      account: ['followers', 'following', 'posts_count'],
      // `GET /2/tweets?ids=…` takes up to 100 ids (https://docs.x.com/x-api/posts/lookup/introduction).
      maxPostsPerRequest: 100,
    },
    // Mentions (https://docs.x.com/x-api/posts/timelines/introduction), replies by conversation
    // (https://docs.x.com/x-api/posts/search/introduction), DMs
    // (https://docs.x.com/x-api/direct-messages/lookup/introduction); reply to posts and DMs; hide replies
    // (`PUT /2/tweets/:id/hidden`, https://docs.x.com/x-api/posts/hide-replies/introduction). X has no API to
    // delete someone else's reply.
    engagement: {
      read: ['mention', 'reply', 'direct_message'],
      reply: true,
      hide: true,
      delete: false,
      // POST/DELETE /2/users/:id/likes (https://docs.x.com/x-api/posts/likes/quickstart/manage-likes),
      // with Enterprise access only: "Following, Likes, and Quote-Posts via the API have been
      // removed from all self-serve tiers" (https://docs.x.com/changelog, 16 April 2026).
      like: enterprise,
      // Recent search: words, "phrases" and #hashtags in public posts of the last 7 days
      // (https://docs.x.com/x-api/posts/search/integrate/build-a-query).
      search: 'text',
    },
    // Other accounts by username: user lookup with `public_metrics`
    // (https://docs.x.com/x-api/users/lookup/introduction) and their posts with public metrics
    // (https://docs.x.com/x-api/posts/timelines/introduction). A User's fields are its profile and
    // counts only (https://docs.x.com/x-api/users/lookup/integrate): no follower demographics.
    research: {
      publicAccounts: true,
      audience: [],
      unavailable: {
        audience:
          'X API v2 reports no follower demographics: a user has only follower, following and post counts.',
      },
    },
    // CRC and signatures need the consumer secret (https://docs.x.com/x-api/webhooks/quickstart).
    webhooks: settings.webhooks,
    // X takes no idempotency key; a repeated post is refused as duplicate content (a 403, observed),
    // and the account's recent posts can be read (GET /2/users/:id/tweets), with no documented
    // read-after-write promise (the duplicate signal protects resends instead).
    reconciliation: {
      idempotencyKey: false,
      findRecentPosts: true,
      duplicateSignal: true,
      readAfterWrite: false,
    },
    // Authorization Code with PKCE (S256); access tokens live 2 h
    // (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code); the refresh token
    // rotates on every refresh (observed; the docs do not say).
    auth: {
      flavour: 'oauth2_pkce',
      refreshable: true,
      refreshTokenRotates: true,
      accessTokenLifetimeSec: 7200,
      // Each endpoint's `security` `OAuth2UserToken` scopes in https://api.x.com/2/openapi.json, as
      // the scope table of https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code
      // describes them: POST and DELETE /2/tweets `tweet.read tweet.write users.read`, media upload
      // `media.write`, reads (the account's own timeline too) `tweet.read users.read`,
      // GET /2/dm_events `dm.read`, DM replies `dm.write`,
      // PUT /2/tweets/:id/hidden `tweet.moderate.write`, likes `like.write`; a refresh token comes
      // only with `offline.access`.
      scopes: {
        publish: [...X_POST_SCOPES, 'media.write'],
        delete: [...X_POST_SCOPES],
        metrics: [...X_READ_SCOPES],
        engagement: [...X_READ_SCOPES, 'dm.read'],
        reply: [...X_POST_SCOPES, 'dm.write', 'tweet.moderate.write'],
        ...(enterprise ? { like: [...X_READ_SCOPES, 'like.write'] } : {}),
        search: [...X_READ_SCOPES],
        research: [...X_READ_SCOPES],
        findRecentPosts: [...X_READ_SCOPES],
        refresh: ['offline.access'],
      },
    },
    rateLimits: {
      headers: true,
      budgets: X_RATE_BUDGETS.map((budget) => ({ ...budget })),
      // Bucket names as parseXRateLimit reports them, so declared budgets and live headers meet
      // (each endpoint has its own window: https://docs.x.com/x-api/fundamentals/rate-limits).
      operations: {
        publish: ['POST /2/tweets'],
        upload: [
          'POST /2/media/upload/initialize',
          'POST /2/media/upload/:id/append',
          'POST /2/media/upload/:id/finalize',
        ],
        delete: ['DELETE /2/tweets/:id'],
        // Post metrics read the tweets lookup, account metrics the authenticated user: the operation
        // covers both, so each read spends from both windows and neither is ever exceeded.
        metrics: ['GET /2/tweets', 'GET /2/users/me'],
        // A listing reads the mentions, then the direct messages.
        engagement: ['GET /2/users/:id/mentions', 'GET /2/dm_events'],
        // A reply to a post or a comment is a create. A reply to a direct message is a DM send, with
        // its own, tighter windows (15/15 min, 1,440/24 h), which the operation cannot name without
        // pacing every reply and first comment by them; a DM reply past them gets X's 429 (a
        // RateLimitError with its reset) instead of waiting for it.
        reply: ['POST /2/tweets'],
        // Hiding or showing a reply again: its own window, 50 per 15 minutes
        // (https://docs.x.com/x-api/posts/hide-replies/introduction).
        hide: ['PUT /2/tweets/:id/hidden'],
        // A like or an unlike spends from both endpoints' windows: the operation does not say
        // which it is, and the two have the same limits, so neither is ever exceeded.
        ...(enterprise ? { like: ['POST /2/users/:id/likes', 'DELETE /2/users/:id/likes/:id'] } : {}),
        search: ['GET /2/tweets/search/recent'],
        // A lookup reads the user, then pages through their posts.
        research: ['GET /2/users/by/username/:username', 'GET /2/users/:id/tweets'],
        findRecentPosts: ['GET /2/users/:id/tweets'],
      },
    },
  };
}
