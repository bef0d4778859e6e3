import type { ScheduleEntry } from '../models/schedule-entry.js';
import type { Publisher } from '../publisher/publisher.js';
import type { Clock } from '../time/clock.js';
import { entryOutcome } from './entry-results.js';
import type { SchedulerEventEmitter } from './events.js';
import type { ScheduleStore } from './schedule-store.js';

/** What {@link handOff} needs. */
export interface HandOffContext {
  /** The schedule store. */
  readonly store: ScheduleStore;
  /** The publisher, with the store as its outbox. */
  readonly publisher: Publisher;
  /** Time source. */
  readonly clock: Clock;
  /** Where the outcome is announced. */
  readonly events: SchedulerEventEmitter;
}

/**
 * Hands a `native` entry to the platforms as soon as it is `scheduled` (planned, approved or
 * rescheduled): each target's post is created now with `scheduledFor` = the entry's `publishAt`,
 * and the platform publishes it then, whether or not a worker runs at that time (Facebook's
 * scheduled Page posts). The entry goes on to `published` (results carry `scheduledFor`),
 * `failed` (e.g. a platform without native scheduling, or a time outside its lead window: the
 * error says which) or `unknown`, as a worker-published entry does.
 *
 * The entry stays `scheduled` while it is handed off, so no worker claims it (its time is still
 * ahead); the outcome is written with a compare-and-set from `scheduled`. This process refuses to
 * cancel or move the entry meanwhile; another process cannot tell, and when its cancel lands
 * during the hand-off, a post the platform now holds (or may hold) is written over the
 * cancellation: the entry ends as the hand-off did (`published`, `unknown`, or `failed` for its
 * other targets), not `cancelled`, and this process emits that event (the cancelling process
 * emitted `cancelled`: delete the post on the platform to take it back). An entry cancelled or
 * moved before the hand-off starts is left alone. If this process dies mid-hand-off, a worker
 * claims the entry at its time and publishes it with the same idempotency key: the outbox answers
 * a create that went out, or reconciles one that may have.
 *
 * @param entry - the `scheduled` native entry
 * @param context - store, publisher, clock and events
 * @returns the entry as it is afterwards (unchanged when someone else changed it meanwhile)
 */
export async function handOff(entry: ScheduleEntry, context: HandOffContext): Promise<ScheduleEntry> {
  const { store, publisher, clock, events } = context;
  // Changed since it was planned (another process cancelled or moved it): not this hand-off's.
  const current = await store.get(entry.id);
  if (current?.status !== 'scheduled' || current.publishAt.getTime() !== entry.publishAt.getTime())
    return current ?? entry;
  const outcomes = await publisher.publish(entry.post, entry.targets, {
    idempotencyKey: entry.id,
    scheduledFor: entry.publishAt,
  });
  const outcome = entryOutcome(outcomes);
  const patch = { status: outcome.status, results: outcome.results, error: outcome.error };
  const at = new Date(clock.now());
  const done =
    (await store.transition(entry.id, ['scheduled'], patch, at)) ??
    // Cancelled meanwhile by another process, whose cancel this process could not refuse: what
    // the platform holds stands, so the entry says so rather than `cancelled`.
    (outcome.results.every((result) => result.status === 'failed')
      ? undefined
      : await store.transition(entry.id, ['cancelled'], patch, at));
  if (done === undefined) return (await store.get(entry.id)) ?? entry;
  events.emit(outcome.status, { entry: done });
  return done;
}
