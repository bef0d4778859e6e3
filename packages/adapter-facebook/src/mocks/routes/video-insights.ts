import { graphError, listParam, unsupportedRequest } from '@smmkit/graph-api/mocks';
import type { CommentStore } from '../comments-store.js';
import { requireUserGrants } from '../context.js';
import { isLive } from '../publication.js';
import { type VideoEngagement, videoEngagement } from '../video-engagement.js';
import { type FacebookVideoContext, videoExtra, videoNamed } from '../video-posts.js';

/**
 * The Reels metrics a reel's `video_insights` edge answers, each `lifetime` only, with the title
 * and description Meta gives them (https://developers.facebook.com/docs/graph-api/reference/video/video_insights/,
 * Available Metrics, Reels Metrics; the titles are ASSUMED). `post_impressions_unique`, in the same
 * table, is left out: see {@link invalidMetric}.
 */
const REEL_METRICS = {
  blue_reels_play_count: [
    'Lifetime Reel Plays',
    'The number of times your reel starts to play after an impression is already counted. This metric counts reels sessions with 1 millisecond or more of playback. This metric excludes replays.',
  ],
  post_video_avg_time_watched: [
    'Lifetime Average Time Reel Played',
    'The average number of milliseconds your reel was played during a single instance of playing it, including time spent replaying your reel.',
  ],
  post_video_likes_by_reaction_type: ['Lifetime Reel Likes', 'The number of likes on your reel.'],
  post_video_social_actions: [
    'Lifetime Reel Comments and Shares',
    'The number of comments on your reel and the number of times your reel was shared.',
  ],
  post_video_view_time: [
    'Lifetime Reel Play Time',
    'The total number of milliseconds your reel played, including time spent replaying your reel.',
  ],
} as const;

/**
 * Video metrics answered for any video, reels included (same page, Video Metrics; titles and
 * descriptions of the first two as the Video API insights guide's sample answer prints them:
 * https://developers.facebook.com/docs/video-api/guides/insights; the rest ASSUMED).
 */
const VIDEO_METRICS = {
  total_video_views: [
    'Lifetime Total Video Views',
    'Lifetime: Total number of times your video was viewed for 3 seconds or viewed to the end, whichever came first. (Total Count)',
  ],
  total_video_views_unique: [
    'Lifetime Unique Video Views',
    'Lifetime: Number of unique people who viewed your video for 3 seconds or viewed to the end, whichever came first. (Unique Users)',
  ],
  total_video_avg_time_watched: [
    'Lifetime Average time video viewed',
    'The average time, in milliseconds, people viewed your videos.',
  ],
  total_video_view_total_time: [
    'Lifetime Total Video View Time',
    'The total time, in milliseconds, people viewed your videos.',
  ],
} as const;

type ReelMetric = keyof typeof REEL_METRICS;
type VideoMetric = keyof typeof VIDEO_METRICS;
type Metric = ReelMetric | VideoMetric;
const DESCRIBED: Readonly<Record<Metric, readonly [string, string]>> = { ...REEL_METRICS, ...VIDEO_METRICS };

/** Share of plays that last 3 seconds (a made-up figure). */
const THREE_SECOND_SHARE = 0.6;

/**
 * A metric Graph refuses: every name not served here, including `post_impressions_unique`, which
 * the Reels table still lists but Meta removed for all versions ("The API will return an invalid
 * metric error": https://developers.facebook.com/documentation/pages-api/platforminsights/page/deprecated-metrics;
 * ASSUMED to hold on `video_insights` too), and a Reels metric asked of a video that is not a reel
 * (ASSUMED: the Reels metrics are documented "for a reel"). Wording as insights.ts (ASSUMED).
 */
const invalidMetric = () =>
  graphError({ message: '(#100) The value must be a valid insights metric', code: 100 });

