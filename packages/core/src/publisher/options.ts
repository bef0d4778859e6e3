import type { Adapter } from '../adapter/adapter.js';
import { adaptersByPlatform } from '../adapter/adapters-by-platform.js';
import type { TokenProvider } from '../auth/token-provider.js';
import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import type { Target } from '../models/target.js';
import type { Outbox } from '../scheduler/outbox.js';
import { type Clock, systemClock } from '../time/clock.js';
import { CLOCK_HINT, clockProblem } from '../time/clock-problem.js';
import type { BudgetLedger } from './budget-ledger.js';

/**
 * How failed attempts are retried. Only errors marked `retryable` (rate limits, transient
 * failures, media processing timeouts) are retried; every other error fails at once.
 */
export interface RetryOptions {
  /** Attempts in all, the first included (default 5). */
  readonly maxAttempts?: number | undefined;
  /** First backoff delay in ms (default 1 000). */
  readonly minDelayMs?: number | undefined;
  /** Largest backoff delay in ms (default 60 000). */
  readonly maxDelayMs?: number | undefined;
  /** Growth of the backoff per attempt (default 2). */
  readonly factor?: number | undefined;
  /**
   * Longest time from the first attempt to the start of the last retry, in ms (default 30 minutes:
   * enough to sit out one 15-minute X window and a retry after it). A retry that would start later
   * is not made and the last error is reported.
   */
  readonly maxTotalMs?: number | undefined;
  /** Random source in [0, 1) for jitter (default `Math.random`); tests pass a fixed one. */
  readonly random?: (() => number) | undefined;
}

/** How requests are spaced within a bucket's budget. */
export interface ThrottleOptions {
  /** Publishes running at once per (platform, account, bucket) queue (default 1). */
  readonly concurrency?: number | undefined;
  /**
   * Share of a window's limit kept in reserve, never spent by the publisher, rounded down
   * (default 0.02: 2 of X's 100 posts per 15 minutes, none of a window of 20). Room for other
   * clients of the same account (the user's phone app) between two reports of the window; the
   * publisher's own requests in flight are already counted when they are sent, and a 429 that
   * slips through pauses the bucket until the reset and is retried.
   */
  readonly safetyFraction?: number | undefined;
  /**
   * While more than this share of a window remains, requests go out at once (default 0.5); below
   * it they are spread evenly so that what remains lasts until the reset.
   */
  readonly burstFraction?: number | undefined;
  /** Added to every reset time, in ms, because platform and local clocks differ (default 1 000). */
  readonly resetSkewMs?: number | undefined;
  /**
   * For platforms that report usage as a share (Meta's `X-App-Usage`): from this share on
   * requests slow down (default 0.75), so the platform's 100 % is never reached.
   */
  readonly usageSlowFrom?: number | undefined;
  /** Delay in ms before a request when usage reaches 100 % and no reset time is known (default 60 000). */
  readonly usageMaxDelayMs?: number | undefined;
  /**
   * Longest a call waits for a spent budget, a 429 pause or 100 % usage to clear, in ms (default
   * 30 minutes: one X window). A longer wait (Instagram's 24-hour publishing quota) fails the call
   * at once with a `RateLimitError` whose `resetAt` says when to try again, nothing sent, instead
   * of holding its promise for hours. Pacing within a budget (spreading) is never cut short.
   */
  readonly maxWaitMs?: number | undefined;
  /**
   * Where the rate budgets live (default: this publisher's memory). Give every worker process the
   * same shared ledger (`redisBudgetLedger` from `@smmkit/scheduler-bullmq`) and they spend one
   * budget per (platform, account, bucket) together: what one learns from headers and a 429 one
   * gets hold for all. Give them the same throttle options too: each booking applies its
   * caller's policy to the shared counts. Concurrency stays per process.
   */
  readonly ledger?: BudgetLedger | undefined;
}

/** How an ambiguous create is reconciled. */
export interface ReconcileOptions {
  /** Look for the post from this many ms before the first attempt (default 60 000), for clock skew. */
  readonly lookbackMs?: number | undefined;
  /**
   * When a first look finds nothing, wait this long and look again (default 5 000 ms): a
   * platform's timeline can lag a little behind its create.
   */
  readonly recheckDelayMs?: number | undefined;
  /** Creates retried with the same idempotency key before giving up (default 3). */
  readonly idempotentRetries?: number | undefined;
}

