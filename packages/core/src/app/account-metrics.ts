import type { Adapter } from '../adapter/adapter.js';
import type {
  CollectMetricsResult,
  MetricSampleSink,
  MetricsFailure,
  MetricsRunner,
} from '../analytics/collect-metrics.js';
import { AbortedError } from '../errors/aborted-error.js';
import type { MetricSample } from '../models/metric-sample.js';

/** An account whose own metrics to read. */
export interface MetricsAccount {
  /** Platform id. */
  readonly platform: string;
  /** The platform's id of the account. */
  readonly accountId: string;
}

/** Options of {@link collectAccountMetrics}. */
export interface AccountMetricsOptions {
  /** Runs each read in the account's `metrics` queue (a publisher). */
  readonly via: MetricsRunner;
  /** Receives each account's samples as they arrive. */
  readonly into: MetricSampleSink;
  /** Most reads in flight at once (default 4). */
  readonly concurrency?: number | undefined;
  /** Stops starting new reads. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * The accounts whose own metrics can be read: those of an adapter with `getAccountMetrics`,
 * each (platform, accountId) once.
 *
 * @param adapters - the adapters
 * @param accounts - candidate accounts
 * @returns the accounts to read, in their first order
 */
export function accountsWithMetrics(
  adapters: readonly Adapter[],
  accounts: readonly MetricsAccount[],
): MetricsAccount[] {
  const readers = new Set(
    adapters.filter((adapter) => adapter.getAccountMetrics !== undefined).map((adapter) => adapter.platform),
  );
  const seen = new Set<string>();
  return accounts.flatMap((account): MetricsAccount[] => {
    const key = JSON.stringify([account.platform, account.accountId]);
    if (!readers.has(account.platform) || seen.has(key)) return [];
    seen.add(key);
    return [{ platform: account.platform, accountId: account.accountId }];
  });
}

/**
 * Reads each account's own metrics (followers, following, posts count: what the adapter's
 * `getAccountMetrics` reports) once, through `via`'s `metrics` queue of the account, so the reads
 * spend the same budgets as post metrics. Each account's samples go to `into` as they arrive. A
 * read that fails (the adapter's error, samples `into` refuses) is a failure with no `refs`; the
 * others go on. An account whose adapter has no `getAccountMetrics` is not read.
 *
 * @param adapters - the adapters
 * @param accounts - the accounts to read
 * @param options - see {@link AccountMetricsOptions}
 * @returns the samples read and the reads that failed
 * @throws AbortedError when the signal aborts (reads already finished stay ingested)
 */
export async function collectAccountMetrics(
  adapters: readonly Adapter[],
  accounts: readonly MetricsAccount[],
  options: AccountMetricsOptions,
): Promise<CollectMetricsResult> {
  const byPlatform = new Map(adapters.map((adapter) => [adapter.platform, adapter]));
  const pending = accountsWithMetrics(adapters, accounts);
  const { signal } = options;
  const samples: MetricSample[] = [];
  const failures: MetricsFailure[] = [];

  const read = async (account: MetricsAccount): Promise<void> => {
    const adapter = byPlatform.get(account.platform);
    const getAccountMetrics = adapter?.getAccountMetrics;
    if (adapter === undefined || getAccountMetrics === undefined) return;
    try {
      const got = await options.via.run(
        account,
        'metrics',
        (context) => getAccountMetrics.call(adapter, context),
        { signal },
      );
      options.into.ingestSamples(got);
      for (const sample of got) samples.push(sample);
    } catch (error) {
      failures.push({ ...account, refs: [], error });
    }
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pending.length && signal?.aborted !== true) {
      const account = pending[next++];
      if (account !== undefined) await read(account);
    }
  };
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
  if (signal?.aborted === true)
    throw new AbortedError('Collecting account metrics was aborted.', { cause: signal.reason });
  return { samples, failures };
}
