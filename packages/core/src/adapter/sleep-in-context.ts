import { AbortedError } from '../errors/aborted-error.js';
import { systemClock } from '../time/clock.js';
import type { RequestContext } from './context.js';

/**
 * Waits `ms` on the context's clock (fake time in tests, the system clock otherwise), for adapters
 * that poll while the platform processes media. An abort while waiting becomes an
 * {@link AbortedError} that says what was being waited for: nothing was posted yet.
 *
 * @param context - the call's context (clock, signal, and the account's platform for the error)
 * @param ms - how long to wait
 * @param during - what was going on, for the message (`X was processing media`)
 *
 * @example
 * ```ts
 * await sleepInContext(ctx, checkAfterSecs * 1000, 'X was processing media');
 * ```
 */
export async function sleepInContext(context: RequestContext, ms: number, during: string): Promise<void> {
  const clock = context.clock ?? systemClock;
  try {
    await clock.sleep(ms, context.signal);
  } catch (error) {
    if (!context.signal?.aborted) throw error;
    throw new AbortedError(`publish was aborted while ${during}.`, {
      platform: context.account.platform,
      cause: context.signal.reason,
    });
  }
}
