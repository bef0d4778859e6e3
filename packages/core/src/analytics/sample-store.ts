import { ValidationError } from '../errors/validation-error.js';
import type { MetricSample, MetricSampleInput } from '../models/metric-sample.js';
import { AccountSeries } from './account-series.js';
import { addPresent, at, METRIC_COUNT, metricSlot } from './metric-slots.js';
import type { PostMeta } from './post-meta.js';

/** What one call to ingest samples did. */
export interface IngestReport {
  /** Samples that became (or refreshed) the kept value of their key. */
  readonly applied: number;
  /** Samples older than the value already kept for their key, ignored (late or duplicate arrivals). */
  readonly stale: number;
}

/** A `Date` or an ISO string, as a number of ms. */
function instantMs(value: Date | string): number {
  return typeof value === 'string' ? Date.parse(value) : value.getTime();
}

const INITIAL_POSTS = 1024;

/**
 * The compact store behind the aggregator. Each post and account is interned once to a small
 * integer; a post's latest lifetime value of every canonical metric lives in one row of a
 * `Float64Array` (with the `observedAt` that produced it in a parallel array), so a million
 * samples cost two typed-array writes each and no object per sample.
 *
 * Keys and "latest wins": a sample's key is (platform, account, post, metric, period, and
 * periodStart for `day` values). The value with the greatest `observedAt` is kept; on equal
 * `observedAt` the one ingested last wins (a re-read correction), and an older snapshot
 * arriving later never replaces a newer one.
 */
export class SampleStore {
  private readonly platformIds = new Map<string, Map<string, number>>();
  /** Platform id of each account. */
  readonly accountPlatform: string[] = [];
  /** Account id of each account. */
  readonly accountId: string[] = [];
  private readonly postsOfAccount: Map<string, number>[] = [];
  private readonly series: (AccountSeries | undefined)[] = [];
  /** The metric slots some account has readings of. */
  readonly accountSlots: number[] = [];

  /** Number of interned posts. */
  postCount = 0;
  private capacity = INITIAL_POSTS;
  /** Account index of each post. */
  postAccount = new Int32Array(INITIAL_POSTS);
  /** Platform post id of each post. */
  readonly postId: string[] = [];
  /** Metadata of each post, when given. */
  readonly postMeta: (PostMeta | undefined)[] = [];
  private values = new Float64Array(INITIAL_POSTS * METRIC_COUNT).fill(Number.NaN);
  private observed = new Float64Array(INITIAL_POSTS * METRIC_COUNT).fill(Number.NaN);
  /** Per post with `day`-period post samples: `slot|periodStart` → [observedAt, value]. Rare. */
  private readonly postDays = new Map<number, Map<string, [number, number]>>();

  // A sample usually follows one about the same post: skip the lookups then.
  private lastPlatform = '';
  private lastAccountId = '';
  private lastPostId = '';
  private lastPost = -1;

  /** Number of interned accounts. */
  get accountCount(): number {
    return this.accountId.length;
  }

  /** The index of an account, interning it when new. */
  account(platform: string, accountId: string): number {
    let accounts = this.platformIds.get(platform);
    if (accounts === undefined) {
      accounts = new Map();
      this.platformIds.set(platform, accounts);
    }
    let index = accounts.get(accountId);
    if (index === undefined) {
      index = this.accountId.length;
      accounts.set(accountId, index);
      this.accountPlatform.push(platform);
      this.accountId.push(accountId);
      this.postsOfAccount.push(new Map());
      // Keep `series` dense (one slot per metric per account) so lookups stay fast array reads.
      for (let slot = 0; slot < METRIC_COUNT; slot++) this.series.push(undefined);
    }
    return index;
  }

  /** The index of a post, interning it when new. */
  post(platform: string, accountId: string, platformPostId: string): number {
    if (
      platformPostId === this.lastPostId &&
      accountId === this.lastAccountId &&
      platform === this.lastPlatform
    ) {
      return this.lastPost;
    }
    const account = this.account(platform, accountId);
    const posts = this.postsOfAccount[account] ?? new Map<string, number>();
    let index = posts.get(platformPostId);
    if (index === undefined) {
      index = this.postCount++;
      if (index >= this.capacity) this.grow();
      posts.set(platformPostId, index);
      this.postAccount[index] = account;
      this.postId.push(platformPostId);
      this.postMeta.push(undefined);
    }
    this.lastPlatform = platform;
    this.lastAccountId = accountId;
    this.lastPostId = platformPostId;
    this.lastPost = index;
    return index;
  }

  /** The index of a post already interned, or -1. */
  findPost(platform: string, accountId: string, platformPostId: string): number {
    const account = this.platformIds.get(platform)?.get(accountId);
    if (account === undefined) return -1;
    return this.postsOfAccount[account]?.get(platformPostId) ?? -1;
  }

