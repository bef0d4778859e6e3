import type { Capabilities } from '@smmkit/core';

// Every number here is Mastodon's default; a server's own limits are in GET /api/v2/instance
// → `configuration` (docs.joinmastodon.org: entities/Instance). Only the text limit is a
// setting, because it is the one servers commonly change.

const MEBIBYTE = 1024 * 1024;

/** Images and GIFs: up to 16 MB (docs.joinmastodon.org: user/posting#media). */
const IMAGE_MAX_BYTES = 16 * MEBIBYTE;
/** Videos: up to 99 MB (user/posting#media). */
const VIDEO_MAX_BYTES = 99 * MEBIBYTE;
/**
 * Alt text (`description`) is capped at 1,500 characters for local media. The docs do not
 * state it; Mastodon's own model does (github.com/mastodon/mastodon app/models/media_attachment.rb).
 */
const ALT_TEXT_MAX_LENGTH = 1500;

/**
 * The capabilities of a Mastodon adapter: a function of the settings because the status length
 * limit differs per server.
 *
 * @param settings - the server's status length limit (`maxCharacters`)
 * @returns the capabilities, as data
 *
 * @example
 * ```ts
 * mastodonCapabilities({ maxCharacters: 500 }).text.maxLength; // 500
 * ```
 */
export function mastodonCapabilities(settings: { readonly maxCharacters: number }): Capabilities {
  return {
    text: {
      maxLength: settings.maxCharacters,
      // Mastodon counts grapheme clusters (`each_grapheme_cluster.size`), not code points
      // (github.com/mastodon/mastodon app/validators/status_length_validator.rb). Every URL
      // counts as 23 (user/posting#links; entities/Instance `characters_reserved_per_url`) and a
      // mention only by its username part (user/posting#mentions): see count-status-length.ts.
      counting: 'graphemes',
      urlLength: 23,
      // Text is optional when media is attached (methods/statuses#create: `status`); validate.ts
      // requires it for polls, which Mastodon cannot post without text.
      required: false,
      configurable: true,
    },
    media: {
      required: false,
      kinds: {
        // user/posting#media: "Images (PNG, JPG, HEIF, WEBP, AVIF) up to 16MB"; the MIME types
        // are those of `configuration.media_attachments.supported_mime_types` (entities/Instance).
        // GIFs are not images here: Mastodon converts them, static or not, to looping video
        // ("Static GIF files have the same limits applied to them as animated GIF files").
        image: {
          mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/avif'],
          maxBytes: IMAGE_MAX_BYTES,
          altTextMaxLength: ALT_TEXT_MAX_LENGTH,
        },
        // user/posting#media: "Animated GIFs (GIFV) up to 16MB".
        gif: { mimeTypes: ['image/gif'], maxBytes: IMAGE_MAX_BYTES, altTextMaxLength: ALT_TEXT_MAX_LENGTH },
        // user/posting#media: "Videos (MP4, M4V, MOV, WebM) up to 99MB ... framerate of 120fps";
        // entities/Instance `video_frame_rate_limit` is 120 by default.
        video: {
          mimeTypes: ['video/mp4', 'video/webm', 'video/quicktime'],
          maxBytes: VIDEO_MAX_BYTES,
          maxFps: 120,
          altTextMaxLength: ALT_TEXT_MAX_LENGTH,
        },
      },
      // user/posting#media: "Up to 4 images", "Only one animated GIF", "Only one video" per post;
      // POST /api/v1/statuses refuses a video beside other media ("images_and_video" in
      // app/services/post_status_service.rb). Audio exists on Mastodon but has no smmkit kind.
      sets: [
        { kinds: ['image'], min: 1, max: 4 },
        { kinds: ['gif'], min: 1, max: 1 },
        { kinds: ['video'], min: 1, max: 1 },
      ],
      // POST /api/v2/media takes the file itself as multipart (methods/media#v2); Mastodon has
      // no upload-by-URL, so `url` sources are not accepted.
      sources: ['bytes', 'file', 'stream'],
    },
    formats: ['feed'],
    // A thread is a chain of statuses, each `in_reply_to_id` the one before (methods/statuses#create).
    threads: {},
    // entities/Instance `configuration.polls` defaults: max_options 4, max_characters_per_option 50,
    // min_expiration 300 s, max_expiration 2,629,746 s (one average month; 43,829 whole minutes).
    // Mastodon's web composer offers fewer (25 characters, 5 minutes to 7 days: user/posting#polls);
    // the API allows these.
    polls: {
      minOptions: 2,
      maxOptions: 4,
      maxOptionLength: 50,
      minDurationMinutes: 5,
      maxDurationMinutes: Math.floor(2_629_746 / 60),
    },
    // Posted as a reply to the first status (methods/statuses#create `in_reply_to_id`).
    firstComment: true,
    links: 'in_text',
    // Mastodon can schedule (`scheduled_at`, at least 5 minutes ahead: methods/statuses#create),
    // but it then returns a ScheduledStatus with no status id or URL, cannot schedule threads or
    // first comments, and would need its own list/cancel calls; smmkit's scheduler does it instead.
    nativeScheduling: false,
    // methods/statuses#create `visibility`; chosen per post with `options.mastodon.visibility`.
    privacy: { source: 'fixed', options: ['public', 'unlisted', 'private', 'direct'] },
    delete: true,
    // entities/Status: favourites_count, reblogs_count, replies_count; entities/Account:
    // followers_count, following_count, statuses_count.
    metrics: { post: ['likes', 'shares', 'comments'], account: ['followers', 'following', 'posts_count'] },
    // Mentions from methods/notifications, replies from methods/statuses#context; a reply is a
    // status with `in_reply_to_id`. Mastodon has no API to hide replies to your posts. A like is
    // a favourite (https://docs.joinmastodon.org/methods/statuses/#favourite). Public statuses
    // are found by hashtag (https://docs.joinmastodon.org/methods/timelines/#tag); full-text
    // search of statuses depends on a server's optional search setup
    // (https://docs.joinmastodon.org/methods/search/).
    engagement: {
      read: ['mention', 'reply'],
      reply: true,
      hide: false,
      delete: false,
      like: true,
      search: 'hashtags',
    },
    // Other accounts by handle: GET /api/v1/accounts/lookup and their statuses
    // (https://docs.joinmastodon.org/methods/accounts/#lookup, #statuses). An Account carries
    // counts only (https://docs.joinmastodon.org/entities/Account/): Mastodon has no follower
    // demographics.
    research: {
      publicAccounts: true,
      audience: [],
      unavailable: {
        audience:
          'Mastodon reports no follower demographics: an account has only follower, following and status counts.',
      },
    },
    webhooks: false,
    // `Idempotency-Key` is remembered for up to an hour (methods/statuses#create), which makes
    // every resend safe; read-after-write is not needed on top of it.
    reconciliation: {
      idempotencyKey: true,
      findRecentPosts: true,
      duplicateSignal: false,
      readAfterWrite: false,
    },
    // PKCE (S256) is supported from Mastodon 4.3 (methods/oauth#authorize). Tokens do not expire
    // until revoked, and no refresh token is issued (methods/oauth#token).
    // Granular scopes (https://docs.joinmastodon.org/api/oauth-scopes/): statuses are created and
    // deleted with `write:statuses`, media uploaded with `write:media`, favourited with
    // `write:favourites`; notifications read with `read:notifications`; statuses, threads and tag
    // timelines (the account's own, for `findRecentPosts`, too) with `read:statuses`, accounts
    // with `read:accounts` (public methods still check
    // the scope of a token that is sent). `read` and `write` include them all.
    auth: {
      flavour: 'oauth2_pkce',
      refreshable: false,
      refreshTokenRotates: false,
      scopes: {
        publish: ['write:statuses', 'write:media'],
        delete: ['write:statuses'],
        metrics: ['read:statuses', 'read:accounts'],
        engagement: ['read:notifications', 'read:statuses'],
        reply: ['write:statuses'],
        like: ['write:favourites'],
        search: ['read:statuses'],
        research: ['read:accounts', 'read:statuses'],
        findRecentPosts: ['read:statuses'],
      },
    },
    // api/rate-limits: 300 requests per 5 minutes per account on /api/*, media uploads and
    // status deletions 30 per 30 minutes per account. (There is also 300 per 5 minutes per IP,
    // which many accounts on one machine share.) Mastodon's windows are fixed periods.
    rateLimits: {
      headers: true,
      budgets: [
        { bucket: 'api', limit: 300, windowSec: 300, scope: 'user', resets: 'fixed' },
        { bucket: 'media', limit: 30, windowSec: 1800, scope: 'user', resets: 'fixed' },
        { bucket: 'delete', limit: 30, windowSec: 1800, scope: 'user', resets: 'fixed' },
      ],
      // Every /api/* call counts against `api`; uploads and deletions also against their own
      // smaller limits (api/rate-limits). Headers name no bucket, so they are booked on `api`.
      operations: {
        publish: ['api'],
        upload: ['api', 'media'],
        delete: ['api', 'delete'],
        metrics: ['api'],
        engagement: ['api'],
        reply: ['api'],
        search: ['api'],
        research: ['api'],
        findRecentPosts: ['api'],
      },
    },
  };
}
