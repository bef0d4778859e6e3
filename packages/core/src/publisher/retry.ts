import pRetry from 'p-retry';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { SmmkitError } from '../errors/smmkit-error.js';
import { TransientError } from '../errors/transient-error.js';
import type { Clock } from '../time/clock.js';
import type { ResolvedRetryOptions } from './options.js';

/** A retry about to be waited for. */
export interface PlannedRetry {
  /** The attempt that comes next (2 for the first retry). */
  readonly attempt: number;
  /** How long to wait first, in ms. */
  readonly delayMs: number;
  /** The error that failed the last attempt. */
  readonly error: SmmkitError;
}

/** What {@link withRetry} needs besides the operation. */
export interface RetryRun {
  /** The policy. */
  readonly options: ResolvedRetryOptions;
  /** The time source of every wait. */
  readonly clock: Clock;
  /** Stops waiting between attempts (the wait rejects with its reason). */
  readonly signal?: AbortSignal | undefined;
  /** Added to reset times (`ThrottleOptions.resetSkewMs`). */
  readonly resetSkewMs: number;
  /** Told about every failed attempt first, retried or not (to pause a bucket on a 429). */
  readonly onFailure?: ((error: unknown) => void) | undefined;
  /** Told before each wait for a retry. */
  readonly onRetry?: ((retry: PlannedRetry) => void) | undefined;
}

/**
 * The delay before retrying after `error`, or `undefined` when it must not be retried: not a
 * retryable smmkit error. A `RateLimitError` waits for its `resetAt`, a `TransientError` for its
 * `retryAt`; other retryable errors back off exponentially with equal jitter (half fixed, half
 * random, so retries neither bunch up nor collapse to zero).
 *
 * @param error - what failed the attempt
 * @param attempt - the number of the attempt that failed (1 for the first)
 * @param now - epoch ms
 * @param run - the policy and reset skew
 * @returns the delay in ms, or `undefined`
 */
export function retryDelay(
  error: unknown,
  attempt: number,
  now: number,
  run: Pick<RetryRun, 'options' | 'resetSkewMs'>,
): number | undefined {
  if (!SmmkitError.isInstance(error) || !error.retryable) return undefined;
  const { minDelayMs, maxDelayMs, factor, random } = run.options;
  if (RateLimitError.isInstance(error) && error.resetAt !== undefined) {
    return Math.max(0, error.resetAt.getTime() - now) + run.resetSkewMs;
  }
  if (TransientError.isInstance(error) && error.retryAt !== undefined) {
    return Math.max(0, error.retryAt.getTime() - now);
  }
  const base = Math.min(maxDelayMs, minDelayMs * factor ** (attempt - 1));
  return Math.round(base / 2 + (random() * base) / 2);
}

/**
 * Runs `operation` until it succeeds, fails with an error that is not retried, or runs out of
 * attempts or total time (then the last error is thrown as is).
 *
 * p-retry counts attempts and rethrows; it cannot take a custom delay function and its own
 * waits use `setTimeout`, so it runs with `minTimeout: 0` (it then schedules no timer) and the
 * wait happens in `onFailedAttempt` on the injected clock, where fake time drives it. The
 * caller's signal is not handed to p-retry on purpose: p-retry would reject with the abort
 * reason instead of the operation's error, and an `AmbiguousOutcomeError` must never be lost.
 *
 * @param operation - one attempt; gets the attempt number (1 for the first)
 * @param run - policy, clock, signal and listeners
 * @returns what the successful attempt returned
 */
export async function withRetry<T>(operation: (attempt: number) => Promise<T>, run: RetryRun): Promise<T> {
  const started = run.clock.now();
  return pRetry(operation, {
    retries: run.options.maxAttempts - 1,
    minTimeout: 0,
    factor: 1,
    randomize: false,
    onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
      run.onFailure?.(error);
      const now = run.clock.now();
      const delayMs = retriesLeft > 0 ? retryDelay(error, attemptNumber, now, run) : undefined;
      // Throwing from here ends p-retry's loop with this very error.
      if (delayMs === undefined || !SmmkitError.isInstance(error)) throw error;
      if (now + delayMs - started > run.options.maxTotalMs) throw error;
      run.onRetry?.({ attempt: attemptNumber + 1, delayMs, error });
      await run.clock.sleep(delayMs, run.signal);
    },
  });
}
