import type { Adapter } from '../adapter/adapter.js';
import type { RequestContext } from '../adapter/context.js';
import { AbortedError } from '../errors/aborted-error.js';
import { UnsupportedCapabilityError } from '../errors/unsupported-capability-error.js';
import type { MetricSample } from '../models/metric-sample.js';
import type { PostRef } from '../models/post-ref.js';

/** One metrics request: up to `capabilities.metrics.maxPostsPerRequest` posts of one account. */
export interface MetricsBatch {
  /** Platform id. */
  readonly platform: string;
  /** The account the posts belong to. */
  readonly accountId: string;
  /** The posts asked for. */
  readonly refs: readonly PostRef[];
}

/**
 * Runs one request. The publisher's rate-limited per-platform queues plug in here (they do not
 * exist yet); until then the default calls the task directly.
 */
export type MetricsScheduler = <T>(task: () => Promise<T>, batch: MetricsBatch) => Promise<T>;

/**
 * What {@link CollectMetricsOptions.via} needs: the `run` method of a publisher from
 * `@smmkit/core/publisher` (structurally, so analytics does not load the publisher).
 */
export interface MetricsRunner {
  /** Runs `task` in the account's `metrics` queue with the context the publisher provides. */
  run<T>(
    account: { readonly platform: string; readonly accountId: string },
    operation: 'metrics',
    task: (context: RequestContext) => Promise<T>,
    options?: { readonly signal?: AbortSignal | undefined },
  ): Promise<T>;
}

/** Where collected samples go: an aggregator (`createAnalytics()`) or anything with the same method. */
export interface MetricSampleSink {
  /** Stores a batch of samples; see `Analytics.ingestSamples`. */
  ingestSamples(
    samples: readonly MetricSample[],
    options?: { readonly trusted?: boolean | undefined },
  ): unknown;
}

/** Options of {@link collectMetrics}. */
export interface CollectMetricsOptions {
  /** Most requests in flight at once, across platforms (default 4). */
  readonly concurrency?: number | undefined;
  /** Runs each request, e.g. through a rate-limited queue (default: call it directly). */
  readonly schedule?: MetricsScheduler | undefined;
  /**
   * Sends every request through a publisher's rate-limited queues (`publisher.run` with the
   * `metrics` operation): the account's buckets, budgets learned from headers, its shared token
   * provider and retries. The publisher supplies the request context, so `context` is not used.
   */
  readonly via?: MetricsRunner | undefined;
  /** Receives each batch's samples as soon as it arrives. */
  readonly into?: MetricSampleSink | undefined;
  /** Passed to `into.ingestSamples`: skip validation of the adapters' samples (default false). */
  readonly trusted?: boolean | undefined;
  /** Stops starting new requests (default: the context's signal when one context is given). */
  readonly signal?: AbortSignal | undefined;
}

/** A batch that failed, with why. Other batches go on. */
export interface MetricsFailure extends MetricsBatch {
  /** What went wrong (the adapter's error, or `UnsupportedCapabilityError` when it reads no post metrics). */
  readonly error: unknown;
}

/** What {@link collectMetrics} gathered. */
export interface CollectMetricsResult {
  /** Every sample returned, in the order the batches finished. */
  readonly samples: readonly MetricSample[];
  /** Batches that failed. */
  readonly failures: readonly MetricsFailure[];
}

/** The request context for an account: one for all, or one per account (tokens are per account). */
export type MetricsContext =
  | RequestContext
  | ((account: {
      readonly platform: string;
      readonly accountId: string;
    }) => RequestContext | Promise<RequestContext>);

const direct: MetricsScheduler = (task) => task();

