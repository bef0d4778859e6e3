import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import type { CanonicalMetric } from '../models/metric-vocabulary.js';
import { type AccountFigures, accountFigures, followersAt } from './account-figures.js';
import { type Dimension, POST_DIMENSIONS } from './dimensions.js';
import { unknownKpiProblems } from './kpi-problems.js';
import { KPIS, type Kpi, ratio } from './kpis.js';
import { addPresent, METRIC_COUNT, metricRecord, orNull } from './metric-slots.js';
import { CompiledPostFilter, type PostFilter } from './post-filter.js';
import { addAccountRows, type Group, GroupIndex } from './rollup-groups.js';
import type { SampleStore } from './sample-store.js';
import { TIME_GRAINS, type TimeGrain, type ZoneCalendar, zoneCalendar } from './time-buckets.js';

/** Options of `Analytics.rollup`. */
export interface RollupOptions<D extends Dimension = Dimension, K extends Kpi = Kpi> extends PostFilter {
  /** The dimensions to group by, in the order of the output (at most one time bucket). `[]` → one row. */
  readonly by: readonly D[];
  /** IANA zone of the time buckets and calendar days (default `UTC`). */
  readonly timeZone?: string | undefined;
  /** KPIs to compute (default: all of {@link KPIS}). Fewer is faster. */
  readonly kpis?: readonly K[] | undefined;
}

/** The time bucket of a rollup row. */
export interface RollupBucket {
  /** The bucket key, as in the row's dimensions (`2026-03-29`, `2026-W13`, …). */
  readonly key: string;
  /** First instant of the bucket. */
  readonly start: Date;
  /** First instant after the bucket (a DST day is 23 or 25 hours long). */
  readonly end: Date;
  /** Calendar days it covers (1 for any day, 7, the month's days, 1/24 for an hour). */
  readonly days: number;
}

/** One group of a rollup. Missing data is `null`, never 0. */
export interface RollupRow<D extends Dimension = Dimension, K extends Kpi = Kpi> {
  /** The group's value of each dimension; `null` when the posts have none (no campaign, no tags, no `PostMeta`). */
  readonly dimensions: { readonly [P in D]: string | null };
  /** The time bucket, when grouping by one. */
  readonly bucket?: RollupBucket;
  /** Posts in the group (a post with several tags counts once in each tag's group). */
  readonly posts: number;
  /** Σ of each post metric over the group's posts that have it; `null` when none has it. */
  readonly metrics: Readonly<Record<CanonicalMetric, number | null>>;
  /**
   * Σ of each account-scoped metric over the group's accounts for the period: point-in-time
   * counts (`followers`, `following`, `posts_count`) as of the period's end, `day` values summed
   * over the period (but daily `reach`, unique people, only for a period of one day: `null` for
   * longer ones, as days of reach do not add up), other `lifetime` values as of the end; `null`
   * when no account has it.
   * Computed on first read (an enumerable getter, so spreads and `JSON.stringify` include it).
   */
  readonly accountMetrics: Readonly<Record<CanonicalMetric, number | null>>;
  /** The requested KPIs; formulas on {@link KPIS}. */
  readonly kpis: { readonly [P in K]: number | null };
}

const DAY = 86_400_000;
const LABEL_DIMENSIONS: ReadonlySet<string> = new Set(['campaign', 'tag', 'variant', 'contentClass']);
const KNOWN_DIMENSIONS: ReadonlySet<string> = new Set([...POST_DIMENSIONS, ...TIME_GRAINS]);

function isTimeGrain(dimension: string): dimension is TimeGrain {
  return (TIME_GRAINS as readonly string[]).includes(dimension);
}

function checkOptions(by: readonly string[], kpis: readonly string[]): void {
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  by.forEach((dimension, index) => {
    if (!KNOWN_DIMENSIONS.has(dimension)) {
      problems.push({
        path: ['by', index],
        rule: 'analytics.dimension',
        message: `unknown dimension "${dimension}"`,
      });
    } else if (seen.has(dimension)) {
      problems.push({
        path: ['by', index],
        rule: 'analytics.dimension',
        message: `"${dimension}" is listed twice`,
      });
    }
    seen.add(dimension);
  });
  if (by.filter(isTimeGrain).length > 1) {
    problems.push({
      path: ['by'],
      rule: 'analytics.time_grain',
      message: 'group by at most one time bucket',
    });
  }
  kpis.forEach((kpi, index) => {
    problems.push(...unknownKpiProblems(kpi, ['kpis', index]));
  });
  if (problems.length > 0) throw new ValidationError(problems, 'rollup options');
}

/**
 * The calendar days a rollup without time buckets spans; `NaN` when it has no dated post. A
 * `since`–`until` window is measured in local wall-clock time of the zone, so a window from one
 * local midnight to another counts whole days even when a DST change makes one of them 23 or 25
 * hours long (as a `day` or `month` bucket does).
 */
function windowDays(filter: CompiledPostFilter, calendar: ZoneCalendar, first: number, last: number): number {
  if (Number.isFinite(filter.since) && Number.isFinite(filter.until)) {
    const since = filter.since + calendar.offsetAt(filter.since);
    const until = filter.until + calendar.offsetAt(filter.until);
    return (until - since) / DAY;
  }
  const from = Number.isFinite(filter.since) ? filter.since : first;
  const to = Number.isFinite(filter.until) ? filter.until - 1 : last;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return Number.NaN;
  return calendar.local(to).dayNumber - calendar.local(from).dayNumber + 1;
}

