import {
  graphError,
  graphInstant,
  graphTime,
  listParam,
  nonexistingField,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import type { SimulatedAccount, SimulatedPost } from '@smmkit/testkit';
import { growingCount } from '@smmkit/testkit/simulator-kit';
import { insightsDayEndAfter, insightsDayStart, insightsDayStartBefore } from '../../insights-day.js';
import { isPagePost } from '../comments-store.js';
import { type FacebookContext, requireUserGrants } from '../context.js';
import { postNamed, videoNamed } from '../video-posts.js';

/** Simulated growth per hour of a fresh post's insights (made-up figures, see testkit `growingCount`). */
const PER_HOUR = { views: 500, viewers: 300, clicks: 20 } as const;
/**
 * Reactions per hour: the rate the post node's `reactions.summary` grows at (routes/posts.ts), so
 * the reactions by type add up to the post's reaction count.
 */
const REACTIONS_PER_HOUR = 40;

/** Post metrics served, lifetime only (https://developers.facebook.com/docs/graph-api/reference/insights, Page Post metrics). */
const POST_METRICS = [
  'post_total_media_view_unique',
  'post_media_view',
  'post_clicks',
  'post_clicks_by_type',
  'post_reactions_by_type_total',
] as const;
/** Page metrics served, by day (same page, Page metrics). */
const PAGE_METRICS = [
  'page_follows',
  'page_daily_follows',
  'page_media_view',
  'page_total_media_view_unique',
  'page_post_engagements',
] as const;
type PostMetric = (typeof POST_METRICS)[number];
type PageMetric = (typeof PAGE_METRICS)[number];

/** Insights need a Page with at least 100 likes (https://developers.facebook.com/docs/graph-api/reference/insights, Limitations). */
const MIN_FOLLOWERS = 100;
/** Most days one request may span (https://developers.facebook.com/docs/graph-api/reference/insights, Limitations: 90 days). */
const MAX_SPAN_MS = 90 * 86_400_000;

const TITLES: Readonly<Record<PostMetric | PageMetric, string>> = {
  post_total_media_view_unique: 'Lifetime Post Total Viewers',
  post_media_view: 'Lifetime Post Views',
  post_clicks: 'Lifetime Post Clicks',
  post_clicks_by_type: 'Lifetime Post Clicks by Type',
  post_reactions_by_type_total: 'Lifetime Total post Reactions by Type.',
  page_follows: 'Page Follows',
  page_daily_follows: 'Daily New Follows',
  page_media_view: 'Daily Page Views',
  page_total_media_view_unique: 'Daily Page Viewers',
  page_post_engagements: 'Daily Post Engagements',
};

const isPostMetric = (name: string): name is PostMetric => (POST_METRICS as readonly string[]).includes(name);
const isPageMetric = (name: string): name is PageMetric => (PAGE_METRICS as readonly string[]).includes(name);

/**
 * A metric Graph refuses: every name not served here, which includes the removed
 * `post_impressions*`, `page_impressions*`, `page_fans*`
 * (https://developers.facebook.com/documentation/pages-api/platforminsights/page/deprecated-metrics:
 * "The API will return an invalid metric error"). The wording is the one Graph clients see (ASSUMED).
 */
const invalidMetric = () =>
  graphError({ message: '(#100) The value must be a valid insights metric', code: 100 });

/** A post's lifetime value of `name` at `at` (0 before it was published). */
function postValue(post: SimulatedPost, name: PostMetric, at: number): number | Record<string, number> {
  const age = at - post.createdAt;
  const views = growingCount(post.id, 'post_media_view', age, PER_HOUR.views);
  const clicks = growingCount(post.id, 'post_clicks', age, PER_HOUR.clicks);
  switch (name) {
    case 'post_media_view':
      return views;
    case 'post_total_media_view_unique':
      return Math.min(views, growingCount(post.id, 'post_total_media_view_unique', age, PER_HOUR.viewers));
    case 'post_clicks':
      return clicks;
    case 'post_clicks_by_type':
      return nonZero({
        'link clicks': Math.floor(clicks / 3),
        'other clicks': clicks - Math.floor(clicks / 3),
      });
    case 'post_reactions_by_type_total': {
      const total = growingCount(post.id, 'reactions', age, REACTIONS_PER_HOUR);
      const like = Math.floor(total * 0.7);
      const love = Math.floor(total * 0.2);
      return nonZero({ like, love, wow: total - like - love });
    }
  }
}

/** Breakdowns only return non-zero values (https://developers.facebook.com/docs/graph-api/reference/insights, Limitations). */
const nonZero = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));

/** A Page's value of `name` for the day ending at `end` (a Pacific midnight, see insights-day.ts). */
function pageValue(context: FacebookContext, page: SimulatedAccount, name: PageMetric, end: number): number {
  if (name === 'page_follows') return page.followers;
  if (name === 'page_daily_follows') return growingCount(page.id, `follows:${end}`, 3_600_000, 5);
  const start = insightsDayStartBefore(end);
  const grown = (post: SimulatedPost, metric: PostMetric) =>
    Number(postValue(post, metric, end)) - Number(postValue(post, metric, start));
  let total = 0;
  for (const post of context.sim.posts.filter((item) => isPagePost(item) && item.accountId === page.id)) {
    if (name === 'page_media_view') total += grown(post, 'post_media_view');
    else if (name === 'page_total_media_view_unique') total += grown(post, 'post_total_media_view_unique');
    else {
      const reactions = (at: number) =>
        growingCount(post.id, 'reactions', at - post.createdAt, REACTIONS_PER_HOUR);
      total += grown(post, 'post_clicks') + reactions(end) - reactions(start);
    }
  }
  return total;
}

