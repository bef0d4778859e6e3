import { type Clock, type ScheduleEntry, TransientError } from '@smmkit/core';
import { systemClock } from '@smmkit/core/adapter-kit';
import { targetKey } from '@smmkit/core/scheduler';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { bullmqQueueConnection } from './bullmq-connection.js';
import { warnOncePerOutage } from './connection-warnings.js';
import { removeOutdatedFinishedJobs } from './finished-wakeups.js';
import { redisFailure } from './redis-failure.js';
import { type TargetJobData, targetJobId, WAKE_JOB, wakeupQueueName } from './wakeup-job.js';

/** A day in seconds: how long finished jobs are kept by default, so retried plans stay no-ops. */
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
   * Needed whenever the store's prefix is not the default and another deployment shares this
   * Redis: without it both use the queue `smmkit-wakeups`, and each one's workers take (and drop)
   * the other's jobs, whose entries then go out only through their sweep, late, or never with
   * `sweepEveryMs: 0` (a worker that meets such a job warns, code `SMMKIT_WAKEUP_UNKNOWN_ENTRY`).
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
   * How long a finished job is kept, in seconds, so that planning the same revision of an entry
   * again (a retried request) stays a no-op; default one day. A newer revision of the entry (its
   * `updatedAt`) at the same time replaces the finished job (see {@link BullmqWakeups.plan}).
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
   * process, a retried request) is a no-op while its jobs are queued, and after they ran too for
   * the same `updatedAt`. Given a newer `updatedAt` (the entry changed since: moved away and back
   * to this time, or failed and rescheduled to it), a job that already ran is replaced by a new
   * one, so that the entry never waits for a job that will not come (with `sweepEveryMs: 0` no
   * sweep would run it). Without `updatedAt` a finished job is left as it is.
   *
   * @returns the job ids, in target order (an account listed twice has one job)
   * @throws TransientError when Redis cannot take the jobs now (unreachable: from a URL the queue
   *   fails at once rather than wait for the reconnection; `READONLY`, `OOM`, …); no job was
   *   added, and the worker's sweep runs the entry once it has been due for its grace period
   */
  plan(
    entry: Pick<ScheduleEntry, 'id' | 'publishAt' | 'targets'> & Partial<Pick<ScheduleEntry, 'updatedAt'>>,
  ): Promise<string[]>;
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
 * While Redis is away the queue's connection errors (one per reconnection attempt) are reported
 * as one process warning per outage, code `SMMKIT_BULLMQ_ERROR`, naming the queue and the error
 * code, unless you listen for `queue`'s `error` event yourself (then you see each one).
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
  warnOncePerOutage(queue, `BullMQ wake-ups (queue "${queue.name}")`);
  return {
    queue,
    plan: async (entry) => {
      const publishAt = entry.publishAt.getTime();
      const revision = entry.updatedAt?.getTime();
      const delay = Math.max(0, publishAt - clock.now());
      const targets = [...new Map(entry.targets.map((target) => [targetKey(target), target])).values()];
      const jobs = targets.map((target) => ({
        name: WAKE_JOB,
        data: {
          entryId: entry.id,
          publishAt,
          platform: target.platform,
          accountId: target.accountId,
          ...(revision === undefined ? {} : { revision }),
        },
        opts: {
          jobId: targetJobId(entry, target),
          delay,
          attempts: JOB_ATTEMPTS,
          backoff: { type: 'exponential', delay: FIRST_BACKOFF_MS },
          removeOnComplete: keep,
          removeOnFail: keep,
        },
      }));
      const ids = jobs.map((job) => job.opts.jobId);
      try {
        await removeOutdatedFinishedJobs(queue, ids, revision);
        await queue.addBulk(jobs);
      } catch (error) {
        throw redisFailure(error, { store: 'BullMQ wake-ups', operation: 'plan the target jobs' });
      }
      return ids;
    },
    close: () => closeQueue(queue),
  };
}

/**
 * Closes the queue. While Redis is away BullMQ's `close` fails (its connection from a URL does not
 * queue the goodbye, `enableOfflineQueue: false`) and leaves that connection reconnecting with no
 * listener, which ioredis then reports with a stack on every attempt, for ever: the connection is
 * dropped instead, and the close succeeds, as there is nothing left to close. Other errors pass.
 */
async function closeQueue(queue: Queue<TargetJobData>): Promise<void> {
  try {
    await queue.close();
  } catch (error) {
    await queue.disconnect().catch(() => undefined);
    const failure = redisFailure(error, { store: 'BullMQ wake-ups', operation: 'close the queue' });
    if (!TransientError.isInstance(failure)) throw failure;
  }
}
