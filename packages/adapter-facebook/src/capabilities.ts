import type { Capabilities } from '@smmkit/core';
import { GRAPH_USAGE_BUCKET } from '@smmkit/graph-api';

const MEBIBYTE = 1024 * 1024;
const GIBIBYTE = 1024 * MEBIBYTE;

/**
 * The most photos one multi-photo post carries. Meta documents no maximum for `attached_media`
 * (https://developers.facebook.com/docs/pages-api/posts); ASSUMED 10, the number the Facebook
 * composer allows per post batch, until a documented number is found.
 */
export const FACEBOOK_MAX_PHOTOS = 10;

/**
 * Native scheduling's window: `scheduled_publish_time` must lie between 10 minutes and 30 days
 * after the request (https://developers.facebook.com/docs/pages-api/posts, Schedule a post).
 */
export const FACEBOOK_NATIVE_SCHEDULING = {
  minLeadSeconds: 10 * 60,
  maxLeadSeconds: 30 * 24 * 60 * 60,
} as const;

/**
 * The video containers Facebook takes, as MIME types: "3g2, 3gp, 3gpp, asf, avi, dat, divx, dv,
 * f4v, flv, m2ts, m4v, mkv, mod, mov, mp4, mpe, mpeg, mpeg4, mpg, mts, nsv, ogm, ogv, qt, tod, ts,
 * vob, and wmv" (https://developers.facebook.com/docs/graph-api/video-uploads, Supported Formats);
 * the formats without a registered MIME type are left out.
 */
const VIDEO_MIME_TYPES = [
  'video/mp4',
  'video/quicktime',
  'video/x-m4v',
  'video/mpeg',
  'video/x-msvideo',
  'video/x-ms-wmv',
  'video/x-ms-asf',
  'video/x-flv',
  'video/x-matroska',
  'video/3gpp',
  'video/3gpp2',
  'video/mp2t',
  'video/ogg',
];

/**
 * What the Facebook Pages adapter supports: text and link posts (`POST /{page-id}/feed`), a
 * single photo (`POST /{page-id}/photos`) and multi-photo posts (unpublished photos then
 * `attached_media`), from public URLs or uploaded bytes; videos (`file_url` or the resumable
 * upload on the video host) and reels (`POST /{page-id}/video_reels`); a first comment; native
 * scheduling 10 minutes to 30 days ahead; all published to a Page with the Page token; delete;
 * finding recent posts; post counts and Page followers. Every rule cites developers.facebook.com;
 * the rules that depend on the format or the source (reels, videos by URL) are in `validate.ts`.
 *
 * @param settings - whether the adapter has webhooks (an app secret is set)
 * @returns the capabilities
 *
 * @example
 * ```ts
 * facebookCapabilities().text.maxLength; // 63206
 * ```
 */
