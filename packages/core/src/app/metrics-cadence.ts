import type { Adapter } from '../adapter/adapter.js';
import type { CollectMetricsResult } from '../analytics/collect-metrics.js';
import type { Clock } from '../time/clock.js';
import type { AppCollection } from './app-metrics.js';
import { metricsIntervalMs } from './metrics-pace.js';

/** One round of the metrics cadence on one platform, as `SmmkitMetricsOptions.onRound` gets it. */
export interface MetricsRound {
  /** The platform read. */
  readonly platform: string;
  /** What it read (`failures` lists batches that failed); absent when the round failed whole. */
  readonly result?: CollectMetricsResult | undefined;
  /** Why the round failed whole (the store could not be read or written). */
  readonly error?: unknown;
  /** When the next round of this platform starts, in ms from now. */
  readonly nextInMs: number;
}

/** What {@link metricsCadence} runs. */
export interface MetricsCadenceOptions {
  /** The adapters whose platforms read post or account metrics. */
  readonly adapters: readonly Adapter[];
  /** The least interval between two rounds of one platform, in ms. */
  readonly everyMs: number;
  readonly clock: Clock;
  /** Reads one platform's posts and accounts. */
  readonly collect: (platform: string, signal: AbortSignal) => Promise<AppCollection>;
  /** Told after every round. */
  readonly onRound?: ((round: MetricsRound) => void) | undefined;
}

/** A running cadence. */
export interface MetricsCadence {
  /** Starts one loop per platform: a round at once, then one per interval. */
  start(): void;
  /** Stops the loops, aborting rounds in flight, and waits for them. */
  stop(): Promise<void>;
}

/**
 * Collects metrics on a cadence, one loop per platform whose adapter reads post or account
 * metrics, so a platform with a tight budget never slows the others: after each round the loop
 * waits `metricsIntervalMs` (at least `everyMs`, longer when the round's requests, its posts'
 * and its accounts', would spend more than their share of the platform's declared budgets).
 *
 * @param options - see {@link MetricsCadenceOptions}
 * @returns the cadence, stopped
 */
export function metricsCadence(options: MetricsCadenceOptions): MetricsCadence {
  const adapters = options.adapters.filter(
    (adapter) => adapter.getPostMetrics !== undefined || adapter.getAccountMetrics !== undefined,
  );
  let stopper: AbortController | undefined;
  let loops: Promise<void>[] = [];

  const loop = async (adapter: Adapter, signal: AbortSignal): Promise<void> => {
    while (!signal.aborted) {
      let round: Omit<MetricsRound, 'nextInMs'>;
      let read: Pick<AppCollection, 'posts' | 'accounts'> = { posts: [], accounts: [] };
      try {
        const collected = await options.collect(adapter.platform, signal);
        read = collected;
        round = { platform: adapter.platform, result: collected.result };
      } catch (error) {
        if (signal.aborted) return;
        round = { platform: adapter.platform, error };
      }
      const nextInMs = metricsIntervalMs(adapter, read.posts, options.everyMs, read.accounts);
      try {
        options.onRound?.({ ...round, nextInMs });
      } catch {
        // The app's listener failing must not stop the cadence.
      }
      try {
        await options.clock.sleep(nextInMs, signal);
      } catch {
        return; // stopped
      }
    }
  };

  return {
    start() {
      if (stopper !== undefined) return;
      stopper = new AbortController();
      const { signal } = stopper;
      loops = adapters.map((adapter) => loop(adapter, signal));
    },
    async stop() {
      stopper?.abort();
      await Promise.all(loops);
      loops = [];
      stopper = undefined;
    },
  };
}
