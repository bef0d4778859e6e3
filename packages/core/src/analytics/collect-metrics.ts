import type { Adapter } from '../adapter/adapter.js';
import type { RequestContext } from '../adapter/context.js';
import { AbortedError } from '../errors/aborted-error.js';
import { UnsupportedCapabilityError } from '../errors/unsupported-capability-error.js';
import type { MetricSample } from '../models/metric-sample.js';
import type { PostRef } from '../models/post-ref.js';
import type { PostMeta } from './post-meta.js';
import { checkPostMetasAmong } from './validate-inputs.js';

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

/**
 * Where collected samples go: an aggregator (`createAnalytics()`) or anything with the same
 * methods.
 */
export interface MetricSampleSink {
  /** Stores a batch of samples; see `Analytics.ingestSamples`. */
  ingestSamples(
    samples: readonly MetricSample[],
    options?: { readonly trusted?: boolean | undefined },
  ): unknown;
  /**
   * Stores the metadata of the posts of a batch, right after their samples; see
   * `Analytics.ingestPostMeta`. A sink without it receives samples only.
   */
  ingestPostMeta?(metas: readonly PostMeta[], options?: { readonly trusted?: boolean | undefined }): unknown;
}

/**
 * A post to read metrics of: a bare `PostRef`, or its {@link PostMeta} (what `publishedPosts`
 * makes of publish outcomes), which `collectMetrics` hands to the aggregator with the samples.
 */
export type MetricsPost = PostRef | PostMeta;

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
  /**
   * Receives each batch's samples as soon as it arrives, then the {@link PostMeta} of the batch's
   * posts given as metadata (`ingestPostMeta`).
   */
  readonly into?: MetricSampleSink | undefined;
  /** Passed to `into.ingestSamples`: skip validation of the adapters' samples (default false). */
  readonly trusted?: boolean | undefined;
  /** Stops starting new requests (default: the context's signal when one context is given). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * A batch that failed, with why. Other batches go on. In the result of the facade's
 * `smm.collectMetrics`, a failure with no `refs` is a read of the account's own metrics.
 */
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

/** A batch to run and the metadata of its posts that were given with it. */
interface PlannedBatch {
  readonly batch: MetricsBatch;
  readonly metas: readonly PostMeta[];
}

function isMeta(post: MetricsPost): post is PostMeta {
  return 'publishedAt' in post && post.publishedAt !== undefined;
}

/** What the adapter gets: the ref alone, never the metadata. */
function refOf(post: MetricsPost): PostRef {
  return isMeta(post)
    ? { platform: post.platform, accountId: post.accountId, platformPostId: post.platformPostId }
    : post;
}

/** Groups posts per account and cuts them into batches of the adapter's `maxPostsPerRequest`. */
function planBatches(adapters: ReadonlyMap<string, Adapter>, posts: readonly MetricsPost[]): PlannedBatch[] {
  const byAccount = new Map<string, MetricsPost[]>();
  for (const post of posts) {
    const key = `${post.platform}\u0000${post.accountId}`;
    const list = byAccount.get(key);
    if (list === undefined) byAccount.set(key, [post]);
    else list.push(post);
  }
  const planned: PlannedBatch[] = [];
  for (const list of byAccount.values()) {
    const { platform, accountId } = list[0] ?? { platform: '', accountId: '' };
    // Without a declared maximum the adapter batches as the platform allows, so hand it all.
    const size = adapters.get(platform)?.capabilities.metrics.maxPostsPerRequest ?? list.length;
    for (let i = 0; i < list.length; i += size) {
      const part = list.slice(i, i + size);
      planned.push({ batch: { platform, accountId, refs: part.map(refOf) }, metas: part.filter(isMeta) });
    }
  }
  return planned;
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
 * Post metadata: give the posts as {@link PostMeta} (`publishedPosts(post, outcomes)` makes
 * them from the publisher's outcomes) and each batch's metadata reaches `into` right after its
 * samples, so the aggregator can place the posts in time (days, hours, `since`/`until`) and by
 * campaign, tag, variant and class. Posts given as bare `PostRef`s get metrics only: they count
 * in rollups without a time bucket or window, and a report built from them says they lack
 * metadata (`Analytics.ingestPostMeta` adds it).
 *
 * A failing batch (adapter error, no adapter or no post metrics for the platform, invalid
 * samples rejected by `into`) is reported in `failures`, without its metadata; the others go on.
 *
 * @param adapters - the adapters, or a map of them by platform id
 * @param posts - the posts to read, as refs or with their metadata (see {@link MetricsPost})
 * @param context - the request context, one or per account; `undefined` with `options.via`
 * @param options - see {@link CollectMetricsOptions}
 * @returns the samples read and the batches that failed
 * @throws ValidationError when a post's metadata is invalid (before any request)
 * @throws AbortedError when the signal aborts (batches already finished stay ingested)
 *
 * @example
 * ```ts
 * const outcomes = await publisher.publish(post, targets);
 * // …later, when the platforms have counted:
 * const analytics = createAnalytics();
 * const { failures } = await collectMetrics(adapters, publishedPosts(post, outcomes), undefined, {
 *   via: publisher,
 *   into: analytics,
 * });
 * ```
 */
export async function collectMetrics(
  adapters: readonly Adapter[] | ReadonlyMap<string, Adapter>,
  posts: readonly MetricsPost[],
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
  // Validated before any request: a bad zone or date is the caller's to fix, not a batch failure.
  checkPostMetasAmong(posts, (post) => (isMeta(post) ? post : undefined));
  const batches = planBatches(byPlatform, posts);
  const samples: MetricSample[] = [];
  const failures: MetricsFailure[] = [];

  const run = async ({ batch, metas }: PlannedBatch): Promise<void> => {
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
      if (metas.length > 0) options.into?.ingestPostMeta?.(metas, { trusted: true });
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
