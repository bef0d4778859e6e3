// The metrics of `GET /{ig-media-id}/insights`, the media product types each is offered on, and
// the breakdowns each takes, as the Instagram Media Insights reference lists them
// (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights,
// Metrics and Breakdown).

/** `media_product_type` of a published media. */
export type ProductType = 'FEED' | 'REELS' | 'STORY';

/** What the reference says of one media metric, and what the simulator answers for it. */
interface MediaMetricSpec {
  /** `title` of the answer. */
  readonly title: string;
  /** `description` of the answer. */
  readonly description: string;
  /** The media product types it is offered on. */
  readonly products: readonly ProductType[];
  /** The one breakdown it takes, if any. */
  readonly breakdown?: MediaBreakdown | undefined;
}

/**
 * The breakdowns of media insights and their dimension values as the sample answers spell them
 * (lower case): `action_type` "Only compatible with the profile_activity metric" (BIO_LINK_CLICKED,
 * CALL, DIRECTION, EMAIL, OTHER, TEXT); `story_navigation_action_type`, the navigation actions
 * taken on a story (TAP_BACK, TAP_EXIT, TAP_FORWARD, SWIPE_FORWARD)
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights, Breakdown).
 */
export const MEDIA_BREAKDOWNS = {
  action_type: ['bio_link_clicked', 'call', 'direction', 'email', 'other', 'text'],
  story_navigation_action_type: ['tap_forward', 'tap_back', 'tap_exit', 'swipe_forward'],
} as const;

/** A breakdown of media insights. */
export type MediaBreakdown = keyof typeof MEDIA_BREAKDOWNS;

const FEED_REELS_STORY: readonly ProductType[] = ['FEED', 'REELS', 'STORY'];
const FEED_REELS: readonly ProductType[] = ['FEED', 'REELS'];
const FEED_STORY: readonly ProductType[] = ['FEED', 'STORY'];

/**
 * The media metrics the simulator serves, in the order the reference lists them, with the
 * product types the reference's Metrics table gives each. `replies` and `navigation` are a
 * story's only, `likes`, `comments` and `saved` a feed post's and a reel's, the watch times a
 * reel's, `follows`, `profile_visits` and `profile_activity` a feed post's and a story's
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights).
 * Titles and descriptions follow the reference's wording where it has one (ASSUMED otherwise).
 */
export const MEDIA_METRIC_SPECS = {
  comments: {
    title: 'Comments',
    description: 'The number of comments on your post.',
    products: FEED_REELS,
  },
  follows: {
    title: 'Follows',
    description: 'The number of accounts that started following you.',
    products: FEED_STORY,
  },
  ig_reels_avg_watch_time: {
    title: 'Average watch time',
    description: 'The average amount of time spent playing the reel, in milliseconds.',
    products: ['REELS'],
  },
  ig_reels_video_view_total_time: {
    title: 'Watch time',
    description: 'The total amount of time the reel was played, including replays, in milliseconds.',
    products: ['REELS'],
  },
  likes: { title: 'Likes', description: 'The number of likes on your post.', products: FEED_REELS },
  navigation: {
    title: 'Navigation',
    description:
      'This is the total number of actions taken from your story. These are made up of metrics like exited, forward, back and next story.',
    products: ['STORY'],
    breakdown: 'story_navigation_action_type',
  },
  profile_activity: {
    title: 'Profile activity',
    description:
      'The number of actions people take when they visit your profile after engaging with your post.',
    products: FEED_STORY,
    breakdown: 'action_type',
  },
  profile_visits: {
    title: 'Profile visits',
    description: 'The number of times your profile was visited.',
    products: FEED_STORY,
  },
  reach: {
    title: 'Accounts reached',
    description: 'The number of unique accounts that have seen this media at least once.',
    products: FEED_REELS_STORY,
  },
  replies: {
    title: 'Replies',
    description: 'The number of replies to your story.',
    products: ['STORY'],
  },
  saved: { title: 'Saved', description: 'The number of saves of your post.', products: FEED_REELS },
  shares: { title: 'Shares', description: 'The number of shares of your post.', products: FEED_REELS_STORY },
  total_interactions: {
    title: 'Interactions',
    description:
      'The number of likes, saves, comments and shares on your post minus the number of unlikes, unsaves and deleted comments; on a story, its replies and shares.',
    products: FEED_REELS_STORY,
  },
  views: {
    title: 'Views',
    description: 'The number of times this media was played or displayed.',
    products: FEED_REELS_STORY,
  },
} as const satisfies Record<string, MediaMetricSpec>;

/** A media metric the simulator serves. */
export type MediaMetric = keyof typeof MEDIA_METRIC_SPECS;

/** Whether `name` is a media metric the simulator serves. */
export const isMediaMetric = (name: string): name is MediaMetric => Object.hasOwn(MEDIA_METRIC_SPECS, name);

/** Whether `name` is a breakdown of media insights. */
export const isMediaBreakdown = (name: string): name is MediaBreakdown =>
  Object.hasOwn(MEDIA_BREAKDOWNS, name);

/** The breakdown `metric` takes, if any. */
export function breakdownOf(metric: MediaMetric): MediaBreakdown | undefined {
  const spec: MediaMetricSpec = MEDIA_METRIC_SPECS[metric];
  return spec.breakdown;
}

/** Whether `metric` is offered on media of `product`. */
export function offeredOn(metric: MediaMetric, product: ProductType): boolean {
  const spec: MediaMetricSpec = MEDIA_METRIC_SPECS[metric];
  return spec.products.includes(product);
}
