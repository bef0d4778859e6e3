import type { Clock } from '@smmkit/core';
import { systemClock } from '@smmkit/core/adapter-kit';
import type { Scheduler } from '@smmkit/core/scheduler';
import { DelayedError, type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { bullmqConnection } from './bullmq-connection.js';
import { DEFAULT_WAKEUP_QUEUE, SWEEP_JOB, WAKE_JOB, type WakeJobData } from './wakeup-job.js';

/** Default of {@link WakeupWorkerOptions.sweepEveryMs}: 30 s. */
const DEFAULT_SWEEP_MS = 30_000;

/** Most rounds one sweep runs, so that a sweep ends even while entries keep coming due. */
const MAX_SWEEP_ROUNDS = 1_000;

/** Options of {@link startWakeupWorker}. */
export interface WakeupWorkerOptions {
  /** A Redis URL, or an ioredis client to share. */
  readonly connection: string | Redis;
  /** The scheduler whose claim rounds the jobs run (only `tick` is used). */
  readonly scheduler: Pick<Scheduler, 'tick'>;
  /** The BullMQ queue's name; default `smmkit-wakeups` (as {@link bullmqWakeups}). */
  readonly queueName?: string | undefined;
  /** BullMQ's key prefix; default BullMQ's own. */
  readonly prefix?: string | undefined;
  /** Wake-ups this process handles at once (BullMQ's worker concurrency); default 1. */
  readonly concurrency?: number | undefined;
  /**
   * How often some worker of the fleet runs claim rounds until nothing is due, in ms (a BullMQ
   * job scheduler, so once per interval for the whole fleet, not per process); default 30 000.
   * It runs what no wake-up covers: entries whose worker died (their lease ran out) and wake-ups
   * that were never queued. `0` leaves it out.
   */
  readonly sweepEveryMs?: number | undefined;
  /** The scheduler's clock: a wake-up that fires before its time by it waits the difference. */
  readonly clock?: Clock | undefined;
}

/** A running wake-up worker. */
export interface WakeupWorker {
  /** The BullMQ worker. */
  readonly worker: Worker<WakeJobData>;
  /** Stops taking jobs, lets the current ones finish, and closes its connections. */
  close(): Promise<void>;
}

/**
 * Runs the scheduler's claim rounds when BullMQ says so: at each wake-up (an entry's time, see
 * {@link bullmqWakeups}) and at every sweep. Start one in every worker process; BullMQ hands each
 * job to one worker, and the store's atomic claim makes sure each entry is published by one,
 * whatever the jobs do. A wake-up that fires early by the scheduler's clock goes back to BullMQ's
 * delayed set for the difference, so it is never used up before its entry is due.
 *
 * Crash behaviour: a worker that dies mid-job loses its BullMQ lock and the job is retried
 * elsewhere (BullMQ's stalled-job check), while the entry it held stays leased in the store until
 * its lease runs out; the next sweep after that claims it as recovered, and the publisher's outbox
 * reconciles what may have gone out, never a blind republish.
 *
 * @param options - connection, scheduler, queue, concurrency, sweep interval
 * @returns the running worker
 *
 * @example
 * ```ts
 * const scheduler = createScheduler({ store, publisher }); // no scheduler.start(): BullMQ drives it
 * const worker = await startWakeupWorker({ connection: redisUrl, scheduler, concurrency: 4 });
 * process.on('SIGTERM', () => void worker.close());
 * ```
 */
export async function startWakeupWorker(options: WakeupWorkerOptions): Promise<WakeupWorker> {
  const clock = options.clock ?? systemClock;
  const name = options.queueName ?? DEFAULT_WAKEUP_QUEUE;
  const connection = bullmqConnection(options.connection);
  const prefix = options.prefix === undefined ? {} : { prefix: options.prefix };
  const { scheduler } = options;

  const sweep = async (): Promise<void> => {
    for (let round = 0; round < MAX_SWEEP_ROUNDS; round += 1) {
      const { claimed, notApproved } = await scheduler.tick();
      if (claimed.length === 0 && notApproved.length === 0) return;
    }
  };

  const worker = new Worker<WakeJobData>(
    name,
    async (job: Job<WakeJobData>, token?: string) => {
      if (job.name === SWEEP_JOB) return sweep();
      if (job.name !== WAKE_JOB) return undefined;
      const early = job.data.publishAt - clock.now();
      if (early > 0) {
        // BullMQ's clock ran ahead of the scheduler's: wait the difference, then run.
        await job.moveToDelayed(Date.now() + early, token);
        throw new DelayedError();
      }
      await scheduler.tick();
      return undefined;
    },
    { connection, concurrency: options.concurrency ?? 1, ...prefix },
  );

  const sweepEveryMs = options.sweepEveryMs ?? DEFAULT_SWEEP_MS;
  if (sweepEveryMs > 0) {
    const queue = new Queue(name, { connection, ...prefix });
    try {
      // One scheduler for the fleet: every worker upserts the same id, so it exists once.
      await queue.upsertJobScheduler(
        SWEEP_JOB,
        { every: sweepEveryMs },
        { name: SWEEP_JOB, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
    } finally {
      await queue.close();
    }
  }
  return { worker, close: () => worker.close() };
}
