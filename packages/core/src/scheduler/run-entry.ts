import { SmmkitError } from '../errors/smmkit-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { ScheduleEntry } from '../models/schedule-entry.js';
import { failedOutcome, type PublishOutcome } from '../publisher/outcome.js';
import type { Publisher } from '../publisher/publisher.js';
import { describeThrown } from '../security/safe-cause.js';
import type { Clock } from '../time/clock.js';
import { type EntryOutcome, entryOutcome, outcomeOfResults, targetResult } from './entry-results.js';
import type { SchedulerEventEmitter } from './events.js';
import { missedResults } from './lateness.js';
import { renewLease } from './lease-renewal.js';
import type { ClaimedEntry, ScheduleStore } from './schedule-store.js';
import { tryContinueSeries } from './series.js';

/** What {@link runEntry} needs. */
export interface RunEntryContext {
  /** The schedule store (claims, leases, outcomes). */
  readonly store: ScheduleStore;
  /** The publisher, with the store as its outbox. */
  readonly publisher: Publisher;
  /** Time source. */
  readonly clock: Clock;
  /** This worker's id, the lease holder. */
  readonly worker: string;
  /** The lease's length. */
  readonly leaseMs: number;
  /** How late a fresh claim may still be published (`undefined`: no limit). */
  readonly maxLatenessMs: number | undefined;
  /** Where the entry's progress is announced. */
  readonly events: SchedulerEventEmitter;
}

/**
 * Publishes one claimed entry and records how it ended:
 *
 * 1. announces it (`due`, and `recovered` when it was taken over from a dead worker);
 * 2. adds the next occurrence of a recurring entry, so a series goes on whatever this one does
 *    (a store that fails to is asked again once the outcome is written);
 * 3. publishes every target with the entry id as idempotency key, renewing the lease meanwhile.
 *    When the store refuses a renewal (another worker took the entry over), the targets not
 *    started yet are not started (`stopUnstarted`): they are the new holder's; the ones started
 *    run to their end, recorded in the outbox, where the new holder finds them.
 *    A taken-over entry runs the same way: the publisher's outbox answers targets already
 *    published and reconciles creates the dead worker may have sent, never a blind republish.
 *    A native entry claimed at its time is published then (its hand-off did not happen). A
 *    claim more than `maxLatenessMs` after the entry's time does not publish the targets that
 *    were never started (no outbox record): each fails with `missed`;
 * 4. completes the claim with per-target results: `published`, `failed` or `unknown`; after a lost
 *    lease it writes none (the new holder does).
 *
 * @param claim - the claimed entry
 * @param context - store, publisher, clock, worker id, lease length and events
 * @returns the entry in its final state, or `undefined` when the lease was lost to another
 *   worker before the end (that worker records the outcome)
 */
export async function runEntry(
  claim: ClaimedEntry,
  context: RunEntryContext,
): Promise<ScheduleEntry | undefined> {
  const { store, publisher, clock, worker, events } = context;
  const { entry, recovered } = claim;
  events.emit('due', { entry, worker, recovered });
  if (recovered) events.emit('recovered', { entry, worker, recovered });
  // A store that failed here is asked again once this occurrence's outcome is written.
  const seriesContinued = await tryContinueSeries(entry, store, events, new Date(clock.now()));

  // Aborted when the lease is lost: the targets not started yet are left to the new holder.
  const stopUnstarted = new AbortController();
  const lease = renewLease({
    renew: (until) => store.renewLease(entry.id, worker, until),
    leaseMs: context.leaseMs,
    clock,
    onLost: () => {
      stopUnstarted.abort();
      events.emit('lease-lost', { id: entry.id, worker });
    },
  });
  let outcome: EntryOutcome;
  try {
    const claimedAt = { at: new Date(clock.now()), recovered };
    const missed = await missedResults(entry, entry.targets, claimedAt, context.maxLatenessMs, store);
    const due = entry.targets.filter((_, index) => missed[index] === undefined);
    const outcomes =
      due.length === 0
        ? []
        : await publisher.publish(entry.post, due, {
            idempotencyKey: entry.id,
            stopUnstarted: stopUnstarted.signal,
          });
    let published = 0;
    outcome = outcomeOfResults(
      entry.targets.map((target, index) => {
        const late = missed[index];
        if (late !== undefined) return late;
        const answer = outcomes[published];
        published += 1;
        return targetResult(answer ?? refusedOutcome(target, new Error('the publisher gave no outcome')));
      }),
    );
  } catch (error) {
    // publish() rejects only for a target list that is not one, and missedResults never: nothing
    // was sent.
    outcome = entryOutcome(entry.targets.map((target) => refusedOutcome(target, error)));
  } finally {
    await lease.stop();
  }

  const at = new Date(clock.now());
  if (lease.lost()) {
    // The new holder writes the outcome; this one's holds targets stopped before their start.
    if (!seriesContinued) await tryContinueSeries(entry, store, events, at);
    return undefined;
  }
  const patch = { status: outcome.status, results: outcome.results, error: outcome.error };
  const completed = await store.complete(entry.id, worker, patch, at);
  if (!seriesContinued) await tryContinueSeries(entry, store, events, at);
  if (!completed) {
    if (!lease.lost()) events.emit('lease-lost', { id: entry.id, worker });
    return undefined;
  }
  const { error: _previous, ...rest } = entry;
  const final: ScheduleEntry = {
    ...rest,
    status: outcome.status,
    results: outcome.results,
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
    updatedAt: at,
  };
  events.emit(outcome.status, { entry: final });
  return final;
}

/**
 * A target the publisher refused as a whole (its promise rejected): nothing was sent.
 *
 * @param target - the target
 * @param error - what `publish()` rejected with
 * @returns a failed outcome for the target
 */
export function refusedOutcome(target: ScheduleEntry['targets'][number], error: unknown): PublishOutcome {
  if (SmmkitError.isInstance(error)) return failedOutcome(target, error);
  return failedOutcome(
    target,
    new ValidationError(
      [
        {
          path: ['targets'],
          rule: 'entry.publish',
          message: `the publisher refused the entry (${describeThrown(error).text})`,
        },
      ],
      'schedule entry',
    ),
  );
}
