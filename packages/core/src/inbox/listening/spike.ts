import { compareText } from '../../scheduler/compare-text.js';
import type { InboxItem } from '../inbox-item.js';
import type { InboxStore } from '../inbox-store.js';
import { inScope, type SpikeAlert, type SpikeRule } from './rules.js';

/** A {@link SpikeRule} with every default filled in. */
export interface SpikeSettings {
  /** See {@link SpikeRule.name}. */
  readonly name: string;
  /** See {@link SpikeRule.windowMs}. */
  readonly windowMs: number;
  /** See {@link SpikeRule.baselineMs}. */
  readonly baselineMs: number;
  /** See {@link SpikeRule.factor}. */
  readonly factor: number;
  /** See {@link SpikeRule.minCount}. */
  readonly minCount: number;
  /** See {@link SpikeRule.negativeAt}. */
  readonly negativeAt: number;
  /** See {@link SpikeRule.scope}. */
  readonly scope: SpikeRule['scope'];
}

/** What one account's spike watch remembers. */
interface AccountWatch {
  /** The account's negative items, by platform and id (so one item counts once). */
  readonly negatives: Map<string, InboxItem>;
  /** When (item time) the last alert fired. */
  lastAlertAt?: number;
}

/**
 * Watches one {@link SpikeRule} over the items as they arrive, per account. The first time an
 * account is seen, its negative items of the baseline period are read from the store, so a
 * restarted process keeps the account's baseline; after that the watch keeps them in memory,
 * forgetting those too old to count.
 */
export class SpikeWatch {
  /** Each account's watch, as it loads: kept once its baseline is read, dropped if that read fails. */
  readonly #accounts = new Map<string, Promise<AccountWatch>>();

  // Plain fields, not parameter properties: Node's type stripping (child processes that run the
  // sources) refuses those.
  private readonly settings: SpikeSettings;
  private readonly store: InboxStore;
  private readonly score: (text: string) => number;
  private readonly now: () => number;

  /**
   * @param settings - the rule with its defaults
   * @param store - where the account's earlier items are read from
   * @param score - the sentiment of a text
   */
  constructor(
    settings: SpikeSettings,
    store: InboxStore,
    score: (text: string) => number,
    now: () => number,
  ) {
    this.settings = settings;
    this.store = store;
    this.score = score;
    this.now = now;
  }

  /**
   * Adds the items that just arrived and returns the alerts they cause. An account whose baseline
   * cannot be read from the store is given to `onError` and skipped for this batch (its items are
   * stored, so the next batch reads them with the baseline); the other accounts still alert.
   *
   * @param items - new items (any accounts, any order)
   * @param onError - told what reading an account's baseline threw
   */
  async observe(items: readonly InboxItem[], onError: (error: unknown) => void): Promise<SpikeAlert[]> {
    const alerts: SpikeAlert[] = [];
    const byAccount = new Map<string, InboxItem[]>();
    for (const item of items) {
      if (!inScope(item, this.settings.scope) || !this.isNegative(item)) continue;
      const key = JSON.stringify([item.platform, item.accountId]);
      byAccount.set(key, [...(byAccount.get(key) ?? []), item]);
    }
    for (const [key, negatives] of byAccount) {
      negatives.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      let watch: AccountWatch;
      try {
        watch = await this.#watch(key, negatives);
      } catch (error) {
        onError(error);
        continue;
      }
      for (const item of negatives) watch.negatives.set(itemKey(item), item);
      for (const item of negatives) {
        const alert = this.#check(watch, item);
        if (alert !== undefined) alerts.push(alert);
      }
      this.#forget(watch, negatives.at(-1)?.createdAt.getTime() ?? 0);
    }
    return alerts;
  }

  /** Whether the item's sentiment counts as negative for this rule. */
  isNegative(item: InboxItem): boolean {
    return this.score(item.text) <= this.settings.negativeAt;
  }

  /**
   * The account's watch, its baseline read from the store the first time. Batches that arrive
   * while it is read wait for it; a failed read is forgotten, so the next batch reads again
   * rather than counting against an empty baseline for the life of the process.
   */
  #watch(key: string, negatives: readonly InboxItem[]): Promise<AccountWatch> {
    const known = this.#accounts.get(key);
    if (known !== undefined) return known;
    const loading = this.#load(negatives).catch((error: unknown) => {
      if (this.#accounts.get(key) === loading) this.#accounts.delete(key);
      throw error;
    });
    this.#accounts.set(key, loading);
    return loading;
  }

  /** A new watch with the account's negative items of the baseline period before `negatives`. */
  async #load(negatives: readonly InboxItem[]): Promise<AccountWatch> {
    const [first] = negatives;
    const watch: AccountWatch = { negatives: new Map() };
    if (first === undefined) return watch;
    const { windowMs, baselineMs } = this.settings;
    const earlier = await this.store.list({
      accounts: [{ platform: first.platform, accountId: first.accountId }],
      from: new Date(first.createdAt.getTime() - windowMs - baselineMs),
    });
    for (const item of earlier) {
      if (inScope(item, this.settings.scope) && this.isNegative(item))
        watch.negatives.set(itemKey(item), item);
    }
    return watch;
  }

  /**
   * The alert `item` tips, if any: its window against the baseline before it. Only a window that
   * ends within one window of now alerts: a backlog read for the first time (last week's items)
   * builds the baseline without alerting on spikes long over.
   */
  #check(watch: AccountWatch, item: InboxItem): SpikeAlert | undefined {
    const { windowMs, baselineMs, factor, minCount, name } = this.settings;
    const at = item.createdAt.getTime();
    if (at <= this.now() - windowMs) return undefined;
    if (watch.lastAlertAt !== undefined && at - watch.lastAlertAt < windowMs) return undefined;
    const inWindow: InboxItem[] = [];
    let before = 0;
    for (const negative of watch.negatives.values()) {
      const t = negative.createdAt.getTime();
      if (t > at - windowMs && t <= at) inWindow.push(negative);
      else if (t > at - windowMs - baselineMs && t <= at - windowMs) before += 1;
    }
    const baseline = (before * windowMs) / baselineMs;
    if (inWindow.length < minCount || inWindow.length < factor * baseline) return undefined;
    watch.lastAlertAt = at;
    inWindow.sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() ||
        compareText(a.platform, b.platform) ||
        compareText(a.id, b.id),
    );
    return {
      type: 'spike',
      rule: name,
      account: { platform: item.platform, accountId: item.accountId },
      at: new Date(at),
      windowMs,
      count: inWindow.length,
      baseline,
      engagements: inWindow,
    };
  }

  /** Forgets negatives too old to count for an item at `latest` or later. */
  #forget(watch: AccountWatch, latest: number): void {
    const oldest = latest - this.settings.windowMs - this.settings.baselineMs;
    for (const [key, item] of watch.negatives) {
      if (item.createdAt.getTime() <= oldest) watch.negatives.delete(key);
    }
  }
}

function itemKey(item: InboxItem): string {
  return JSON.stringify([item.platform, item.id]);
}
