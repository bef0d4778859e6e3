import * as z from 'zod/mini';

/**
 * smmkit's metric names. Adapters map each platform metric onto one of these and keep the
 * platform's own name in `MetricSample.rawName`; a platform metric that fits none is not mapped.
 * `CANONICAL_METRIC_DESCRIPTIONS` says what each one means.
 */
export const CANONICAL_METRICS = [
  'impressions',
  'reach',
  'likes',
  'reactions',
  'comments',
  'shares',
  'quotes',
  'saves',
  'clicks',
  'link_clicks',
  'profile_visits',
  'video_views',
  'video_completions',
  'engagements',
  'followers',
  'following',
  'posts_count',
] as const;

/** One of {@link CANONICAL_METRICS}. */
export type CanonicalMetric = (typeof CANONICAL_METRICS)[number];

/** A canonical metric name; rejects anything outside {@link CANONICAL_METRICS}. */
export const CanonicalMetricSchema = /* @__PURE__ */ z.enum(CANONICAL_METRICS);

/**
 * What each canonical metric counts, precisely, with the platform metrics that map onto it
 * (names from the shared platform facts: X public/non-public metrics, LinkedIn share statistics,
 * Instagram and Facebook insights, TikTok Display API, Mastodon Status counts).
 */
export const CANONICAL_METRIC_DESCRIPTIONS: Readonly<Record<CanonicalMetric, string>> = Object.freeze({
  impressions:
    'Times the content was shown, counting repeat views by the same account. X impression_count, ' +
    'LinkedIn impressionCount, Instagram `views` and Facebook `post_media_view` (Meta replaced impressions with views).',
  reach:
    'Unique accounts that saw the content at least once. Instagram `reach`, LinkedIn uniqueImpressionsCount ' +
    'or MEMBERS_REACHED, Facebook `post_total_media_view_unique`.',
  likes:
    'Likes, favourites and reactions of the "like" kind only. X like_count, Instagram like_count, ' +
    'TikTok like_count, Mastodon favourites_count, LinkedIn likeCount.',
  reactions:
    'All reaction kinds together, on platforms that have several (LinkedIn LIKE/PRAISE/EMPATHY/…, ' +
    'Facebook reactions); includes the likes counted under `likes`.',
  comments:
    'Comments and replies on the content. X reply_count, LinkedIn commentCount, Instagram `comments`, ' +
    'TikTok comment_count, Mastodon replies_count.',
  shares:
    'Reposts, retweets, reshares, reblogs and shares. X retweet_count or repost_count, LinkedIn shareCount, ' +
    'Mastodon reblogs_count, Instagram/Facebook/TikTok shares. Quote posts are counted under `quotes`.',
  quotes: 'Quote posts that embed the content with new commentary (X quote_count).',
  saves: 'Bookmarks and saves. X bookmark_count, Instagram `saved`.',
  clicks:
    'All clicks on the content (links, media, profile, "see more"). LinkedIn clickCount, Facebook `post_clicks`.',
  link_clicks: 'Clicks on a link in the content only. X url_link_clicks.',
  profile_visits: "Visits to the author's profile from the content. X user_profile_clicks.",
  video_views:
    "Video plays by the platform's own definition of a view (which differs per platform). X video view_count, " +
    'TikTok view_count.',
  video_completions: 'Plays watched to the end. X playback_100_count.',
  engagements:
    "The platform's own total-interactions count, as reported (not a smmkit sum). X `engagements`, " +
    'Instagram `total_interactions`, Facebook `page_post_engagements`. LinkedIn `engagement` is a rate, ' +
    'not a count, and is not mapped here.',
  followers:
    'Accounts following the account, at the time observed. X followers_count, Instagram followers_count, ' +
    'TikTok follower_count, Facebook `page_follows`.',
  following: 'Accounts the account follows, at the time observed. TikTok following_count, X following_count.',
  posts_count:
    'Posts the account has published, at the time observed. Instagram media_count, TikTok video_count, ' +
    'X tweet_count.',
});