export function facebookCapabilities(
  settings: { readonly webhooks?: boolean | undefined } = {},
): Capabilities {
  return {
    text: {
      // Meta documents no length for `message` (https://developers.facebook.com/docs/graph-api/reference/page/feed);
      // 63,206 characters is the limit commonly used and enforced by the composer.
      maxLength: 63_206,
      counting: 'code_points',
      required: false,
    },
    media: {
      required: false,
      kinds: {
        // Photos: JPEG, PNG, GIF, BMP, TIFF under 4 MB; PNG under 1 MB recommended
        // (https://developers.facebook.com/docs/graph-api/reference/page/photos/).
        image: {
          mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/tiff'],
          maxBytes: 4 * MEBIBYTE,
        },
        // Videos: the supported containers, up to 10 GB and 4 hours by resumable upload, aspect
        // ratio between 9x16 and 16x9 (https://developers.facebook.com/docs/graph-api/video-uploads).
        // A video by URL is held to 1 GB and 20 minutes, and a reel to 3–90 s at 9:16: validate.ts.
        video: {
          mimeTypes: VIDEO_MIME_TYPES,
          maxBytes: 10 * GIBIBYTE,
          maxDurationSec: 4 * 60 * 60,
          minAspectRatio: 0.5625,
          maxAspectRatio: 1.778,
        },
      },
      sets: [
        // One photo (`/{page-id}/photos`) or several attached to one feed post
        // (https://developers.facebook.com/docs/pages-api/posts, Publish a photo / multi-photo post).
        { format: 'feed', kinds: ['image'], min: 1, max: FACEBOOK_MAX_PHOTOS },
        // One video per post (`POST /{page-id}/videos`; https://developers.facebook.com/docs/graph-api/reference/page/videos/):
        // `attached_media` takes photos only.
        { format: 'feed', kinds: ['video'], min: 1, max: 1 },
        // A reel is one video (https://developers.facebook.com/docs/video-api/guides/reels-publishing).
        { format: 'reel', kinds: ['video'], min: 1, max: 1 },
      ],
      // Photos by public `url` or multipart `source` (https://developers.facebook.com/docs/graph-api/reference/page/photos/);
      // videos by `file_url` or uploaded in chunks (https://developers.facebook.com/docs/graph-api/video-uploads);
      // reels by a `file_url` header or their bytes (https://developers.facebook.com/docs/video-api/guides/reels-publishing).
      sources: ['url', 'bytes', 'file', 'stream'],
    },
    // The ordinary Page post, and reels (`options.facebook.format: 'reel'`).
    formats: ['feed', 'reel'],
    threads: false,
    polls: false,
    // `POST /{object-id}/comments {message}` on the published post
    // (https://developers.facebook.com/docs/graph-api/reference/object/comments/).
    firstComment: true,
    // A `link` parameter makes a link preview attachment; URLs in the message are clickable too
    // (https://developers.facebook.com/docs/graph-api/reference/page/feed).
    links: 'attachment',
    // `published=false` + `scheduled_publish_time`, 10 minutes to 30 days ahead
    // (https://developers.facebook.com/docs/pages-api/posts, Schedule a post).
    nativeScheduling: { ...FACEBOOK_NATIVE_SCHEDULING },
    privacy: false,
    // `DELETE /{post-id}` deletes posts the app created (https://developers.facebook.com/docs/pages-api/posts).
    delete: true,
    // Counts of a post (`shares`, `comments.summary(true)`, `reactions.summary(true)`;
    // https://developers.facebook.com/docs/graph-api/reference/post/), its lifetime insights
    // (post_total_media_view_unique, post_media_view, post_clicks, post_reactions_by_type_total) and
    // the Page's daily insights (page_follows, page_media_view, page_total_media_view_unique,
    // page_post_engagements; https://developers.facebook.com/docs/graph-api/reference/insights),
    // with `followers_count` (https://developers.facebook.com/docs/graph-api/reference/page/) when
    // page_follows has no data: metric-mapping.ts.
    metrics: {
      post: ['shares', 'comments', 'reactions', 'likes', 'reach', 'impressions', 'clicks'],
      account: ['followers', 'impressions', 'reach', 'engagements'],
      maxPostsPerRequest: 1,
    },
    // Comments and replies of the Page's posts (`GET /{object-id}/comments`, reply with
    // `POST /{object-id}/comments`; https://developers.facebook.com/docs/graph-api/reference/object/comments),
    // hidden with `is_hidden` or deleted (https://developers.facebook.com/docs/graph-api/reference/comment/);
    // mentions: the posts that tag the Page (https://developers.facebook.com/docs/graph-api/reference/page/tagged/).
    // Each is liked as the Page with `POST /{object-id}/likes` and unliked with
    // `DELETE /{object-id}/likes` (https://developers.facebook.com/docs/graph-api/reference/object/likes).
    // The Pages API searches Pages, not the public posts of others
    // (https://developers.facebook.com/docs/pages-api, Pages Search): no mention search.
    engagement: {
      read: ['comment', 'reply', 'mention'],
      reply: true,
      hide: true,
      delete: true,
      like: true,
      search: false,
    },
    // Another Page's public posts and engagement can be read only with the Page Public Content
    // Access feature, which needs App Review and business verification
    // (https://developers.facebook.com/docs/features-reference/page-public-content-access); the
    // adapter holds the Page's own token. Follower breakdowns: Meta's list of deprecations names
    // page_follows_city and page_follows_country as the replacements of page_fans_city and
    // page_fans_country, removed on 15 Nov 2025
    // (https://developers.facebook.com/documentation/pages-api/platforminsights/page/deprecated-metrics),
    // while its list for 14 Mar 2024 has them among the metrics already deprecated
    // (https://developers.facebook.com/docs/platforminsights/page/deprecated-metrics), so the adapter
    // reads neither.
    research: {
      publicAccounts: false,
      audience: [],
      unavailable: {
        publicAccounts:
          "Reading other Pages' public posts needs Meta's Page Public Content Access feature, granted only after App Review and business verification; this adapter works with the Page's own token.",
        audience:
          "Meta's Page Insights documentation contradicts itself on whether follower breakdowns by city and country (page_follows_city, page_follows_country) still exist, so this adapter does not read them.",
      },
    },
    // Page `feed` comments and `mention`s, verified with the app secret
    // (https://developers.facebook.com/docs/graph-api/webhooks/reference/page/): when one is set.
    webhooks: settings.webhooks === true,
    // No idempotency key and no duplicate signal here; the Page's recent posts can be listed
    // (`GET /{page-id}/posts`; https://developers.facebook.com/docs/graph-api/reference/page/feed),
    // and its reels, which the posts leave out (`GET /{page-id}/video_reels`;
    // https://developers.facebook.com/docs/graph-api/reference/pagepost/, Limitations), with no
    // documented read-after-write promise.
    reconciliation: {
      idempotencyKey: false,
      findRecentPosts: true,
      duplicateSignal: false,
      readAfterWrite: false,
    },
    // Page tokens from a long-lived user token do not expire and cannot be refreshed
    // (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
    // Every call is made with the Page token that `pages_show_list` lets the user token list
    // (https://developers.facebook.com/docs/permissions, pages_show_list). Publishing and deleting
    // need `pages_manage_posts` and `pages_read_engagement` (https://developers.facebook.com/docs/pages-api/posts,
    // https://developers.facebook.com/docs/graph-api/reference/page/feed/), videos and reels
    // `publish_video` as the posts guide says (the video references do not ask for it);
    // insights `read_insights` and `pages_read_engagement`
    // (https://developers.facebook.com/docs/graph-api/reference/page/insights/). Reading the
    // Page's posts (`findRecentPosts`, and the posts whose comments `engagement` lists) needs
    // `pages_read_engagement` and `pages_read_user_content`
    // (https://developers.facebook.com/docs/graph-api/reference/page/feed/, Reading; the
    // scheduled posts ask only for a Page token:
    // https://developers.facebook.com/docs/graph-api/reference/page/scheduled_posts/), and so
    // do their comments ("the same permissions required to view the parent object",
    // https://developers.facebook.com/docs/graph-api/reference/object/comments); mentions
    // (`/tagged`) `pages_read_user_content`. Replying `pages_manage_engagement`; hiding a
    // comment also `pages_read_engagement`, deleting a fan's `pages_read_user_content`
    // (https://developers.facebook.com/docs/graph-api/reference/comment/); liking
    // `pages_manage_engagement` (https://developers.facebook.com/docs/permissions/reference/pages_manage_engagement).
    // The guide's `pages_read_user_engagement` is not a permission Meta has
    // (https://developers.facebook.com/docs/permissions/reference/pages_read_user_content is the one).
    // The same permissions as FACEBOOK_PAGE_SCOPES (auth/facebook-login.ts), by operation.
    auth: {
      flavour: 'oauth2',
      refreshable: false,
      refreshTokenRotates: false,
      scopes: {
        publish: ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'publish_video'],
        delete: ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement'],
        metrics: ['pages_show_list', 'pages_read_engagement', 'read_insights'],
        engagement: ['pages_show_list', 'pages_read_engagement', 'pages_read_user_content'],
        reply: [
          'pages_show_list',
          'pages_manage_engagement',
          'pages_read_engagement',
          'pages_read_user_content',
        ],
        like: ['pages_show_list', 'pages_manage_engagement'],
        findRecentPosts: ['pages_show_list', 'pages_read_engagement', 'pages_read_user_content'],
      },
    },
    rateLimits: {
      // `X-App-Usage` and `X-Business-Use-Case-Usage` (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
      headers: true,
      budgets: [],
      operations: {
        publish: [GRAPH_USAGE_BUCKET],
        upload: [GRAPH_USAGE_BUCKET],
        metrics: [GRAPH_USAGE_BUCKET],
        findRecentPosts: [GRAPH_USAGE_BUCKET],
        engagement: [GRAPH_USAGE_BUCKET],
        reply: [GRAPH_USAGE_BUCKET],
        // Likes have no budget of their own on Graph: they count against the same usage.
        like: [GRAPH_USAGE_BUCKET],
      },
    },
  };
}
