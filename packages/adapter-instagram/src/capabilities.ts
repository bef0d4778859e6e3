import type { Capabilities } from '@smmkit/core';
import type { AuthScopes, RateBudget } from '@smmkit/core/adapter-kit';
import { GRAPH_USAGE_BUCKET } from '@smmkit/graph-api';
import { FEED_IMAGE_ASPECT_RATIO, ratioValue } from './aspect-ratio.js';
import { INSTAGRAM_AUDIENCE_BREAKDOWNS } from './follower-demographics.js';

// Every rule and number cites the developers.facebook.com page it comes from.

const MEBIBYTE = 1024 * 1024;

/**
 * The bucket every Graph call's usage headers are booked against (`@smmkit/graph-api`'s
 * `GRAPH_USAGE_BUCKET`): Meta counts usage per app, user and Business Use Case, not per endpoint
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting), so
 * `capabilities.rateLimits.operations` lists it for every operation.
 */
export const INSTAGRAM_GRAPH_BUCKET = GRAPH_USAGE_BUCKET;
/** Bucket of published posts (`POST /{ig-user-id}/media_publish`). */
export const INSTAGRAM_PUBLISH_BUCKET = 'media_publish';
/** Bucket of containers (`POST /{ig-user-id}/media`). */
export const INSTAGRAM_CONTAINER_BUCKET = 'media';
/**
 * Bucket of the unique hashtags an IG user may query: 30 within a rolling 7 days, counted per
 * hashtag rather than per request — "Subsequent queries on the same hashtag within this time
 * frame will not count against your limit"
 * (https://developers.facebook.com/docs/instagram-api/guides/hashtag-search).
 */
export const INSTAGRAM_HASHTAG_BUCKET = 'ig_hashtag_search';

/**
 * The hashtag budget of {@link INSTAGRAM_HASHTAG_BUCKET}: 30 unique hashtags per IG user over a
 * rolling 7 days. It is declared for what it is, but booked by no operation: a search of
 * hashtags already queried this week costs nothing against it, so the publisher cannot count it
 * per call. `searchMentions` keeps to it itself and reports a `RateLimitError` on this bucket.
 */
export const INSTAGRAM_HASHTAG_BUDGET: RateBudget = Object.freeze({
  bucket: INSTAGRAM_HASHTAG_BUCKET,
  limit: 30,
  windowSec: 7 * 86_400,
  scope: 'user',
  resets: 'rolling',
});

/**
 * Longest alt text. Meta documents no separate cap for `alt_text` (https://developers.facebook.com/docs/instagram-platform/content-publishing lists
 * the parameter only), so the caption's 2,200 is used as an upper bound.
 */
const ALT_TEXT_MAX_LENGTH = 2200;

/**
 * The budgets Instagram documents (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit), both per account over a
 * rolling 24 h: 400 containers, and published posts — 50 or 100 depending on which Meta page
 * you read (older ones: 25); the lower current figure, 50, is declared so the publisher paces
 * conservatively, and the live quota is read before every publish (quota.ts). Graph call
 * budgets are percentages in headers
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting) and are learnt from them.
 */
export const INSTAGRAM_RATE_BUDGETS: readonly RateBudget[] = Object.freeze([
  { bucket: INSTAGRAM_PUBLISH_BUCKET, limit: 50, windowSec: 86_400, scope: 'user', resets: 'rolling' },
  { bucket: INSTAGRAM_CONTAINER_BUCKET, limit: 400, windowSec: 86_400, scope: 'user', resets: 'rolling' },
]);

/**
 * The permissions each operation needs with Facebook Login: publishing `instagram_basic`,
 * `instagram_content_publish` and `pages_read_engagement`
 * (https://developers.facebook.com/docs/instagram-platform/content-publishing), stories included:
 * a story is a container of `POST /{ig-user-id}/media` like any other ("Create an image, carousel,
 * story or reel IG Container",
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media),
 * and "As there are no new endpoints or permissions, Stories will become automatically available
 * for developers who already have access to the Content Publishing API"
 * (https://developers.facebook.com/blog/post/2023/05/16/introducing-stories-publishing-to-the-content-publishing-api-on-instagram/); comments, replies
 * and mentions `instagram_manage_comments`
 * (https://developers.facebook.com/docs/instagram-platform/comment-moderation); insights
 * `instagram_manage_insights` (https://developers.facebook.com/docs/instagram-platform/insights);
 * hashtag search `instagram_basic`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag-search);
 * business discovery `instagram_basic` and `pages_read_engagement`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/business_discovery),
 * follower demographics `instagram_manage_insights`; listing the account's own media and stories
 * (`findRecentPosts`) `instagram_basic` and `pages_read_engagement`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/stories).
 */