/**
 * Options of {@link createPublisher}.
 *
 * @example
 * ```ts
 * const publisher = createPublisher({
 *   adapters: [createXAdapter(), createMastodonAdapter({ instanceUrl })],
 *   tokens: (target) => tokenProviders.get(target.accountId),
 *   retry: { maxAttempts: 4 },
 * });
 * ```
 */
export interface PublisherOptions {
  /** The adapters to publish with, one per platform id. */
  readonly adapters: readonly Adapter[];
  /**
   * The token provider of a target's account. Called once per (platform, account); the provider is
   * reused for every later publish, so a refreshing provider refreshes once for all queued work.
   */
  readonly tokens: (target: Target) => TokenProvider;
  /**
   * The account's handle (username, without `@`), put in every request context's `account`, so
   * adapters build post URLs with it (X: `https://x.com/{handle}/status/{id}` instead of
   * `https://x.com/i/web/status/{id}`). Asked before each call; may be async. No handle (or an
   * option that throws) only changes the URL form. `createSmmkit` passes the registry's.
   */
  readonly handle?:
    | ((account: Pick<Target, 'platform' | 'accountId'>) => string | undefined | Promise<string | undefined>)
    | undefined;
  /** Time source for every wait (default the system clock); tests pass a fake one. */
  readonly clock?: Clock | undefined;
  /** Retry policy; see {@link RetryOptions}. */
  readonly retry?: RetryOptions | undefined;
  /** Throttling policy; see {@link ThrottleOptions}. */
  readonly throttle?: ThrottleOptions | undefined;
  /** Reconciliation policy; see {@link ReconcileOptions}. */
  readonly reconcile?: ReconcileOptions | undefined;
  /** Makes an idempotency key when `publish` is given none (default `crypto.randomUUID`). */
  readonly newKey?: (() => string) | undefined;
  /**
   * Where each create is written down before it is sent (default: nowhere). With an outbox,
   * publishing is crash-safe across processes: a target whose key the outbox holds as
   * `published` is answered from the record without a send; one left `sending` by a run that
   * died, or `unknown`, is reconciled instead of created again; every outcome is written back,
   * and `unknown` ones stay in the outbox until resolved. Every schedule store is an outbox
   * (`memoryScheduleStore()`, `sqliteScheduleStore(path)`); pass stable idempotency keys
   * (`publish(post, targets, { idempotencyKey })`) so a rerun finds its records.
   */
  readonly outbox?: Outbox | undefined;
}

/** {@link RetryOptions} with every default filled in. */
export interface ResolvedRetryOptions {
  /** See {@link RetryOptions.maxAttempts}. */
  readonly maxAttempts: number;
  /** See {@link RetryOptions.minDelayMs}. */
  readonly minDelayMs: number;
  /** See {@link RetryOptions.maxDelayMs}. */
  readonly maxDelayMs: number;
  /** See {@link RetryOptions.factor}. */
  readonly factor: number;
  /** See {@link RetryOptions.maxTotalMs}. */
  readonly maxTotalMs: number;
  /** See {@link RetryOptions.random}. */
  readonly random: () => number;
}

/** {@link ThrottleOptions} with every default filled in. */
export interface ResolvedThrottleOptions {
  /** See {@link ThrottleOptions.concurrency}. */
  readonly concurrency: number;
  /** See {@link ThrottleOptions.safetyFraction}. */
  readonly safetyFraction: number;
  /** See {@link ThrottleOptions.burstFraction}. */
  readonly burstFraction: number;
  /** See {@link ThrottleOptions.resetSkewMs}. */
  readonly resetSkewMs: number;
  /** See {@link ThrottleOptions.usageSlowFrom}. */
  readonly usageSlowFrom: number;
  /** See {@link ThrottleOptions.usageMaxDelayMs}. */
  readonly usageMaxDelayMs: number;
  /** See {@link ThrottleOptions.maxWaitMs}. */
  readonly maxWaitMs: number;
  /** See {@link ThrottleOptions.ledger}; `undefined`: each throttle keeps its budgets in memory. */
  readonly ledger: BudgetLedger | undefined;
}

