import type { ScheduleEntry } from '@smmkit/core';

/** The queue the wake-ups go to unless told otherwise. */
export const DEFAULT_WAKEUP_QUEUE = 'smmkit-wakeups';

/** The name of a wake-up job: an entry's time came. */
export const WAKE_JOB = 'wake';

/** The name of the recurring sweep job: runs claim rounds until nothing is due (missed wake-ups, lapsed leases). */
export const SWEEP_JOB = 'sweep';

/** What a wake-up job carries: which entry's time it is, and that time. */
export interface WakeJobData {
  /** The entry's id (for logs; the round claims whatever is due). */
  readonly entryId: string;
  /** Its `publishAt`, epoch ms. */
  readonly publishAt: number;
}

/**
 * The job id of the wake-up for `entry` at its current `publishAt`: the same for every process
 * that plans it, so a second enqueue of the same entry at the same time is a no-op (BullMQ keeps
 * one job per id), and a rescheduled entry gets a new job. BullMQ refuses custom ids that contain
 * `:` or read as integers, so `%` and `:` in the entry id are escaped and the id has a prefix.
 *
 * @param entry - the entry
 * @returns the job id
 */
export function wakeJobId(entry: Pick<ScheduleEntry, 'id' | 'publishAt'>): string {
  const id = entry.id.replaceAll('%', '%25').replaceAll(':', '%3A');
  return `wake@${entry.publishAt.getTime()}@${id}`;
}
