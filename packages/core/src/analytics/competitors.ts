import { postKpiOf } from './kpis.js';
import { METRIC_COUNT, orNull, SLOT } from './metric-slots.js';
import type { PublicAccountStore } from './public-account-store.js';
import { checkWindow } from './research-inputs.js';
import type { SampleStore } from './sample-store.js';

/** An account to benchmark, with the name to show for it. */
export interface BenchmarkAccount {
  /** Platform id. */
  readonly platform: string;
  /** The platform's id for the account. */
  readonly accountId: string;
  /** The name to show (default: the snapshot's display name or `@handle`, else the account id). */
  readonly name?: string | undefined;
}

/** Options of `Analytics.benchmark`. */
export interface BenchmarkOptions {
  /** First instant of the period. */
  readonly since: Date;
  /** First instant after the period (exclusive). */
  readonly until: Date;
  /** The app's own accounts to compare (default: every account with samples or post metadata). */
  readonly own?: readonly BenchmarkAccount[] | undefined;
  /** The tracked accounts to compare (default: every account of `ingestPublicAccounts`). */
  readonly competitors?: readonly BenchmarkAccount[] | undefined;
  /** Only accounts of these platforms, on both sides, when `own` or `competitors` is left to its default. */
  readonly platforms?: readonly string[] | undefined;
}

/** One account's figures over the period; `null` is "no data", never 0. */
export interface BenchmarkRow {
  /** Platform id. */
  readonly platform: string;
  /** The platform's id for the account. */
  readonly accountId: string;
  /** The name to show. */
  readonly label: string;
  /** The handle of a tracked account (from its latest snapshot). */
  readonly handle?: string | undefined;
  /** True for the app's own accounts, false for tracked ones. */
  readonly own: boolean;
  /** Followers at the first reading inside the period. */
  readonly followersFirst: number | null;
  /** Followers at the last reading inside the period. */
  readonly followersLast: number | null;
  /** followersLast − followersFirst; `null` without two readings inside the period. */
  readonly followerGrowth: number | null;
  /** followerGrowth ÷ followersFirst (0.05 = 5 %); `null` without growth or with 0 first followers. */
  readonly followerGrowthRate: number | null;
  /** Posts published inside the period (for a tracked account: seen in any of its snapshots). */
  readonly posts: number;
  /** posts ÷ (period length in weeks); `null` when nothing at all is known of the account. */
  readonly postsPerWeek: number | null;
  /** Posts of the period with an interaction count. */
  readonly postsWithInteractions: number;
  /** Mean interactions per post over `postsWithInteractions`. */
  readonly interactionsPerPost: number | null;
  /**
   * Mean over those posts of interactions ÷ followers when the post was published (posts whose
   * account has no follower reading, or 0 followers, left out).
   */
  readonly engagementRatePerPost: number | null;
}

/** The result of `Analytics.benchmark`. */
export interface CompetitorBenchmark {
  /** First instant of the period. */
  readonly since: Date;
  /** First instant after the period. */
  readonly until: Date;
  /** The period's length in weeks ((until − since) ÷ 7 days). */
  readonly weeks: number;
  /** The own accounts first, then the tracked ones, each in the order asked (or first seen). */
  readonly rows: readonly BenchmarkRow[];
}

const WEEK_MS = 7 * 86_400_000;

/** Index of every account of a store, by platform and id. */
function accountIndex(store: SampleStore): Map<string, number> {
  const index = new Map<string, number>();
  for (let account = 0; account < store.accountCount; account++) {
    index.set(`${store.accountPlatform[account]}\u0000${store.accountId[account]}`, account);
  }
  return index;
}

/** Every account of a store (of `platforms`, when given), as benchmark accounts without names. */
function everyAccount(store: SampleStore, platforms: readonly string[] | undefined): BenchmarkAccount[] {
  return store.accountId
    .map((accountId, i) => ({ platform: store.accountPlatform[i] ?? '', accountId }))
    .filter((account) => platforms === undefined || platforms.includes(account.platform));
}

/** Posts of each wanted account published in `[since, until)`. */
function postsInPeriod(
  store: SampleStore,
  accounts: ReadonlySet<number>,
  since: number,
  until: number,
): Map<number, number[]> {
  const posts = new Map<number, number[]>();
  for (let post = 0; post < store.postCount; post++) {
    const account = store.postAccount[post] ?? -1;
    if (!accounts.has(account)) continue;
    const published = store.postMeta[post]?.publishedAt.getTime();
    if (published === undefined || published < since || published >= until) continue;
    const list = posts.get(account) ?? [];
    list.push(post);
    posts.set(account, list);
  }
  return posts;
}

/** Followers at `time`: the latest reading at or before it, else the account's earliest reading; `NaN` without readings. */
function followersWhen(store: SampleStore, account: number, time: number): number {
  const series = store.accountSeries(account, SLOT.followers);
  if (series === undefined || series.size === 0) return Number.NaN;
  const index = series.latestBefore(time + 1);
  return series.valueAt(Math.max(index, 0));
}