/** Groups refs per account and cuts them into batches of the adapter's `maxPostsPerRequest`. */
function planBatches(adapters: ReadonlyMap<string, Adapter>, refs: readonly PostRef[]): MetricsBatch[] {
  const byAccount = new Map<string, PostRef[]>();
  for (const ref of refs) {
    const key = `${ref.platform}\u0000${ref.accountId}`;
    const list = byAccount.get(key);
    if (list === undefined) byAccount.set(key, [ref]);
    else list.push(ref);
  }
  const batches: MetricsBatch[] = [];
  for (const list of byAccount.values()) {
    const { platform, accountId } = list[0] ?? { platform: '', accountId: '' };
    // Without a declared maximum the adapter batches as the platform allows, so hand it all.
    const size = adapters.get(platform)?.capabilities.metrics.maxPostsPerRequest ?? list.length;
    for (let i = 0; i < list.length; i += size) {
      batches.push({ platform, accountId, refs: list.slice(i, i + size) });
    }
  }
  return batches;
}

/**
 * Reads post metrics through the adapters' `getPostMetrics`, in batches of each adapter's
 * `capabilities.metrics.maxPostsPerRequest` posts of one account, with at most `concurrency`
 * requests in flight, and feeds each batch to `options.into` as it arrives.
 *
 * Rate limits: with `options.via` (a publisher), every read goes through the publisher's queue
 * and budgets for the account's `metrics` buckets, with its tokens and retries; otherwise
 * through `options.schedule` (default: the adapter is called directly with the given context).
 *
 * A failing batch (adapter error, no adapter or no post metrics for the platform, invalid
 * samples rejected by `into`) is reported in `failures`; the others go on.
 *
 * @throws AbortedError when the signal aborts (batches already finished stay ingested)
 *
 * @example
 * ```ts
 * const analytics = createAnalytics();
 * const { failures } = await collectMetrics([xAdapter], refs, (account) => contextFor(account), {
 *   concurrency: 2,
 *   into: analytics,
 * });
 * ```
 */
export async function collectMetrics(
  adapters: readonly Adapter[] | ReadonlyMap<string, Adapter>,
  refs: readonly PostRef[],
  context: MetricsContext | undefined,
  options: CollectMetricsOptions = {},
): Promise<CollectMetricsResult> {
  if (context === undefined && options.via === undefined) {
    throw new TypeError(
      'collectMetrics needs a request context, or options.via to take it from a publisher.',
    );
  }
  const byPlatform: ReadonlyMap<string, Adapter> = Array.isArray(adapters)
    ? new Map(adapters.map((adapter) => [adapter.platform, adapter]))
    : (adapters as ReadonlyMap<string, Adapter>);
  const schedule = options.schedule ?? direct;
  const signal = options.signal ?? (typeof context === 'function' ? undefined : context?.signal);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const batches = planBatches(byPlatform, refs);
  const samples: MetricSample[] = [];
  const failures: MetricsFailure[] = [];

  const run = async (batch: MetricsBatch): Promise<void> => {
    const adapter = byPlatform.get(batch.platform);
    const read = adapter?.getPostMetrics;
    if (adapter === undefined || read === undefined) {
      failures.push({
        ...batch,
        error: new UnsupportedCapabilityError('post metrics', { platform: batch.platform }),
      });
      return;
    }
    try {
      const via = options.via;
      const got =
        via === undefined
          ? await schedule(
              async () =>
                read.call(
                  adapter,
                  batch.refs,
                  typeof context === 'function' ? await context(batch) : (context as RequestContext),
                ),
              batch,
            )
          : await via.run(batch, 'metrics', (ctx) => read.call(adapter, batch.refs, ctx), { signal });
      options.into?.ingestSamples(got, { trusted: options.trusted ?? false });
      for (const sample of got) samples.push(sample);
    } catch (error) {
      failures.push({ ...batch, error });
    }
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length && signal?.aborted !== true) {
      const batch = batches[next++];
      if (batch !== undefined) await run(batch);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
  if (signal?.aborted === true)
    throw new AbortedError('Collecting metrics was aborted.', { cause: signal.reason });
  return { samples, failures };
}