const FACEBOOK_LOGIN_SCOPES: AuthScopes = {
  publish: ['instagram_basic', 'instagram_content_publish', 'pages_read_engagement'],
  metrics: ['instagram_basic', 'instagram_manage_insights', 'pages_read_engagement'],
  engagement: ['instagram_basic', 'instagram_manage_comments', 'pages_read_engagement'],
  reply: ['instagram_basic', 'instagram_manage_comments', 'pages_read_engagement'],
  search: ['instagram_basic'],
  research: ['instagram_basic', 'instagram_manage_insights', 'pages_read_engagement'],
  findRecentPosts: ['instagram_basic', 'pages_read_engagement'],
};

/**
 * The permissions each operation needs with Instagram Login, the `instagram_business_*` scopes
 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login):
 * publishing `instagram_business_content_publish`, stories included (the `media` and container
 * references give stories no permission of their own:
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container), comments and mentions
 * `instagram_business_manage_comments`, insights and follower demographics
 * `instagram_business_manage_insights`, all beside `instagram_business_basic`, which alone lists the
 * account's own media and stories (`findRecentPosts`,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media;
 * the stories reference names only Facebook Login's permissions, so the simulator holds stories to
 * the same scope as media: ASSUMED).
 * Refreshing needs
 * no scope of its own (https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token).
 */
const INSTAGRAM_LOGIN_SCOPES: AuthScopes = {
  publish: ['instagram_business_basic', 'instagram_business_content_publish'],
  metrics: ['instagram_business_basic', 'instagram_business_manage_insights'],
  engagement: ['instagram_business_basic', 'instagram_business_manage_comments'],
  reply: ['instagram_business_basic', 'instagram_business_manage_comments'],
  research: ['instagram_business_basic', 'instagram_business_manage_insights'],
  findRecentPosts: ['instagram_business_basic'],
};

/**
 * The capabilities of an Instagram adapter; a function of the settings because webhook support
 * depends on whether an app secret is configured.
 *
 * @param settings - whether webhooks can be verified (an app secret is set) and which host the
 *   adapter talks to (Instagram Login tokens can be refreshed, Facebook Login tokens cannot;
 *   hashtag search and business discovery need Facebook Login; default `facebook`)
 * @returns the capabilities, as data
 *
 * @example
 * ```ts
 * instagramCapabilities({ webhooks: false }).text.maxLength; // 2200
 * ```
 */
