import type { Clock, ScheduleEntry } from '@smmkit/core';
import { systemClock } from '@smmkit/core/adapter-kit';
import { targetKey } from '@smmkit/core/scheduler';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { bullmqQueueConnection } from './bullmq-connection.js';
import { redisFailure } from './redis-failure.js';
import { type TargetJobData, targetJobId, WAKE_JOB, wakeupQueueName } from './wakeup-job.js';

/** A day in seconds: how long finished jobs are kept by default, so re-plans stay no-ops. */
const DAY_SEC = 86_400;

/**
 * How often BullMQ runs a target job whose processor threw (Redis unreachable, say), with
 * exponential backoff from a second: a job's run claims before it sends and the outbox answers a
 * retried target, so trying again never publishes twice.
 */
const JOB_ATTEMPTS = 8;
const FIRST_BACKOFF_MS = 1_000;

/** Options of {@link bullmqWakeups}. */
export interface BullmqWakeupsOptions {
  /**
   * A Redis URL (`redis://127.0.0.1:6379`): the queue then opens its own connection without
   * ioredis' offline queue, so that planning fails at once while Redis is away. Or an ioredis
   * client to share, as it is (without ioredis' `keyPrefix`, which BullMQ does not support: a
   * `ValidationError` says to use `prefix`).
   */
  readonly connection: string | Redis;
  /**
   * The `prefix` of the schedule store the jobs are for (`redisScheduleStore`, `redisStore`);
   * default `smmkit:`. The default queue name is made from it, so that deployments with their own
   * store prefixes on one Redis have their own queues. Give {@link startWakeupWorker} the same.
   */
  readonly storePrefix?: string | undefined;
  /**
   * The BullMQ queue's name; default `smmkit-wakeups` for the default `storePrefix`, else
   * `smmkit-wakeups@<storePrefix>` (`:` escaped as `%3A`). Workers use the same.
   */
  readonly queueName?: string | undefined;
  /** BullMQ's key prefix; default BullMQ's own (`bull`). */
  readonly prefix?: string | undefined;
  /** Time source the delays are computed from; default the system clock. */
  readonly clock?: Clock | undefined;
  /**
   * How long a finished job's id is kept, in seconds, so that planning the same entry at the
   * same time again stays a no-op; default one day.
   */
  readonly keepFinishedSec?: number | undefined;
}

/** Plans target jobs on a BullMQ queue. */
export interface BullmqWakeups {
  /** The BullMQ queue (to inspect it, or to add your own jobs). */
  readonly queue: Queue<TargetJobData>;
  /**
   * Adds one delayed job per target of `entry`, each firing at `entry.publishAt`, with ids made
   * of the entry, its time and the target ({@link targetJobId}): planning it again (another
   * process, a retried request) is a no-op.
   *
   * @returns the job ids, in target order (an account listed twice has one job)
   * @throws TransientError when Redis cannot take the jobs now (unreachable: from a URL the queue
   *   fails at once rather than wait for the reconnection; `READONLY`, `OOM`, …); no job was
   *   added, and the worker's sweep runs the entry once it has been due for its grace period
   */
  plan(entry: Pick<ScheduleEntry, 'id' | 'publishAt' | 'targets'>): Promise<string[]>;
  /** Closes the queue (a connection you passed stays open). */
  close(): Promise<void>;
}

/**
 * The scheduler on BullMQ: one delayed job per entry, occurrence and target, so that workers on
 * many machines publish an entry's targets when it is due, each target from whichever worker
 * takes its job, in parallel. The store stays the source of truth: a job runs
 * `scheduler.publishTarget`, which claims its target atomically; a stale job (the entry was
 * rescheduled, cancelled or published already) claims nothing. Pair it with
 * {@link startWakeupWorker} in every worker and {@link planWakeups} wherever entries are scheduled.
 *
 * @param options - connection, store prefix, queue name, BullMQ prefix, clock
 * @returns the planner
 *
 * @example
 * ```ts
 * const wakeups = bullmqWakeups({ connection: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
 * await wakeups.plan(entry); // a job per target at entry.publishAt; planning it again changes nothing
 * ```
 */
export function bullmqWakeups(options: BullmqWakeupsOptions): BullmqWakeups {
  const clock = options.clock ?? systemClock;
  const keep = { age: options.keepFinishedSec ?? DAY_SEC };
  const queue = new Queue<TargetJobData>(options.queueName ?? wakeupQueueName(options.storePrefix), {
    connection: bullmqQueueConnection(options.connection, 'bullmqWakeups'),
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
  });
  return {
    queue,
    plan: async (entry) => {
      const publishAt = entry.publishAt.getTime();
      const delay = Math.max(0, publishAt - clock.now());
      const targets = [...new Map(entry.targets.map((target) => [targetKey(target), target])).values()];
      const jobs = targets.map((target) => ({
        name: WAKE_JOB,
        data: { entryId: entry.id, publishAt, platform: target.platform, accountId: target.accountId },
        opts: {
          jobId: targetJobId(entry, target),
          delay,
          attempts: JOB_ATTEMPTS,
          backoff: { type: 'exponential', delay: FIRST_BACKOFF_MS },
          removeOnComplete: keep,
          removeOnFail: keep,
        },
      }));
      await queue.addBulk(jobs).catch((error: unknown) => {
        throw redisFailure(error, { store: 'BullMQ wake-ups', operation: 'plan the target jobs' });
      });
      return jobs.map((job) => job.opts.jobId);
    },
    close: () => queue.close(),
  };
}
