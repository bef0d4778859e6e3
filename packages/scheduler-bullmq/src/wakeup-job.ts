import type { ScheduleEntry } from '@smmkit/core';
import type { TargetRef } from '@smmkit/core/scheduler';

/** The queue the jobs of a store with the default prefix go to unless told otherwise. */
const DEFAULT_WAKEUP_QUEUE = 'smmkit-wakeups';

/** The stores' default key prefix. */
const DEFAULT_STORE_PREFIX = 'smmkit:';

/** The name of a target job: publish one target of an entry at its time. */
export const WAKE_JOB = 'publish-target';

/** The name of the recurring sweep job: fails unapproved due entries and runs what no job ran in time. */
export const SWEEP_JOB = 'sweep';

/** What a target job carries: which entry, occurrence and target to publish. */
export interface TargetJobData {
  /** The entry's id. */
  readonly entryId: string;
  /** The occurrence: the entry's `publishAt` when the job was planned, epoch ms. */
  readonly publishAt: number;
  /** The target's platform. */
  readonly platform: string;
  /** The target's account id. */
  readonly accountId: string;
  /**
   * The entry's `updatedAt` when the job was planned, epoch ms (absent when planned without it, or
   * by an earlier smmkit): planning a newer revision of the entry replaces the job once it ran.
   */
  readonly revision?: number | undefined;
}

/** `%`, `:` and `@` escaped, so that the parts of a job id never run into each other. */
function escapePart(part: string): string {
  return part.replaceAll('%', '%25').replaceAll(':', '%3A').replaceAll('@', '%40');
}

/**
 * The default queue of the wake-ups of the store whose key prefix is `storePrefix`: each
 * schedule gets a queue of its own, so that two deployments on one Redis (two store prefixes)
 * never run each other's jobs (a worker would find no such entry in its store and drop the job).
 * The default prefix keeps the queue it always had, `smmkit-wakeups`; another prefix gets
 * `smmkit-wakeups@<prefix>`, escaped as job ids are (BullMQ refuses `:` in queue names).
 *
 * @param storePrefix - the store's `prefix`; default `smmkit:`
 * @returns the queue name
 */
export function wakeupQueueName(storePrefix: string = DEFAULT_STORE_PREFIX): string {
  return storePrefix === DEFAULT_STORE_PREFIX
    ? DEFAULT_WAKEUP_QUEUE
    : `${DEFAULT_WAKEUP_QUEUE}@${escapePart(storePrefix)}`;
}

/**
 * The job id of the job that publishes `target` of `entry` at its current `publishAt`:
 * `target@<publishAt epoch ms>@<entry id>@<platform>@<account id>`, each part with `%`, `:` and
 * `@` escaped (`%25`, `%3A`, `%40`; BullMQ refuses custom ids that contain `:` or read as
 * integers). It is the same for every process that plans it, so a second enqueue of the same
 * entry, occurrence and target is a no-op while its job is queued (BullMQ keeps one job per id),
 * and a rescheduled entry (another `publishAt`) gets new jobs. An entry that comes back to a time
 * whose job already ran gets that id again: `bullmqWakeups`' `plan` replaces the finished job.
 *
 * @param entry - the entry (its id and `publishAt`)
 * @param target - one of its targets
 * @returns the job id
 *
 * @example
 * ```ts
 * targetJobId({ id: 'launch', publishAt: new Date('2026-05-04T07:00:00Z') }, { platform: 'x', accountId: '2244994945' });
 * // 'target@1777878000000@launch@x@2244994945'
 * ```
 */
export function targetJobId(entry: Pick<ScheduleEntry, 'id' | 'publishAt'>, target: TargetRef): string {
  return ['target', String(entry.publishAt.getTime()), entry.id, target.platform, target.accountId]
    .map(escapePart)
    .join('@');
}