  private grow(): void {
    this.capacity *= 2;
    const postAccount = new Int32Array(this.capacity);
    postAccount.set(this.postAccount);
    this.postAccount = postAccount;
    const values = new Float64Array(this.capacity * METRIC_COUNT).fill(Number.NaN);
    values.set(this.values);
    this.values = values;
    const observed = new Float64Array(this.capacity * METRIC_COUNT).fill(Number.NaN);
    observed.set(this.observed);
    this.observed = observed;
  }

  /**
   * Stores samples without validating them: the caller vouches that each is a valid
   * `MetricSample` (instants may be `Date`s or ISO strings). Only the two checks that keep the
   * store consistent remain (a canonical metric name, a post id on post samples).
   *
   * @throws ValidationError naming the first sample that fails those two checks; the samples
   *   before it are kept
   */
  ingest(samples: Iterable<MetricSample | MetricSampleInput>): IngestReport {
    let applied = 0;
    let stale = 0;
    let index = 0;
    for (const sample of samples) {
      if (this.put(sample, index)) applied++;
      else stale++;
      index++;
    }
    return { applied, stale };
  }

  private put(sample: MetricSample | MetricSampleInput, index: number): boolean {
    const slot = metricSlot(sample.metric);
    if (slot < 0) throw unusable(index, ['metric'], 'not a canonical metric');
    const observedAt = instantMs(sample.observedAt);
    if (sample.scope === 'account') {
      const account = this.account(sample.platform, sample.accountId);
      const key = account * METRIC_COUNT + slot;
      let series = this.series[key];
      if (series === undefined) {
        series = new AccountSeries();
        this.series[key] = series;
        if (!this.accountSlots.includes(slot)) this.accountSlots.push(slot);
      }
      const time =
        sample.period === 'day' && sample.periodStart !== undefined
          ? instantMs(sample.periodStart)
          : observedAt;
      return series.put(sample.period, time, observedAt, sample.value);
    }
    const postId = sample.platformPostId;
    if (postId === undefined)
      throw unusable(index, ['platformPostId'], 'a post-scoped sample needs platformPostId');
    const post = this.post(sample.platform, sample.accountId, postId);
    if (sample.period === 'day')
      return this.putPostDay(post, slot, sample.periodStart, observedAt, sample.value);
    const cell = post * METRIC_COUNT + slot;
    // False when nothing is kept yet (NaN) or on an equal observedAt, which replaces.
    if (observedAt < at(this.observed, cell)) return false;
    this.observed[cell] = observedAt;
    this.values[cell] = sample.value;
    return true;
  }

  private putPostDay(
    post: number,
    slot: number,
    periodStart: Date | string | undefined,
    observedAt: number,
    value: number,
  ): boolean {
    let days = this.postDays.get(post);
    if (days === undefined) {
      days = new Map();
      this.postDays.set(post, days);
    }
    const key = `${slot}|${periodStart === undefined ? '' : instantMs(periodStart)}`;
    const kept = days.get(key);
    if (kept !== undefined && observedAt < kept[0]) return false;
    days.set(key, [observedAt, value]);
    return true;
  }

  /** Sets or replaces a post's metadata. */
  putMeta(meta: PostMeta): void {
    const post = this.post(meta.platform, meta.accountId, meta.platformPostId);
    this.postMeta[post] = meta;
  }

  /**
   * Copies post `post`'s metric values into `out` (length {@link METRIC_COUNT}), `NaN` for no
   * data. A metric known only from `day` samples of the post is the sum of its days.
   */
  readPost(post: number, out: Float64Array): Float64Array {
    const base = post * METRIC_COUNT;
    // A plain loop: `subarray` would allocate a view per post.
    for (let slot = 0; slot < METRIC_COUNT; slot++) out[slot] = at(this.values, base + slot);
    const days = this.postDays.get(post);
    if (days !== undefined) {
      for (const [key, [, value]] of days) {
        const slot = Number(key.slice(0, key.indexOf('|')));
        if (!Number.isNaN(at(this.values, post * METRIC_COUNT + slot))) continue;
        out[slot] = addPresent(at(out, slot), value);
      }
    }
    return out;
  }

  /** The readings of one account metric, or undefined when there are none. */
  accountSeries(account: number, slot: number): AccountSeries | undefined {
    return this.series[account * METRIC_COUNT + slot];
  }

  /** Number of distinct (post, metric) lifetime values kept; for stats and tests. */
  keptPostValues(): number {
    let count = 0;
    for (let i = 0; i < this.postCount * METRIC_COUNT; i++) if (!Number.isNaN(at(this.observed, i))) count++;
    return count;
  }
}

function unusable(index: number, path: readonly string[], message: string): ValidationError {
  return new ValidationError(
    [{ path: [index, ...path], rule: 'analytics.trusted_sample', message }],
    'trusted metric sample',
  );
}
