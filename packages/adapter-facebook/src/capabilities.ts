import type { Capabilities } from '@smmkit/core';
import { GRAPH_USAGE_BUCKET } from '@smmkit/graph-api';

const MEBIBYTE = 1024 * 1024;

/**
 * The most photos one multi-photo post carries. Meta documents no maximum for `attached_media`
 * (https://developers.facebook.com/docs/pages-api/posts); ASSUMED 10, the number the Facebook
 * composer allows per post batch, until a documented number is found.
 */
export const FACEBOOK_MAX_PHOTOS = 10;

/**
 * What the Facebook Pages adapter supports, as far as it is built today: text and link posts
 * (`POST /{page-id}/feed`), a single photo (`POST /{page-id}/photos`) and multi-photo posts
 * (unpublished photos then `attached_media`), all from public URLs, published to a Page feed with
 * the Page token; delete; finding recent posts; post counts and Page followers. Every rule cites developers.facebook.com.
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
      },
      sets: [
        // One photo (`/{page-id}/photos`) or several attached to one feed post
        // (https://developers.facebook.com/docs/pages-api/posts, Publish a photo / multi-photo post).
        { format: 'feed', kinds: ['image'], min: 1, max: FACEBOOK_MAX_PHOTOS },
      ],
      // Photos are given by public `url` (https://developers.facebook.com/docs/graph-api/reference/page/photos/);
      // byte uploads (multipart `source`) are not built yet.
      sources: ['url'],
    },
    formats: ['feed'],
    threads: false,
    polls: false,
    firstComment: false,
    // A `link` parameter makes a link preview attachment; URLs in the message are clickable too
    // (https://developers.facebook.com/docs/graph-api/reference/page/feed).
    links: 'attachment',
    nativeScheduling: false,
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
    engagement: { read: ['comment', 'reply', 'mention'], reply: true, hide: true, delete: true },
    // Page `feed` comments and `mention`s, verified with the app secret
    // (https://developers.facebook.com/docs/graph-api/webhooks/reference/page/): when one is set.
    webhooks: settings.webhooks === true,
    // No idempotency key and no duplicate signal here; the Page's recent posts can be listed
    // (`GET /{page-id}/posts`; https://developers.facebook.com/docs/graph-api/reference/page/feed).
    reconciliation: { idempotencyKey: false, findRecentPosts: true, duplicateSignal: false },
    // Page tokens from a long-lived user token do not expire and cannot be refreshed
    // (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
    auth: { flavour: 'oauth2', refreshable: false, refreshTokenRotates: false },
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
      },
    },
  };
}