/** A metric's lifetime value from a video's engagement. */
function metricValue(name: Metric, engagement: VideoEngagement): number | Record<string, number> {
  const views = Math.floor(engagement.plays * THREE_SECOND_SHARE);
  const average = engagement.plays === 0 ? 0 : Math.round(engagement.viewTimeMs / engagement.plays);
  switch (name) {
    case 'blue_reels_play_count':
      return engagement.plays;
    case 'post_video_avg_time_watched':
    case 'total_video_avg_time_watched':
      return average;
    case 'post_video_view_time':
    case 'total_video_view_total_time':
      return engagement.viewTimeMs;
    case 'post_video_likes_by_reaction_type':
      // Keys as Graph clients report them (ASSUMED: Meta does not print the value's shape).
      return nonZero({ REACTION_LIKE: engagement.likes, REACTION_LOVE: engagement.loves });
    case 'post_video_social_actions':
      // Keys as Graph clients report them (ASSUMED, as above).
      return nonZero({ COMMENT: engagement.comments, SHARE: engagement.shares });
    case 'total_video_views':
      return views;
    case 'total_video_views_unique':
      return Math.min(views, engagement.viewers);
  }
}

/** Breakdowns only return non-zero values (https://developers.facebook.com/docs/graph-api/reference/insights, Limitations; ASSUMED alike here). */
const nonZero = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));

/**
 * `GET /{v}/{video-id}/video_insights?metric=…&period=lifetime` for a video or reel of the token's
 * Page (https://developers.facebook.com/docs/graph-api/reference/video/video_insights/) →
 * `{data: [{name, period: 'lifetime', values: [{value}], title, description, id:
 * '{video-id}/video_insights/{name}/lifetime'}]}`, the shape of the Video API insights guide's
 * sample (https://developers.facebook.com/docs/video-api/guides/insights):
 *
 * - a reel: the Reels metrics (`blue_reels_play_count`, `post_video_avg_time_watched`,
 *   `post_video_likes_by_reaction_type` and `post_video_social_actions` as objects of non-zero
 *   counts, `post_video_view_time`) and the video metrics below;
 * - any video: `total_video_views`, `total_video_views_unique`, `total_video_avg_time_watched`,
 *   `total_video_view_total_time`.
 *
 * Without `metric`, every metric the video has (as the guide's request without one answers).
 * Every metric is `lifetime` only (the reference's "Values for period"); another `period` is
 * refused (ASSUMED wording, as insights.ts), as is a metric not served (see {@link invalidMetric}).
 * A video not live yet (processing, scheduled, a draft) has every metric with empty `values`: no
 * data (ASSUMED). Values grow with simulated time, and the comments are those of the comment store.
 * Another Page's video, or an id that is no video, is "Unsupported request". Takes the ANALYZE
 * task, which the reference and the guide both ask for (their permissions differ:
 * `read_insights` and `pages_manage_engagement` there, `pages_read_engagement` in the guide, so
 * the simulator asks for none of them).
 *
 * @param context - the video context
 * @param comments - the comment store
 *
 * @example
 * ```ts
 * registerVideoInsightRoutes(context, comments);
 * ```
 */
export function registerVideoInsightRoutes(context: FacebookVideoContext, comments: CommentStore): void {
  const { sim } = context;
  context.route('GET', '/:version/:videoId/video_insights', {}, ({ path, params, accountId, token, now }) => {
    const id = path.videoId ?? '';
    const post = videoNamed(sim.posts, id);
    const video = post === undefined ? undefined : videoExtra(post);
    if (post === undefined || video?.kind === '' || post.accountId !== accountId)
      return unsupportedRequest('GET', id);
    requireUserGrants(context, token, [], ['ANALYZE']);
    const served: readonly Metric[] = [
      ...(video?.kind === 'reel' ? (Object.keys(REEL_METRICS) as ReelMetric[]) : []),
      ...(Object.keys(VIDEO_METRICS) as VideoMetric[]),
    ];
    const asked = listParam(params, 'metric');
    const metrics: readonly string[] = asked.length === 0 ? served : asked;
    if (!metrics.every((name): name is Metric => (served as readonly string[]).includes(name)))
      return invalidMetric();
    if ((params.get('period') ?? 'lifetime') !== 'lifetime')
      return graphError({ message: '(#100) Invalid period', code: 100 });
    const live = isLive(post, now);
    const engagement = videoEngagement(post, comments, now);
    return Response.json({
      data: metrics.map((name) => ({
        name,
        period: 'lifetime',
        values: live ? [{ value: metricValue(name, engagement) }] : [],
        title: DESCRIBED[name][0],
        description: DESCRIBED[name][1],
        id: `${id}/video_insights/${name}/lifetime`,
      })),
    });
  });
}
