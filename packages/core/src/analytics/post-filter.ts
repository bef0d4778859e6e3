import type { SampleStore } from './sample-store.js';

/** Which posts a query looks at. Every field narrows; none means every post. */
export interface PostFilter {
  /** Only posts published at or after this instant (posts without `PostMeta` are then left out). */
  readonly since?: Date | undefined;
  /** Only posts published before this instant (posts without `PostMeta` are then left out). */
  readonly until?: Date | undefined;
  /** Only these platforms. */
  readonly platforms?: readonly string[] | undefined;
  /** Only these accounts (platform account ids). */
  readonly accounts?: readonly string[] | undefined;
}

/** A {@link PostFilter} turned into numbers and sets, checked once per post. */
export class CompiledPostFilter {
  /** Window start in ms (−∞ without `since`). */
  readonly since: number;
  /** Window end in ms (+∞ without `until`). */
  readonly until: number;
  /** True when `since` or `until` was given. */
  readonly windowed: boolean;
  private readonly platforms: ReadonlySet<string> | undefined;
  private readonly accounts: ReadonlySet<string> | undefined;

  /** @param filter - the filter to compile */
  constructor(filter: PostFilter) {
    this.since = filter.since?.getTime() ?? Number.NEGATIVE_INFINITY;
    this.until = filter.until?.getTime() ?? Number.POSITIVE_INFINITY;
    this.windowed = filter.since !== undefined || filter.until !== undefined;
    this.platforms = filter.platforms === undefined ? undefined : new Set(filter.platforms);
    this.accounts = filter.accounts === undefined ? undefined : new Set(filter.accounts);
  }

  /** True when the account (by index in `store`) passes the platform and account filters. */
  acceptsAccount(store: SampleStore, account: number): boolean {
    return this.acceptsIds(store.accountPlatform[account] ?? '', store.accountId[account] ?? '');
  }

  /**
   * True when something of `platform` and `accountId` that happened at `time` (ms) passes every
   * field: inside `[since, until)` and of an accepted platform and account. Engagements are
   * filtered this way.
   */
  accepts(platform: string, accountId: string, time: number): boolean {
    return time >= this.since && time < this.until && this.acceptsIds(platform, accountId);
  }

  private acceptsIds(platform: string, accountId: string): boolean {
    if (this.platforms !== undefined && !this.platforms.has(platform)) return false;
    return this.accounts === undefined || this.accounts.has(accountId);
  }

  /**
   * The post's publication time in ms, `NaN` when it has no `PostMeta`, or undefined when the
   * post is filtered out. With `needsTime` (time buckets, heatmaps) or a window, a post without
   * a publication time is filtered out.
   */
  publishedAt(store: SampleStore, post: number, needsTime: boolean): number | undefined {
    if (!this.acceptsAccount(store, store.postAccount[post] ?? -1)) return undefined;
    const published = store.postMeta[post]?.publishedAt.getTime() ?? Number.NaN;
    if (Number.isNaN(published)) return needsTime || this.windowed ? undefined : published;
    return published >= this.since && published < this.until ? published : undefined;
  }
}
