import { ValidationError } from '../errors/validation-error.js';
import type { CanonicalMetric } from '../models/metric-vocabulary.js';
import { followersAt } from './account-figures.js';
import { isPostKpi, POST_KPIS, type PostKpi, type PostMeasure, postKpiOf } from './kpis.js';
import { at, METRIC_COUNT, metricRecord, metricSlot, orNull } from './metric-slots.js';
import { CompiledPostFilter, type PostFilter } from './post-filter.js';
import type { PostMeta } from './post-meta.js';
import type { SampleStore } from './sample-store.js';

/** One post with its latest metrics and KPIs. Missing data is `null`, never 0. */
export interface PostSummary {
  /** Platform id. */
  readonly platform: string;
  /** The account that published it. */
  readonly accountId: string;
  /** The platform's post id. */
  readonly platformPostId: string;
  /** Its metadata, when given (posts known only from samples have none). */
  readonly meta?: PostMeta;
  /** Latest value of each canonical metric (lifetime, or the sum of its `day` values). */
  readonly metrics: Readonly<Record<CanonicalMetric, number | null>>;
  /**
   * Per-post KPIs; formulas on {@link POST_KPIS}. Followers for `engagementRateByFollowers` are
   * the account's latest reading before `until` (or the latest at all).
   */
  readonly kpis: Readonly<Record<PostKpi, number | null>>;
}

/** Options of `Analytics.topPosts`. */
export interface TopPostsOptions extends PostFilter {
  /** The metric or per-post KPI to rank by. */
  readonly by: PostMeasure;
  /** How many posts to return (default 10). */
  readonly n?: number | undefined;
  /** `desc` (default) for the best first, `asc` for the worst first. */
  readonly order?: 'desc' | 'asc' | undefined;
}

/** A ranked post: its summary and the value it was ranked by. */
export interface TopPost extends PostSummary {
  /** The post's value of the ranking measure. */
  readonly value: number;
}

/**
 * The value of `measure` for a post, given its metric row; `NaN` for no data. Also used by the
 * heatmap.
 */
export function measureOf(measure: PostMeasure, metrics: Float64Array, followers: number): number {
  if (isPostKpi(measure)) return postKpiOf(measure, metrics, followers);
  return at(metrics, metricSlot(measure));
}

/** Throws unless `measure` is a canonical metric or a per-post KPI. */
export function checkMeasure(measure: string, path: string): void {
  if (isPostKpi(measure) || metricSlot(measure) >= 0) return;
  throw new ValidationError(
    [
      {
        path: [path],
        rule: 'analytics.measure',
        message: `"${measure}" is neither a canonical metric nor a post KPI`,
      },
    ],
    'analytics options',
  );
}

function summarize(store: SampleStore, post: number, metrics: Float64Array, followers: number): PostSummary {
  const account = store.postAccount[post] ?? -1;
  const kpis = {} as Record<PostKpi, number | null>;
  for (const kpi of POST_KPIS) kpis[kpi] = orNull(postKpiOf(kpi, metrics, followers));
  const summary = {
    platform: store.accountPlatform[account] ?? '',
    accountId: store.accountId[account] ?? '',
    platformPostId: store.postId[post] ?? '',
    metrics: metricRecord(metrics),
    kpis,
  };
  const meta = store.postMeta[post];
  return meta === undefined ? summary : { ...summary, meta };
}

/**
 * Calls `visit` with each post that passes `filter`, its metric row (reused), its account's
 * followers as of the filter's end (read once per account) and its publication time in ms
 * (`NaN` without `PostMeta`). With `needsTime`, posts without a publication time are left out.
 */
export function forEachPost(
  store: SampleStore,
  filter: PostFilter,
  visit: (post: number, metrics: Float64Array, followers: number, published: number) => void,
  needsTime = false,
): void {
  const compiled = new CompiledPostFilter(filter);
  const scratch = new Float64Array(METRIC_COUNT);
  const followers = new Map<number, number>();
  for (let post = 0; post < store.postCount; post++) {
    const published = compiled.publishedAt(store, post, needsTime);
    if (published === undefined) continue;
    const account = store.postAccount[post] ?? -1;
    let accountFollowers = followers.get(account);
    if (accountFollowers === undefined) {
      accountFollowers = followersAt(store, account, compiled.until);
      followers.set(account, accountFollowers);
    }
    visit(post, store.readPost(post, scratch), accountFollowers, published);
  }
}

/** Every post that passes `filter`, in the order first seen, with its metrics and KPIs. */
export function listPosts(store: SampleStore, filter: PostFilter = {}): PostSummary[] {
  const posts: PostSummary[] = [];
  forEachPost(store, filter, (post, metrics, followers) => {
    posts.push(summarize(store, post, metrics, followers));
  });
  return posts;
}

/**
 * The `n` posts with the highest (or lowest) value of a metric or per-post KPI. Posts without a
 * value for it are left out, not ranked as 0; ties keep the order first seen.
 *
 * @throws ValidationError for an unknown measure
 */
export function topPosts(store: SampleStore, options: TopPostsOptions): TopPost[] {
  checkMeasure(options.by, 'by');
  const n = options.n ?? 10;
  const sign = options.order === 'asc' ? 1 : -1;
  const ranked: { post: number; value: number; followers: number }[] = [];
  forEachPost(store, options, (post, metrics, followers) => {
    const value = measureOf(options.by, metrics, followers);
    if (!Number.isNaN(value)) ranked.push({ post, value, followers });
  });
  ranked.sort((a, b) => sign * (a.value - b.value) || a.post - b.post);
  const scratch = new Float64Array(METRIC_COUNT);
  return ranked.slice(0, Math.max(0, n)).map(({ post, value, followers }) => ({
    ...summarize(store, post, store.readPost(post, scratch), followers),
    value,
  }));
}
