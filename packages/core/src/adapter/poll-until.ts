import { systemClock } from '../time/clock.js';
import type { RequestContext } from './context.js';
import { sleepInContext } from './sleep-in-context.js';

/** Options of {@link pollUntil}. */
export interface PollUntilOptions {
  /** Milliseconds from the start before giving up; finite and above 0. */
  readonly timeoutMs: number;
  /**
   * Milliseconds to wait between two checks, or a function that says it after each check (a
   * platform that answers "ask again in n seconds"). A wait never runs past the deadline, nor
   * under 100 ms (a 0, a negative or a NaN interval waits 100 ms).
   */
  readonly intervalMs: number | (() => number);
  /** What is being waited for, for the abort message (`X was processing media`). */
  readonly during: string;
  /**
   * One check: `true` when the wait is over, `false` to wait and check again; throws to stop
   * (a failed processing). `attempt` counts from 0, so a first check can use an answer already
   * in hand instead of asking the platform.
   */
  check(attempt: number): boolean | Promise<boolean>;
  /** The error to throw when the deadline has passed and the last check was not done. */
  timedOut(): Error;
}

/**
 * Checks until `check` says done, waiting on the context's clock in between, for adapters that
 * wait while the platform processes media. The deadline is `timeoutMs` after the call; after
 * each check that is not done, the remaining time is measured: none left throws `timedOut()`,
 * else it sleeps the interval (at most the remaining time) through {@link sleepInContext}, so an
 * abort while waiting is an `AbortedError`.
 *
 * @param context - the call's context (clock, signal, platform)
 * @param options - the check, the interval, the timeout and the errors' words
 *
 * @example
 * ```ts
 * await pollUntil(ctx, {
 *   timeoutMs: 300_000,
 *   intervalMs: 5_000,
 *   during: 'Acme was processing media',
 *   check: async () => (await getStatus(mediaId)) === 'ready',
 *   timedOut: () => new MediaProcessingError('media_processing_timeout', 'Acme took too long', { platform: 'acme' }),
 * });
 * ```
 */
export async function pollUntil(context: RequestContext, options: PollUntilOptions): Promise<void> {
  // A deadline of NaN or Infinity is never reached: the wait would never end.
  if (!(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) {
    throw new TypeError(`pollUntil: timeoutMs must be a finite number above 0, not ${options.timeoutMs}`);
  }
  const clock = context.clock ?? systemClock;
  const deadline = clock.now() + options.timeoutMs;
  for (let attempt = 0; ; attempt += 1) {
    if (await options.check(attempt)) return;
    const remaining = deadline - clock.now();
    if (remaining <= 0) throw options.timedOut();
    const asked = typeof options.intervalMs === 'number' ? options.intervalMs : options.intervalMs();
    // A platform that says "ask again in 0 s" (or an interval that is no number) is asked again
    // after a short floor, never in a tight loop.
    const intervalMs = Number.isNaN(asked) ? MIN_INTERVAL_MS : Math.max(asked, MIN_INTERVAL_MS);
    await sleepInContext(context, Math.min(intervalMs, remaining), options.during);
  }
}

/** The shortest wait between two checks of {@link pollUntil}. */
const MIN_INTERVAL_MS = 100;