/** {@link ReconcileOptions} with every default filled in. */
export interface ResolvedReconcileOptions {
  /** See {@link ReconcileOptions.lookbackMs}. */
  readonly lookbackMs: number;
  /** See {@link ReconcileOptions.recheckDelayMs}. */
  readonly recheckDelayMs: number;
  /** See {@link ReconcileOptions.idempotentRetries}. */
  readonly idempotentRetries: number;
}

/** {@link PublisherOptions} with every default filled in. */
export interface ResolvedPublisherOptions {
  /** Adapters by platform id. */
  readonly adapters: ReadonlyMap<string, Adapter>;
  /** See {@link PublisherOptions.tokens}. */
  readonly tokens: (target: Target) => TokenProvider;
  /** See {@link PublisherOptions.handle}. */
  readonly handle: PublisherOptions['handle'];
  /** See {@link PublisherOptions.clock}. */
  readonly clock: Clock;
  /** Retry policy. */
  readonly retry: ResolvedRetryOptions;
  /** Throttling policy. */
  readonly throttle: ResolvedThrottleOptions;
  /** Reconciliation policy. */
  readonly reconcile: ResolvedReconcileOptions;
  /** See {@link PublisherOptions.newKey}. */
  readonly newKey: () => string;
  /** See {@link PublisherOptions.outbox}. */
  readonly outbox: Outbox | undefined;
}

/**
 * Fills in every default of {@link PublisherOptions}.
 *
 * @param options - what the caller gave
 * @returns the options the publisher runs with
 * @throws ValidationError naming every adapter after the first of its platform, and a clock
 *   whose `now()` is not epoch milliseconds
 */
export function resolvePublisherOptions(options: PublisherOptions): ResolvedPublisherOptions {
  const problems: ValidationProblem[] = [];
  const adapters = adaptersByPlatform(options.adapters, 'publisher', problems);
  const clock = options.clock ?? systemClock;
  const clockWrong = clockProblem(clock, 'publisher');
  if (clockWrong !== undefined) problems.push(clockWrong);
  if (problems.length > 0) {
    throw new ValidationError(problems, 'publisher options', {
      hint: `Fix every listed option: pass one adapter per platform id (the publisher picks the adapter of each target by its platform). ${CLOCK_HINT}`,
    });
  }
  const retry = options.retry ?? {};
  const throttle = options.throttle ?? {};
  const reconcile = options.reconcile ?? {};
  return {
    adapters,
    tokens: options.tokens,
    handle: options.handle,
    clock,
    retry: {
      maxAttempts: Math.max(1, Math.trunc(retry.maxAttempts ?? 5)),
      minDelayMs: retry.minDelayMs ?? 1_000,
      maxDelayMs: retry.maxDelayMs ?? 60_000,
      factor: retry.factor ?? 2,
      maxTotalMs: retry.maxTotalMs ?? 30 * 60_000,
      random: retry.random ?? Math.random,
    },
    throttle: {
      concurrency: Math.max(1, Math.trunc(throttle.concurrency ?? 1)),
      safetyFraction: throttle.safetyFraction ?? 0.02,
      burstFraction: throttle.burstFraction ?? 0.5,
      resetSkewMs: throttle.resetSkewMs ?? 1_000,
      usageSlowFrom: throttle.usageSlowFrom ?? 0.75,
      usageMaxDelayMs: throttle.usageMaxDelayMs ?? 60_000,
      maxWaitMs: throttle.maxWaitMs ?? 30 * 60_000,
      ledger: throttle.ledger,
    },
    reconcile: {
      lookbackMs: reconcile.lookbackMs ?? 60_000,
      recheckDelayMs: reconcile.recheckDelayMs ?? 5_000,
      idempotentRetries: Math.max(0, Math.trunc(reconcile.idempotentRetries ?? 3)),
    },
    newKey: options.newKey ?? (() => globalThis.crypto.randomUUID()),
    outbox: options.outbox,
  };
}
