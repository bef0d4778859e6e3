import type { Dimension } from './dimensions.js';
import { PostKpiSums } from './kpis.js';
import { addPresent, at, METRIC_COUNT } from './metric-slots.js';
import type { CompiledPostFilter } from './post-filter.js';
import type { PostMeta } from './post-meta.js';
import type { SampleStore } from './sample-store.js';
import type { TimeBucket, TimeGrain, ZoneCalendar } from './time-buckets.js';

/** Marks a missing dimension value in group keys. */
const NONE = '\u0000';
/** Separates the parts of a scope key. */
const SEPARATOR = '\u0001';

/** A group being accumulated. */
export class Group {
  posts = 0;
  datedPosts = 0;
  readonly sums = new Float64Array(METRIC_COUNT).fill(Number.NaN);
  readonly kpiSums = new PostKpiSums();
  /** Σ engagementCount per account, for the followers rate. */
  readonly engagementByAccount = new Map<number, number>();
  readonly accounts = new Set<number>();

  readonly values: readonly (string | null)[];
  readonly bucket: TimeBucket | undefined;
  /** Key of the platform/account part, to find the accounts of a row without post labels. */
  readonly scopeKey: string;

  // Plain fields, not parameter properties: Node's type stripping (child processes that run the
  // sources) refuses those.
  constructor(values: readonly (string | null)[], bucket: TimeBucket | undefined, scopeKey: string) {
    this.values = values;
    this.bucket = bucket;
    this.scopeKey = scopeKey;
  }

  addPost(metrics: Float64Array, account: number, dated: boolean): void {
    this.posts++;
    if (dated) this.datedPosts++;
    for (let slot = 0; slot < METRIC_COUNT; slot++) {
      this.sums[slot] = addPresent(at(this.sums, slot), at(metrics, slot));
    }
    const engagements = this.kpiSums.add(metrics);
    this.accounts.add(account);
    if (!Number.isNaN(engagements)) {
      this.engagementByAccount.set(account, (this.engagementByAccount.get(account) ?? 0) + engagements);
    }
  }
}

/** Nested maps, one level per dimension, ending in the groups. */
type GroupTrie = Map<string | number, GroupTrie | Group>;

/**
 * The groups of a rollup, found by the dimension values of a post (or an account) and its
 * bucket. One map level per dimension, keyed by strings the store and the bucket cache already
 * hold, so finding a post's group builds no key string.
 */
export class GroupIndex {
  /** Every group, in the order made. */
  readonly groups: Group[] = [];
  private readonly root: GroupTrie = new Map();
  private readonly values: (string | null)[] = [];
  private readonly store: SampleStore;
  private readonly by: readonly Dimension[];

  constructor(store: SampleStore, by: readonly Dimension[]) {
    this.store = store;
    this.by = by;
  }

  /** The key of the platform/account part alone, shared by the rows of one account scope. */
  scopeOf(account: number): string {
    let scopeKey = '';
    for (const dimension of this.by) {
      if (dimension === 'platform') scopeKey += `${this.store.accountPlatform[account] ?? NONE}${SEPARATOR}`;
      // Account ids are only unique per platform: key by the interned account.
      else if (dimension === 'account') scopeKey += `#${account}${SEPARATOR}`;
    }
    return scopeKey;
  }

  /** Finds or makes the group of a post (with its `meta` and one of its tags) or an account (no meta). */
  find(
    account: number,
    bucket: TimeBucket | undefined,
    meta: PostMeta | undefined,
    tag: string | undefined,
  ): Group {
    const { by, values, store } = this;
    let node = this.root;
    let part: string | number = NONE;
    for (let i = 0; i < by.length; i++) {
      let value: string | null;
      switch (by[i]) {
        case 'platform':
          value = store.accountPlatform[account] ?? null;
          break;
        case 'account':
          value = store.accountId[account] ?? null;
          break;
        case 'campaign':
          value = meta?.campaign ?? null;
          break;
        case 'variant':
          value = meta?.variant ?? null;
          break;
        case 'contentClass':
          value = meta?.contentClass ?? null;
          break;
        case 'tag':
          value = tag ?? null;
          break;
        default:
          value = bucket?.key ?? null;
      }
      values[i] = value;
      // Account ids are only unique per platform: key by the interned account.
      part = by[i] === 'account' ? account : (value ?? NONE);
      if (i === by.length - 1) break;
      const next = node.get(part);
      if (next instanceof Map) node = next;
      else {
        const made: GroupTrie = new Map();
        node.set(part, made);
        node = made;
      }
    }
    const found = node.get(part);
    if (found instanceof Group) return found;
    const group = new Group(values.slice(0, by.length), bucket, this.scopeOf(account));
    node.set(part, group);
    this.groups.push(group);
    return group;
  }
}

/**
 * For rows grouped only by platform, account and time: makes a row for every bucket an account
 * has readings in (so a day without posts still shows its follower growth), and returns the
 * accounts with readings per platform/account scope; each such row counts all of its scope's.
 */
export function addAccountRows(
  store: SampleStore,
  filter: CompiledPostFilter,
  calendar: ZoneCalendar,
  grain: TimeGrain | undefined,
  index: GroupIndex,
): Map<string, number[]> {
  const accountsOfScope = new Map<string, number[]>();
  for (let account = 0; account < store.accountCount; account++) {
    if (!filter.acceptsAccount(store, account)) continue;
    let hasReadings = false;
    const buckets = new Set<TimeBucket | undefined>();
    for (const slot of store.accountSlots) {
      const series = store.accountSeries(account, slot);
      if (series === undefined || series.size === 0) continue;
      hasReadings = true;
      if (grain === undefined) continue;
      let last: TimeBucket | undefined;
      for (const time of series.readingTimes()) {
        if (time < filter.since || time >= filter.until) continue;
        // Readings are in time order: most fall in the bucket of the one before.
        if (last !== undefined && time >= last.start && time < last.end) continue;
        last = calendar.bucket(grain, time);
        buckets.add(last);
      }
    }
    if (!hasReadings) continue;
    if (grain === undefined) buckets.add(undefined);
    for (const bucket of buckets) index.find(account, bucket, undefined, undefined);
    const scopeKey = index.scopeOf(account);
    const list = accountsOfScope.get(scopeKey);
    if (list === undefined) accountsOfScope.set(scopeKey, [account]);
    else list.push(account);
  }
  return accountsOfScope;
}
