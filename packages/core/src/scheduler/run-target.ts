import type { ScheduleEntry, TargetResult } from '../models/schedule-entry.js';
import type { Publisher } from '../publisher/publisher.js';
import type { Clock } from '../time/clock.js';
import { targetResult } from './entry-results.js';
import type { SchedulerEventEmitter } from './events.js';
import { missedResults } from './lateness.js';
import { renewLease } from './lease-renewal.js';
import { failUnapprovedDue } from './overdue.js';
import { refusedOutcome } from './run-entry.js';
import { tryContinueSeries } from './series.js';
import type { TargetClaimStore, TargetRef, TargetRefusal } from './target-claims.js';

/** One target of one occurrence of an entry, to publish: what a per-target job carries. */
export interface TargetJob {
  /** The entry's id. */
  readonly entryId: string;
  /** The occurrence: the entry's `publishAt` when the job was planned. */
  readonly publishAt: Date;
  /** The target. */
  readonly target: TargetRef;
}

/** What `scheduler.publishTarget` came to. */
export interface TargetRunResult {
  /**
   * `published`, `failed` or `unknown`: this worker claimed and published the target and wrote
   * its result. `lease-lost`: another worker took the target over meanwhile (that one writes the
   * result); this one finished the publish if it had started it, and did not start it otherwise.
   * Otherwise the claim was refused, and nothing was sent (see `TargetRefusal`); a `waiting`
   * entry that was due is failed as not approved.
   */
  readonly outcome: TargetResult['status'] | 'lease-lost' | TargetRefusal;
  /** The target's result, when this worker wrote one; for `lease-lost`, how its own publish ended. */
  readonly result?: TargetResult | undefined;
  /** The entry in its final state, when this was its last target to settle. */
  readonly finished?: ScheduleEntry | undefined;
  /** For `leased`: when the holder's lease ends unless renewed; try again then. */
  readonly leaseUntil?: Date | undefined;
}

/** What {@link runTarget} needs. */
export interface RunTargetContext {
  /** The store, which claims target by target. */
  readonly store: TargetClaimStore;
  /** The publisher, with the store as its outbox. */
  readonly publisher: Publisher;
  /** Time source. */
  readonly clock: Clock;
  /** This worker's id, the target's lease holder. */
  readonly worker: string;
  /** The lease's length. */
  readonly leaseMs: number;
  /** How late a fresh claim may still be published (`undefined`: no limit). */
  readonly maxLatenessMs: number | undefined;
  /** How many overdue unapproved entries one check fails at most. */
  readonly batchSize: number;
  /** Where progress is announced. */
  readonly events: SchedulerEventEmitter;
}

/**
 * Publishes one target of one occurrence of an entry, as one per-target job asks:
 *
 * 1. claims the target in the store (atomic, with a lease); a refusal ends here, nothing sent;
 * 2. announces it (`due` when the claim started the entry or took the target over from a dead
 *    worker, `recovered` then too) and, when it started a recurring entry (or took it over), adds
 *    its next occurrence (a store that fails to is asked again once the result is written);
 * 3. publishes the target with the entry id as idempotency key, renewing the target's lease
 *    meanwhile: its outbox key is the one a whole-entry publish uses, so a target taken over
 *    from a dead worker is answered from the outbox or reconciled, never blindly sent again.
 *    When the store refuses a renewal (another worker took the target over), a target not
 *    started yet is not started (`stopUnstarted`), and no result is written: it is the new
 *    holder's.
 *    A claim more than `maxLatenessMs` after the entry's time fails with `missed`, unless it took
 *    over a target that was started (see `missedResults`);
 * 4. settles the target with its result; the last target to settle gives the entry its final
 *    state, which is announced (`published`, `failed` or `unknown`) by the worker that settled it.
 *
 * @param job - the entry, occurrence and target
 * @param context - store, publisher, clock, worker id, lease length and events
 * @returns what came of it
 */
export async function runTarget(job: TargetJob, context: RunTargetContext): Promise<TargetRunResult> {
  const { store, publisher, clock, worker, leaseMs, events } = context;
  const claim = await store.claimTarget({
    entryId: job.entryId,
    publishAt: job.publishAt,
    target: job.target,
    now: new Date(clock.now()),
    worker,
    leaseMs,
  });
  if ('refused' in claim) {
    if (claim.refused === 'waiting') {
      await failUnapprovedDue(store, events, new Date(clock.now()), context.batchSize);
    }
    return {
      outcome: claim.refused,
      ...(claim.leaseUntil === undefined ? {} : { leaseUntil: claim.leaseUntil }),
    };
  }

  const { entry, target, first, recovered } = claim.claimed;
  if (first || recovered) events.emit('due', { entry, worker, recovered, target });
  if (recovered) events.emit('recovered', { entry, worker, recovered, target });
  // The claim that starts the occurrence (or takes it over) continues the series; a later target's
  // claim must not, as it may come after the next occurrence's time and add the one after, even
  // after the series was cancelled. A store that failed here is asked again once the result is written.
  const continuesSeries = first || recovered;
  const seriesContinued = continuesSeries
    ? await tryContinueSeries(entry, store, events, new Date(clock.now()))
    : true;

  // Aborted when the lease is lost: a target not started yet is left to the new holder.
  const stopUnstarted = new AbortController();
  const lease = renewLease({
    renew: (until) => store.renewTargetLease(entry.id, target, worker, until),
    leaseMs,
    clock,
    onLost: () => {
      stopUnstarted.abort();
      events.emit('lease-lost', { id: entry.id, worker });
    },
  });
  let result: TargetResult;
  try {
    const claimedAt = { at: new Date(clock.now()), recovered };
    const [missed] = await missedResults(entry, [target], claimedAt, context.maxLatenessMs, store);
    if (missed !== undefined) {
      result = missed;
    } else {
      const [outcome] = await publisher.publish(entry.post, [target], {
        idempotencyKey: entry.id,
        stopUnstarted: stopUnstarted.signal,
      });
      result = targetResult(outcome ?? refusedOutcome(target, new Error('the publisher gave no outcome')));
    }
  } catch (error) {
    // publish() rejects only for a target list that is not one, and missedResults never: nothing was sent.
    result = targetResult(refusedOutcome(target, error));
  } finally {
    await lease.stop();
  }

  if (lease.lost()) {
    // The new holder writes the result; this one's may be a publish stopped before its start.
    if (!seriesContinued) await tryContinueSeries(entry, store, events, new Date(clock.now()));
    return { outcome: 'lease-lost', result };
  }
  const settled = await store.settleTarget({
    entryId: entry.id,
    target,
    worker,
    result,
    at: new Date(clock.now()),
    leaseMs,
  });
  if (!seriesContinued) await tryContinueSeries(entry, store, events, new Date(clock.now()));
  if (!settled.kept) {
    if (!lease.lost()) events.emit('lease-lost', { id: entry.id, worker });
    return { outcome: 'lease-lost', result };
  }
  const { finished } = settled;
  if (finished !== undefined && isFinal(finished.status)) events.emit(finished.status, { entry: finished });
  return { outcome: result.status, result, ...(finished === undefined ? {} : { finished }) };
}

function isFinal(status: ScheduleEntry['status']): status is 'published' | 'failed' | 'unknown' {
  return status === 'published' || status === 'failed' || status === 'unknown';
}