/**
 * Rolls the store up by `options.by`. Post metrics are each post's latest values, placed in time
 * by the post's `publishedAt`: a post without `PostMeta` appears only in rollups without a time
 * bucket and without `since`/`until`. Account metrics are placed by their period (`day` samples)
 * or observation time (`lifetime` samples). Rows are sorted by bucket start, then by dimension
 * values in `by` order (`null` last).
 *
 * @throws ValidationError for an unknown dimension or KPI, two time buckets, or an unknown zone
 */
export function rollup<D extends Dimension, K extends Kpi = Kpi>(
  store: SampleStore,
  options: RollupOptions<D, K>,
): RollupRow<D, K>[] {
  const by: readonly D[] = options.by;
  const kpis: readonly K[] = options.kpis ?? (KPIS as readonly Kpi[] as readonly K[]);
  checkOptions(by, kpis);
  const calendar = zoneCalendar(options.timeZone ?? 'UTC');
  const filter = new CompiledPostFilter(options);
  const grain: TimeGrain | undefined = (by as readonly Dimension[]).find(isTimeGrain);
  const tagged = (by as readonly Dimension[]).includes('tag');
  const labelled = by.some((dimension) => LABEL_DIMENSIONS.has(dimension));

  const index = new GroupIndex(store, by);
  const scratch = new Float64Array(METRIC_COUNT);
  const untagged: readonly (string | undefined)[] = [undefined];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;

  for (let post = 0; post < store.postCount; post++) {
    const published = filter.publishedAt(store, post, grain !== undefined);
    if (published === undefined) continue;
    const account = store.postAccount[post] ?? -1;
    const meta = store.postMeta[post];
    const dated = !Number.isNaN(published);
    if (dated) {
      if (published < first) first = published;
      if (published > last) last = published;
    }
    const bucket = grain === undefined ? undefined : calendar.bucket(grain, published);
    const metrics = store.readPost(post, scratch);
    const tags = tagged && meta?.tags !== undefined && meta.tags.length > 0 ? new Set(meta.tags) : untagged;
    for (const tag of tags) index.find(account, bucket, meta, tag).addPost(metrics, account, dated);
  }

  // Rows by post labels count the accounts of their posts; others every account of their scope.
  const scopeAccounts = labelled ? undefined : addAccountRows(store, filter, calendar, grain, index);
  const days = grain === undefined ? windowDays(filter, calendar, first, last) : Number.NaN;
  const rows: RollupRow<D, K>[] = [];
  for (const group of index.groups) {
    const start = group.bucket?.start ?? filter.since;
    const end = group.bucket?.end ?? filter.until;
    const accounts = scopeAccounts === undefined ? group.accounts : (scopeAccounts.get(group.scopeKey) ?? []);
    // Account figures cost a few searches per account and row: only computed when read.
    let figures: AccountFigures | undefined;
    const figuresOf = (): AccountFigures => {
      figures ??= accountFigures(store, accounts, start, end);
      return figures;
    };
    const kpiValues = {} as Record<K, number | null>;
    for (const kpi of kpis) {
      kpiValues[kpi] = orNull(kpiValue(kpi, group, figuresOf, group.bucket?.days ?? days, end, store));
    }
    let accountMetrics: Readonly<Record<CanonicalMetric, number | null>> | undefined;
    const row: RollupRow<D, K> = {
      dimensions: Object.fromEntries(by.map((dimension, i) => [dimension, group.values[i] ?? null])) as {
        readonly [P in D]: string | null;
      },
      posts: group.posts,
      metrics: metricRecord(group.sums),
      get accountMetrics() {
        accountMetrics ??= metricRecord(figuresOf().metrics);
        return accountMetrics;
      },
      kpis: kpiValues,
    };
    const bucket = group.bucket;
    // Object.assign keeps the getter above (a spread would run it).
    if (bucket !== undefined) {
      Object.assign(row, {
        bucket: {
          key: bucket.key,
          start: new Date(bucket.start),
          end: new Date(bucket.end),
          days: bucket.days,
        },
      });
    }
    rows.push(row);
  }
  return rows.sort(compareRows(by));
}

/**
 * Σ engagements of the posts whose account has followers at `end` ÷ Σ those accounts' followers.
 * An account with 0 followers is left out like one without a reading (no rate of its own).
 */
function engagementRateByFollowers(store: SampleStore, group: Group, end: number): number {
  let engagements = Number.NaN;
  let followers = Number.NaN;
  for (const [account, count] of group.engagementByAccount) {
    const accountFollowers = followersAt(store, account, end);
    if (!(accountFollowers > 0)) continue;
    engagements = addPresent(engagements, count);
    followers = addPresent(followers, accountFollowers);
  }
  return ratio(engagements, followers);
}

function kpiValue(
  kpi: Kpi,
  group: Group,
  figures: () => AccountFigures,
  days: number,
  end: number,
  store: SampleStore,
): number {
  switch (kpi) {
    case 'engagementRateByFollowers':
      return engagementRateByFollowers(store, group, end);
    case 'followersStart':
      return figures().followersStart;
    case 'followersEnd':
      return figures().followersEnd;
    case 'followerGrowth':
      return figures().followerGrowth;
    case 'followerGrowthRate':
      return figures().followerGrowthRate;
    case 'postsPerDay':
      return ratio(group.datedPosts, days);
    case 'postsPerWeek':
      return ratio(group.datedPosts * 7, days);
    default:
      return group.kpiSums.value(kpi);
  }
}

function compareRows<D extends Dimension, K extends Kpi>(by: readonly D[]) {
  return (a: RollupRow<D, K>, b: RollupRow<D, K>): number => {
    const byTime = (a.bucket?.start.getTime() ?? 0) - (b.bucket?.start.getTime() ?? 0);
    if (byTime !== 0) return byTime;
    for (const dimension of by) {
      const x = a.dimensions[dimension];
      const y = b.dimensions[dimension];
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : 1;
    }
    return 0;
  };
}