/** What is measured of one account, before it is named. */
type Figures = Omit<BenchmarkRow, 'platform' | 'accountId' | 'label' | 'handle' | 'own'>;

const NO_FIGURES: Figures = {
  followersFirst: null,
  followersLast: null,
  followerGrowth: null,
  followerGrowthRate: null,
  posts: 0,
  postsPerWeek: null,
  postsWithInteractions: 0,
  interactionsPerPost: null,
  engagementRatePerPost: null,
};

function figuresOf(
  store: SampleStore,
  account: number,
  posts: readonly number[],
  since: number,
  until: number,
): Figures {
  const series = store.accountSeries(account, SLOT.followers);
  const first = series === undefined ? -1 : series.firstIn(since, until);
  const last = series === undefined || first < 0 ? -1 : series.latestBefore(until);
  const followersFirst = first < 0 ? Number.NaN : (series?.valueAt(first) ?? Number.NaN);
  const followersLast = last < 0 ? Number.NaN : (series?.valueAt(last) ?? Number.NaN);
  const growth = last > first ? followersLast - followersFirst : Number.NaN;

  const row = new Float64Array(METRIC_COUNT);
  let withInteractions = 0;
  let interactions = 0;
  let rated = 0;
  let rates = 0;
  for (const post of posts) {
    const count = postKpiOf('engagementCount', store.readPost(post, row), Number.NaN);
    if (Number.isNaN(count)) continue;
    withInteractions++;
    interactions += count;
    const followers = followersWhen(
      store,
      account,
      store.postMeta[post]?.publishedAt.getTime() ?? Number.NaN,
    );
    if (followers > 0) {
      rated++;
      rates += count / followers;
    }
  }
  return {
    followersFirst: orNull(followersFirst),
    followersLast: orNull(followersLast),
    followerGrowth: orNull(growth),
    followerGrowthRate: followersFirst > 0 ? orNull(growth / followersFirst) : null,
    posts: posts.length,
    postsPerWeek: posts.length / ((until - since) / WEEK_MS),
    postsWithInteractions: withInteractions,
    interactionsPerPost: withInteractions === 0 ? null : interactions / withInteractions,
    engagementRatePerPost: rated === 0 ? null : rates / rated,
  };
}

/** Rows of one side (own or tracked) of the benchmark. */
function rowsOf(
  store: SampleStore,
  asked: readonly BenchmarkAccount[],
  own: boolean,
  since: number,
  until: number,
  tracked?: PublicAccountStore,
): BenchmarkRow[] {
  const index = accountIndex(store);
  const found = asked.map((account) => index.get(`${account.platform}\u0000${account.accountId}`) ?? -1);
  const posts = postsInPeriod(store, new Set(found), since, until);
  return asked.map((account, i) => {
    const at = found[i] ?? -1;
    const snapshot = tracked?.latest(account.platform, account.accountId);
    const handle = snapshot?.handle;
    const snapshotName = snapshot?.name === undefined || snapshot.name === '' ? undefined : snapshot.name;
    return {
      platform: account.platform,
      accountId: account.accountId,
      label: account.name ?? snapshotName ?? (handle === undefined ? account.accountId : `@${handle}`),
      ...(handle === undefined ? {} : { handle }),
      own,
      ...(at < 0 ? NO_FIGURES : figuresOf(store, at, posts.get(at) ?? [], since, until)),
    };
  });
}

/**
 * Compares the app's own accounts with tracked ones over `[since, until)`. Formulas (each `null`,
 * "no data", when an input is missing or a denominator is 0):
 *
 * - Follower growth: the first and the last follower reading placed inside the period
 *   (`followers` account samples; for a tracked account, one per snapshot), growth = last −
 *   first and growth rate = growth ÷ first; both need two readings inside the period.
 * - Posting frequency: posts published inside the period ÷ ((until − since) ÷ 7 days).
 * - Interactions of a post: the platform's `engagements` when given, else (`reactions`, else
 *   `likes`) + `comments` + `shares` + `saves` over the parts it has (the `engagementCount` of
 *   `KPIS`: quotes, clicks and views are not interactions), its latest values.
 * - Engagement rate per post: the mean over the period's posts with interactions of
 *   interactions ÷ followers when the post was published (the latest reading at or before its
 *   publication, else the account's earliest reading).
 *
 * @throws ValidationError when `since` or `until` is missing or invalid, or not in order
 */
export function benchmarkAccounts(
  own: SampleStore,
  tracked: PublicAccountStore,
  options: BenchmarkOptions,
): CompetitorBenchmark {
  checkWindow(options, 'benchmark options', true);
  const since = options.since.getTime();
  const until = options.until.getTime();
  return {
    since: options.since,
    until: options.until,
    weeks: (until - since) / WEEK_MS,
    rows: [
      ...rowsOf(own, options.own ?? everyAccount(own, options.platforms), true, since, until),
      ...rowsOf(
        tracked.samples,
        options.competitors ?? everyAccount(tracked.samples, options.platforms),
        false,
        since,
        until,
        tracked,
      ),
    ],
  };
}
