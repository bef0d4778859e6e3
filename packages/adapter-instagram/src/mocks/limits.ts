/** One hour, ms. */
export const HOUR_MS = 60 * 60_000;

/** One day, ms. */
export const DAY_MS = 24 * HOUR_MS;

/** Instagram Login long-lived tokens: 60 days (https://developers.facebook.com/docs/instagram-platform/reference/access_token). */
export const IG_LONG_LIVED_TOKEN_TTL_S = 5_184_000;

/** Instagram Login short-lived tokens: 1 hour (https://developers.facebook.com/docs/instagram-platform/reference/oauth-access-token). */
export const SHORT_LIVED_TOKEN_TTL_MS = HOUR_MS;

/**
 * An Instagram Login token can be refreshed once it is 24 h old
 * (https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token).
 */
export const REFRESH_MIN_AGE_MS = DAY_MS;

/**
 * Stories are read for 24 hours: "Stories are only available for 24 hours"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/stories),
 * and so are their insights: "Story media metrics are only available for 24 hours"
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights).
 */
export const STORY_LIFETIME_MS = DAY_MS;

/**
 * "Story media metrics with values less than 5 return an error code 10 with the message (#10)
 * Not enough viewers for the media to show insights"
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights,
 * Limitations). Which value counts is not said: the simulator reads it as the story's `reach`,
 * the accounts that saw it (ASSUMED).
 */
export const STORY_INSIGHTS_MIN_VIEWERS = 5;

/** Caption limit (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
export const MAX_CAPTION_LENGTH = 2_200;

/**
 * Hashtags in a caption: at most 30 ("Maximum 2200 characters, 30 hashtags, and 20 @ tags",
 * `caption` of https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
 */
export const MAX_CAPTION_HASHTAGS = 30;

/** @ tags in a caption: at most 20 (the same `caption` parameter; error 100/2207040 on the error-codes page). */
export const MAX_CAPTION_TAGS = 20;

/** Carousel children: 2 to 10 (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
export const MIN_CAROUSEL_CHILDREN = 2;

/** Carousel children: 2 to 10 (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
export const MAX_CAROUSEL_CHILDREN = 10;

/** Reel collaborators: at most 3 (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
export const MAX_COLLABORATORS = 3;

/** Containers per account per rolling 24 h (https://developers.facebook.com/docs/instagram-platform/content-publishing, Limitations). */
export const CONTAINERS_PER_DAY = 400;

/** A container not published within 24 h expires (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
export const CONTAINER_TTL_MS = DAY_MS;

/**
 * Default published-posts quota per rolling 24 h: Meta's pages say 50 or 100; the simulator
 * picks 100 (https://developers.facebook.com/docs/instagram-platform/content-publishing).
 */
export const DEFAULT_QUOTA_TOTAL = 100;

/** `quota_duration` of content_publishing_limit, seconds (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
export const QUOTA_DURATION_S = 86_400;

/**
 * Unique hashtags an IG user may query within a rolling 7 days: 30
 * (https://developers.facebook.com/docs/instagram-api/guides/hashtag-search, Limitations).
 */
export const HASHTAG_QUERY_LIMIT = 30;

/** The rolling window of {@link HASHTAG_QUERY_LIMIT}: 7 days. */
export const HASHTAG_QUERY_WINDOW_MS = 7 * DAY_MS;

/**
 * `recent_media` "Only returns media objects published within 24 hours of query execution"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag/recent-media).
 */
export const RECENT_MEDIA_WINDOW_MS = DAY_MS;

/**
 * `recent_media` pages: "a maximum limit of 50 results per page"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag/recent-media).
 */
export const RECENT_MEDIA_MAX_PAGE = 50;

/**
 * `recently_searched_hashtags` "returns 25 results per page by default, but you can use the
 * limit parameter to get up to 30 per page"
 * (https://developers.facebook.com/docs/instagram-api/reference/ig-user/recently_searched_hashtags).
 */
export const RECENTLY_SEARCHED_MAX_PAGE = 30;
