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

/** Caption limit (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
export const MAX_CAPTION_LENGTH = 2_200;

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
