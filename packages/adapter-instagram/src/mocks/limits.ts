/** One hour, ms. */
export const HOUR_MS = 60 * 60_000;

/** One day, ms. */
export const DAY_MS = 24 * HOUR_MS;

/** Long-lived user tokens last about 60 days (meta-common.md "Tokens": `expires_in≈5183944`). */
export const LONG_LIVED_TOKEN_TTL_S = 5_183_944;

/** Instagram Login long-lived tokens: 60 days (meta-common.md "Tokens"). */
export const IG_LONG_LIVED_TOKEN_TTL_S = 5_184_000;

/** Instagram Login short-lived tokens: 1 hour (meta-common.md "Tokens"). */
export const SHORT_LIVED_TOKEN_TTL_MS = HOUR_MS;

/** An Instagram Login token can be refreshed once it is 24 h old (meta-common.md "Tokens"). */
export const REFRESH_MIN_AGE_MS = DAY_MS;

/** Caption limit (instagram.md "Limits"). */
export const MAX_CAPTION_LENGTH = 2_200;

/** Carousel children (instagram.md "Publish": 2–10). */
export const MIN_CAROUSEL_CHILDREN = 2;

/** Carousel children (instagram.md "Publish": 2–10). */
export const MAX_CAROUSEL_CHILDREN = 10;

/** Reel collaborators (instagram.md "Publish": ≤ 3). */
export const MAX_COLLABORATORS = 3;

/** Containers per account per rolling 24 h (instagram.md "Quotas"). */
export const CONTAINERS_PER_DAY = 400;

/** A container not published within 24 h expires (instagram.md "Publish" step 2). */
export const CONTAINER_TTL_MS = DAY_MS;

/** Default published-posts quota per rolling 24 h (instagram.md "Quotas": 50 or 100; the brief picks 100). */
export const DEFAULT_QUOTA_TOTAL = 100;

/** `quota_duration` of content_publishing_limit, seconds (instagram.md "Quotas"). */
export const QUOTA_DURATION_S = 86_400;

/** Default page size of edges (Graph's usual 25; ASSUMED for every edge). */
export const DEFAULT_PAGE_SIZE = 25;

/** Largest `limit` an edge accepts (ASSUMED). */
export const MAX_PAGE_SIZE = 100;

/** Versions look like `v25.0` (meta-common.md "Hosts and versions"). */
export const VERSION_PATTERN = /^v\d+\.\d+$/;