export function instagramCapabilities(settings: {
  readonly webhooks: boolean;
  readonly host?: 'facebook' | 'instagram' | undefined;
}): Capabilities {
  // Hashtag search and business discovery are Facebook Login APIs (see `engagement` and `research` below).
  const facebookLogin = settings.host !== 'instagram';
  const hashtagSearch = facebookLogin;
  // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media: images JPEG only, ≤ 8 MB (read as MiB), aspect 4:5 to 1.91:1.
  // Width is no limit: "Minimum width: 320 (will be scaled up to the minimum if necessary)" and
  // "Maximum width: 1440 (will be scaled down to the maximum if necessary)", so Instagram takes
  // any width and resizes it; no minWidth/maxWidth is declared, so none is refused.
  // validate.ts compares aspect ratios exactly (aspect-ratio.ts); these decimals declare them.
  const image = {
    mimeTypes: ['image/jpeg'],
    maxBytes: 8 * MEBIBYTE,
    minAspectRatio: ratioValue(FEED_IMAGE_ASPECT_RATIO.min),
    maxAspectRatio: ratioValue(FEED_IMAGE_ASPECT_RATIO.max),
    altTextMaxLength: ALT_TEXT_MAX_LENGTH,
  };
  return {
    text: {
      // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media: caption ≤ 2,200 characters, ≤ 30 hashtags, ≤ 20 @mentions.
      maxLength: 2200,
      counting: 'code_points',
      required: false,
      maxHashtags: 30,
      maxMentions: 20,
    },
    media: {
      // Media is required, no text-only posts (https://developers.facebook.com/docs/instagram-platform/content-publishing).
      required: true,
      kinds: {
        image,
        // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media: reels MOV/MP4 (H.264/HEVC), 3 s–15 min, ≤ 300 MB, ≤ 1920 px wide.
        // Unlike image widths, "Maximum columns (horizontal pixels): 1920" (Reel and Story Video
        // Specifications) comes with no promise to scale, so a wider video is refused.
        // Story videos are tighter (3–60 s, ≤ 100 MB): validate.ts checks those per format, and
        // the videos' aspect ratios (reels 0.01:1–10:1, stories 0.1:1–10:1; aspect-ratio.ts).
        video: {
          mimeTypes: ['video/mp4', 'video/quicktime'],
          maxBytes: 300 * MEBIBYTE,
          minDurationSec: 3,
          maxDurationSec: 900,
          maxWidth: 1920,
        },
      },
      sets: [
        // https://developers.facebook.com/docs/instagram-platform/content-publishing: image; reel (every single video since July 2023); carousel 2–10.
        { format: 'feed', kinds: ['image'], min: 1, max: 1 },
        { format: 'feed', kinds: ['video'], min: 1, max: 1 },
        { format: 'feed', kinds: ['image', 'video'], min: 2, max: 10 },
        { format: 'reel', kinds: ['video'], min: 1, max: 1 },
        // https://developers.facebook.com/docs/instagram-platform/content-publishing: story `image_url` or `video_url`.
        { format: 'story', kinds: ['image', 'video'], min: 1, max: 1 },
      ],
      // Instagram fetches media from a public URL; with Facebook Login, videos may instead be
      // uploaded with upload_type=resumable, "available only for apps that have implemented
      // Facebook Login for Business"
      // (https://developers.facebook.com/documentation/instagram-platform/content-publishing/resumable-uploads;
      // images need a URL, validate.ts checks it).
      sources: facebookLogin ? ['url', 'bytes', 'file', 'stream'] : ['url'],
    },
    formats: ['feed', 'story', 'reel'],
    threads: false,
    polls: false,
    // First comment: POST /{ig-media-id}/comments {message} right after publish (https://developers.facebook.com/docs/instagram-platform/comment-moderation).
    firstComment: true,
    // Links in captions are not clickable on Instagram.
    links: 'not_clickable',
    nativeScheduling: false,
    privacy: false,
    // No endpoint deletes published media (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media).
    delete: false,
    metrics: {
      // https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights: reach, views, likes, comments, shares, saved, total_interactions.
      post: ['reach', 'impressions', 'likes', 'comments', 'shares', 'saves', 'engagements'],
      // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user: followers_count, media_count.
      account: ['followers', 'posts_count'],
      maxPostsPerRequest: 1,
    },
    // https://developers.facebook.com/docs/instagram-platform/comment-moderation: comments, replies (read and write), hide, delete; mentions via /tags.
    // @mentions in captions and comments are answered with POST /{ig-user-id}/mentions; media the
    // account is only tagged in cannot be commented on
    // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentions).
    // No endpoint likes a comment or media. Public media are found by hashtag only, and only
    // with Facebook Login ("Available for the Instagram API with Facebook Login":
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag-search).
    engagement: {
      read: ['comment', 'reply', 'mention'],
      reply: true,
      hide: true,
      delete: true,
      like: false,
      search: hashtagSearch ? 'hashtags' : false,
    },
    // Other professional accounts' public figures and media through business discovery,
    // "Available for the Instagram API with Facebook Login"
    // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/business_discovery);
    // followers by age, gender, country and city (`follower_demographics`) with either login
    // (https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights).
    research: {
      publicAccounts: facebookLogin,
      audience: [...INSTAGRAM_AUDIENCE_BREAKDOWNS],
      ...(facebookLogin
        ? {}
        : {
            unavailable: {
              publicAccounts:
                'Business discovery, which reads other Instagram accounts, is available only with Facebook Login (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/business_discovery), and this adapter uses Instagram Login.',
            },
          }),
    },
    webhooks: settings.webhooks,
    // No idempotency key and no duplicate signal for media; recent media can be listed
    // (IGUser.json `GET media`); the docs promise no read-after-write for that list.
    reconciliation: {
      idempotencyKey: false,
      findRecentPosts: true,
      duplicateSignal: false,
      readAfterWrite: false,
    },
    // Long-lived tokens last ~60 days
    // (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived,
    // https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token).
    // Facebook Login tokens cannot be refreshed (only exchanged); Instagram Login tokens refresh
    // themselves (`ig_refresh_token`, no separate refresh token, nothing rotates) but only while
    // still valid, so smmkit refreshes them ahead of expiry (createRefreshingTokenProvider's
    // margin), never after a rejection.
    auth: {
      flavour: 'oauth2',
      refreshable: settings.host === 'instagram',
      refreshTokenRotates: false,
      accessTokenLifetimeSec: 5_184_000,
      scopes: facebookLogin ? FACEBOOK_LOGIN_SCOPES : INSTAGRAM_LOGIN_SCOPES,
    },
    rateLimits: {
      headers: true,
      budgets: [...INSTAGRAM_RATE_BUDGETS, ...(hashtagSearch ? [INSTAGRAM_HASHTAG_BUDGET] : [])].map(
        (budget) => ({ ...budget }),
      ),
      operations: {
        publish: [INSTAGRAM_PUBLISH_BUCKET, INSTAGRAM_GRAPH_BUCKET],
        upload: [INSTAGRAM_CONTAINER_BUCKET, INSTAGRAM_GRAPH_BUCKET],
        metrics: [INSTAGRAM_GRAPH_BUCKET],
        engagement: [INSTAGRAM_GRAPH_BUCKET],
        reply: [INSTAGRAM_GRAPH_BUCKET],
        // Not the hashtag bucket: see INSTAGRAM_HASHTAG_BUDGET.
        ...(hashtagSearch ? { search: [INSTAGRAM_GRAPH_BUCKET] } : {}),
        research: [INSTAGRAM_GRAPH_BUCKET],
        findRecentPosts: [INSTAGRAM_GRAPH_BUCKET],
      },
    },
  };
}