/** The last instant a `Date` holds (8.64e15 ms) less two days, so a day's end after it is one too. */
const LAST_DATE_MS = 8.64e15 - 2 * 86_400_000;

/** Whether `ms` is an instant whose day, and the day after, a `Date` can hold. */
const isDateTime = (ms: number): boolean => Math.abs(ms) <= LAST_DATE_MS;

/**
 * The ends of the days a Page request covers: `since`/`until` (Unix seconds or a date, see
 * `graphInstant`), else the last two days; throws Graph's refusal of a bad or too long span. A day
 * ends at a Pacific midnight, 23 or 25 hours after the one before on US daylight-saving changes
 * (insights-day.ts says why).
 */
function dayEnds(since: string | undefined, until: string | undefined, now: number): number[] {
  const invalidTimes = () =>
    graphError({ message: '(#100) The since and until parameters must be valid times', code: 100 });
  const to = until === undefined ? insightsDayStart(now) : graphInstant(until);
  if (!isDateTime(to)) throw invalidTimes();
  // Without `since`: the start of the day before the last day that ended by `to`.
  const from =
    since === undefined
      ? insightsDayStartBefore(insightsDayStartBefore(insightsDayStart(to)))
      : graphInstant(since);
  if (!isDateTime(from) || from > to) throw invalidTimes();
  if (to - from > MAX_SPAN_MS)
    throw graphError({
      message: '(#100) There cannot be more than 90 days (7776000 s) between since and until',
      code: 100,
    });
  // The days whose end lies in (from, to].
  const ends: number[] = [];
  for (let end = insightsDayEndAfter(from); end <= to; end = insightsDayEndAfter(end)) ends.push(end);
  return ends;
}

/**
 * `GET /{v}/{object-id}/insights?metric=…&period=…` (https://developers.facebook.com/docs/graph-api/reference/insights):
 * `{data:[{name, period, values:[{value, end_time?}], title, description, id}]}` for one of the
 * token's Page posts (lifetime metrics; reactions and clicks by type as objects with only their
 * non-zero counts) or the Page itself (`day` values ending at midnight Pacific, the last two days
 * or `since`/`until` up to 90 days). Values grow with simulated time. A Page under 100 followers
 * gets every metric with empty `values`: no data (ASSUMED shape of "only available on Pages with
 * 100 or more likes"). A removed or unknown metric is Graph error 100; no metric at all is 3001
 * with subcode 1504028, as documented.
 *
 * @param context - the simulator's state and route registrar
 *
 * @example
 * ```ts
 * registerInsightRoutes(context);
 * ```
 */
export function registerInsightRoutes(context: FacebookContext): void {
  const { sim } = context;
  context.route('GET', '/:version/:objectId/insights', {}, ({ path, params, accountId, token, now }) => {
    const id = path.objectId ?? '';
    // A Video node has no insights edge (its own is video_insights); its Page post has.
    // Wording ASSUMED (reported by developers for /{video-id}/insights; not in Meta's docs).
    if (videoNamed(sim.posts, id) !== undefined) return nonexistingField(['insights'], new Set(), 'Video');
    const post = postNamed(sim.posts, id, now);
    const page = isPagePost(post) ? sim.accounts.get(post.accountId) : sim.accounts.get(id);
    if (page === undefined || page.id !== accountId) return unsupportedRequest('GET', id);
    // "Permissions read_insights, pages_read_engagement" and "the ANALYZE task", for Pages and
    // their posts alike (https://developers.facebook.com/docs/graph-api/reference/page/insights/).
    requireUserGrants(context, token, ['read_insights', 'pages_read_engagement'], ['ANALYZE']);
    const metrics = listParam(params, 'metric');
    if (metrics.length === 0)
      return graphError({
        message:
          'No metric was specified to be fetched. Please specify one or more metrics to be fetched and try again.',
        code: 3001,
        subcode: 1504028,
      });
    const withData = page.followers >= MIN_FOLLOWERS;
    const insight = (name: string, period: string, values: readonly Record<string, unknown>[]) => ({
      name,
      period,
      values: withData ? values : [],
      title: TITLES[name as PostMetric | PageMetric],
      description: TITLES[name as PostMetric | PageMetric],
      id: `${id}/insights/${name}/${period}`,
    });
    if (isPagePost(post)) {
      if (!metrics.every(isPostMetric)) return invalidMetric();
      const period = params.get('period') ?? 'lifetime';
      if (period !== 'lifetime') return graphError({ message: '(#100) Invalid period', code: 100 });
      return Response.json({
        data: metrics.map((name) => insight(name, period, [{ value: postValue(post, name, now) }])),
      });
    }
    if (!metrics.every(isPageMetric)) return invalidMetric();
    if ((params.get('period') ?? 'day') !== 'day')
      return graphError({ message: '(#100) Invalid period', code: 100 });
    const ends = dayEnds(params.get('since'), params.get('until'), now);
    return Response.json({
      data: metrics.map((name) =>
        insight(
          name,
          'day',
          ends.map((end) => ({ value: pageValue(context, page, name, end), end_time: graphTime(end) })),
        ),
      ),
    });
  });
}
