import { type ScheduleEntry, SmmkitError } from '@smmkit/core';
import type { SchedulerEventEmitter } from '@smmkit/core/scheduler';
import type { BullmqWakeups } from './bullmq-wakeups.js';
import { errorKind } from './error-kind.js';

/** States whose entries need jobs at their time: to publish, or to fail as not approved. */
const WAITING: ReadonlySet<string> = new Set(['scheduled', 'draft', 'awaiting_approval']);

/** Events after which an entry may wait for a new time. */
const PLANNING_EVENTS = ['scheduled', 'submitted', 'approved', 'rescheduled'] as const;

/** What {@link planWakeups} returns. */
export interface PlannedWakeups {
  /** Resolves once every job planned so far is on the queue (or failed and was reported). */
  settled(): Promise<void>;
  /** Stops planning. */
  stop(): void;
}

/**
 * Plans the target jobs of every entry a scheduler schedules, submits, approves or reschedules
 * (including each new occurrence of a series, which the worker that started the last one adds),
 * one per target, so that BullMQ has workers publish its targets at its time. Entries still
 * waiting for approval get them too: at their time the first job fails the entry as not
 * approved, as it should.
 *
 * Jobs that could not be queued (Redis unreachable) are reported to `onError`; nothing is lost,
 * since the worker's sweep publishes whole what was due for its grace period with no job.
 *
 * @param events - the scheduler's events (`scheduler.events`)
 * @param wakeups - where to plan
 * @param onError - told about a wake-up that could not be planned; default a process warning
 * @returns a handle to wait for what was planned, and to stop
 *
 * @example
 * ```ts
 * const scheduler = createScheduler({ store, publisher });
 * planWakeups(scheduler.events, bullmqWakeups({ connection: redisUrl }));
 * await scheduler.schedule(post, targets, new Date('2026-05-01T07:00:00Z')); // a job per target at 07:00
 * ```
 */
export function planWakeups(
  events: SchedulerEventEmitter,
  wakeups: Pick<BullmqWakeups, 'plan'>,
  onError: (error: unknown, entry: ScheduleEntry) => void = warn,
): PlannedWakeups {
  const pending = new Set<Promise<void>>();
  const listener = ({ entry }: { readonly entry: ScheduleEntry }): void => {
    if (!WAITING.has(entry.status)) return;
    const planned = wakeups.plan(entry).then(
      () => undefined,
      (error: unknown) => onError(error, entry),
    );
    pending.add(planned);
    void planned.finally(() => pending.delete(planned));
  };
  for (const name of PLANNING_EVENTS) events.on(name, listener);
  return {
    settled: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    stop: () => {
      for (const name of PLANNING_EVENTS) events.off(name, listener);
    },
  };
}

function warn(error: unknown, entry: ScheduleEntry): void {
  process.emitWarning(
    `smmkit: no jobs planned for schedule entry "${entry.id}" (the workers' sweep runs it once due, unless sweepEveryMs is 0): ${plannedFailure(error)}`,
  );
}

/** What failed, in words without a secret: a smmkit error's message (written not to hold one), else its kind. */
function plannedFailure(error: unknown): string {
  if (SmmkitError.isInstance(error)) return error.message;
  return error instanceof Error ? errorKind(error) : typeof error;
}
