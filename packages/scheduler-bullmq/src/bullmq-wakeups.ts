import type { Clock, ScheduleEntry } from '@smmkit/core';
import { systemClock } from '@smmkit/core/adapter-kit';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { bullmqConnection } from './bullmq-connection.js';
import { DEFAULT_WAKEUP_QUEUE, WAKE_JOB, type WakeJobData, wakeJobId } from './wakeup-job.js';

/** A day in seconds: how long finished wake-ups are kept by default, so re-plans stay no-ops. */
const DAY_SEC = 86_400;

/** Options of {@link bullmqWakeups}. */
export interface BullmqWakeupsOptions {
  /** A Redis URL (`redis://127.0.0.1:6379`), or an ioredis client to share. */
  readonly connection: string | Redis;
  /** The BullMQ queue's name; default `smmkit-wakeups`. Workers use the same. */
  readonly queueName?: string | undefined;
  /** BullMQ's key prefix; default BullMQ's own (`bull`). */
  readonly prefix?: string | undefined;
  /** Time source the delays are computed from; default the system clock. */
  readonly clock?: Clock | undefined;
  /**
   * How long a finished wake-up's id is kept, in seconds, so that planning the same entry at the
   * same time again stays a no-op; default one day.
   */
  readonly keepFinishedSec?: number | undefined;
}

/** Plans wake-ups on a BullMQ queue. */
export interface BullmqWakeups {
  /** The BullMQ queue (to inspect it, or to add your own jobs). */
  readonly queue: Queue<WakeJobData>;
  /**
   * Adds a delayed job that fires at `entry.publishAt`, with an id made of the entry and its time:
   * planning it again (another process, a retried request) is a no-op.
   *
   * @returns the job id
   */
  plan(entry: Pick<ScheduleEntry, 'id' | 'publishAt'>): Promise<string>;
  /** Closes the queue (a connection you passed stays open). */
  close(): Promise<void>;
}

/**
 * Wake-ups for the scheduler on BullMQ: one delayed job per entry and time, so that workers on
 * many machines are woken when an entry is due instead of polling the store. The store stays the
 * source of truth: a wake-up only makes a worker run a claim round (`scheduler.tick()`), which
 * claims what is due atomically; a stale wake-up (the entry was rescheduled, cancelled or
 * published already) claims nothing. Pair it with {@link startWakeupWorker} in every worker and
 * {@link planWakeups} wherever entries are scheduled.
 *
 * @param options - connection, queue name, prefix, clock
 * @returns the planner
 *
 * @example
 * ```ts
 * const wakeups = bullmqWakeups({ connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
 * await wakeups.plan(entry); // a job at entry.publishAt; planning it again changes nothing
 * ```
 */
export function bullmqWakeups(options: BullmqWakeupsOptions): BullmqWakeups {
  const clock = options.clock ?? systemClock;
  const keep = { age: options.keepFinishedSec ?? DAY_SEC };
  const queue = new Queue<WakeJobData>(options.queueName ?? DEFAULT_WAKEUP_QUEUE, {
    connection: bullmqConnection(options.connection),
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
  });
  return {
    queue,
    plan: async (entry) => {
      const jobId = wakeJobId(entry);
      const publishAt = entry.publishAt.getTime();
      await queue.add(
        WAKE_JOB,
        { entryId: entry.id, publishAt },
        {
          jobId,
          delay: Math.max(0, publishAt - clock.now()),
          removeOnComplete: keep,
          removeOnFail: keep,
        },
      );
      return jobId;
    },
    close: () => queue.close(),
  };
}
