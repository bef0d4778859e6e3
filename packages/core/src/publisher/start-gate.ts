import { AbortedError } from '../errors/aborted-error.js';
import type { Target } from '../models/target.js';

/**
 * Where one target's publish stands with `PublishOptions.stopUnstarted`: until it starts (its
 * intent is recorded in the outbox, it answers an earlier run's record, or without an outbox its
 * first create attempt begins), that signal stops it; from then on only the publish's own
 * `signal` does.
 */
export interface StartGate {
  /**
   * The signal of the target's own waits (its queue turn, rate budget, retry backoff): before the
   * start it aborts with the publish's `signal` or with `stopUnstarted`; after it, it is the
   * publish's `signal`. Read it at each wait.
   */
  readonly signal: AbortSignal | undefined;
  /** Marks the target started: `stopUnstarted` no longer stops it. */
  start(): void;
  /**
   * @returns the `AbortedError` to fail the target with when `stopUnstarted` aborted before
   *   it started (nothing was sent for it, nothing recorded); otherwise `undefined`
   */
  refusal(): AbortedError | undefined;
  /** Stops listening to the signals (the target's publish is over). */
  dispose(): void;
}

/**
 * Makes the {@link StartGate} of one target's publish. Without `stopUnstarted` it is inert: its
 * `signal` is the publish's own, so the publish behaves exactly as it always did.
 *
 * @param target - the target (named in the refusal)
 * @param signal - the publish's `signal`, which stops the target whether started or not
 * @param stopUnstarted - the publish's `stopUnstarted`, which stops it only before its start
 * @returns the gate
 */
export function startGate(
  target: Target,
  signal: AbortSignal | undefined,
  stopUnstarted: AbortSignal | undefined,
): StartGate {
  if (stopUnstarted === undefined) {
    return { signal, start: () => undefined, refusal: () => undefined, dispose: () => undefined };
  }
  let started = false;
  const refusal = (): AbortedError | undefined =>
    started || !stopUnstarted.aborted
      ? undefined
      : new AbortedError(
          `The publish to ${target.platform} account ${target.accountId} was stopped before it started; nothing was sent.`,
          {
            platform: target.platform,
            hint: 'Whoever stopped it publishes this target; nothing to do here.',
          },
        );
  const beforeStart = new AbortController();
  const onSignal = (): void => beforeStart.abort(signal?.reason);
  const onStop = (): void => {
    if (!started) beforeStart.abort(refusal());
  };
  if (signal?.aborted) onSignal();
  else signal?.addEventListener('abort', onSignal, { once: true });
  if (stopUnstarted.aborted) onStop();
  else stopUnstarted.addEventListener('abort', onStop, { once: true });
  return {
    get signal() {
      return started ? signal : beforeStart.signal;
    },
    start: () => {
      started = true;
    },
    refusal,
    dispose: () => {
      signal?.removeEventListener('abort', onSignal);
      stopUnstarted.removeEventListener('abort', onStop);
    },
  };
}
