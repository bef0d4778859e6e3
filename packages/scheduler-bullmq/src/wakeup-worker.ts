import type { Clock } from '@smmkit/core';
import { systemClock } from '@smmkit/core/adapter-kit';
import type { Scheduler } from '@smmkit/core/scheduler';
import { DelayedError, type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { bullmqQueueConnection, bullmqWorkerConnection } from './bullmq-connection.js';
import { warnOncePerOutage } from './connection-warnings.js';
import { keepSweepAfterReconnects, upsertSweep } from './sweep-schedule.js';
import { unknownEntryWarning } from './unknown-entry-warning.js';
import { SWEEP_JOB, type TargetJobData, WAKE_JOB, wakeupQueueName } from './wakeup-job.js';

/** Default of {@link WakeupWorkerOptions.sweepEveryMs}: 30 s. */
const DEFAULT_SWEEP_MS = 30_000;

/** Default of {@link WakeupWorkerOptions.sweepGraceMs}: a minute. */
const DEFAULT_SWEEP_GRACE_MS = 60_000;

/** How long after a holder's lease end a job that found its target held looks again, in ms. */
const AFTER_LEASE_MS = 10;

/**
 * The shortest wait of a job that found its target held, in ms: a whole-entry lease that ran out
 * holds until a sweep takes the entry over, and the job must not spin meanwhile.
 */
const MIN_HELD_WAIT_MS = 1_000;

/** Most rounds one sweep runs, so that a sweep ends even while entries keep coming due. */
const MAX_SWEEP_ROUNDS = 1_000;

/** Options of {@link startWakeupWorker}. */
export interface WakeupWorkerOptions {
  /**
   * A Redis URL, or an ioredis client to share (without ioredis' `keyPrefix`: use `prefix`). A
   * client whose `maxRetriesPerRequest` is not `null` or that has a `commandTimeout` (settings
   * that make the stores' calls fail while Redis is down instead of waiting for it; with ioredis'
   * defaults a call waits over a minute) is duplicated for the worker with
   * `maxRetriesPerRequest: null` and no `commandTimeout`, as BullMQ's workers need; the duplicate
   * closes with the worker.
   */
  readonly connection: string | Redis;
  /**
   * The scheduler the jobs run: `publishTarget` for each target job (its store must claim target
   * by target, as the Redis store does), `tick` for the sweeps.
   */
  readonly scheduler: Pick<Scheduler, 'tick' | 'publishTarget'>;
  /**
   * The `prefix` of the scheduler's store; default `smmkit:`. The default queue name is made from
   * it, as in {@link bullmqWakeups}: give both the same, and give it whenever the store's prefix is
   * not the default and another deployment shares this Redis (else both take jobs from one queue,
   * and drop each other's: a job for an entry the store does not hold is warned about once, code
   * `SMMKIT_WAKEUP_UNKNOWN_ENTRY`).
   */
  readonly storePrefix?: string | undefined;
  /**
   * The BullMQ queue's name; default made from `storePrefix` as in {@link bullmqWakeups}
   * (`smmkit-wakeups` for the default prefix).
   */
  readonly queueName?: string | undefined;
  /** BullMQ's key prefix; default BullMQ's own. */
  readonly prefix?: string | undefined;
  /** Target jobs this process runs at once (BullMQ's worker concurrency); default 1. */
  readonly concurrency?: number | undefined;
  /**
   * How often some worker of the fleet runs claim rounds until nothing is due, in ms (a BullMQ
   * job scheduler, so once per interval for the whole fleet, not per process); default 30 000.
   * It fails entries due while unapproved and runs what no job covers: entries whose workers
   * died (their lease ran out) and entries whose jobs were never queued. `0` leaves it out: then
   * nothing runs an entry whose jobs could not be queued (Redis away while planning: `planWakeups`
   * reports it), ran out of attempts, or were taken by another deployment's worker (a shared
   * queue: see `storePrefix`). The job scheduler lives in Redis: the worker upserts it at start
   * and again each time its connection is ready after a reconnection, so that a Redis that
   * restarted without its data gets it back.
   */
  readonly sweepEveryMs?: number | undefined;
  /**
   * How long a `scheduled` entry must have been due before a sweep publishes it whole, in ms;
   * default 60 000. Until then it is left to its target jobs (which may wait in the queue behind
   * others); leases that ran out are taken over at once.
   */
  readonly sweepGraceMs?: number | undefined;
  /** The scheduler's clock: a wake-up that fires before its time by it waits the difference. */
  readonly clock?: Clock | undefined;
}

/** A running wake-up worker. */
export interface WakeupWorker {
  /** The BullMQ worker. */
  readonly worker: Worker<TargetJobData>;
  /**
   * Stops taking jobs, lets the current ones finish (a running sweep finishes its claim round and
   * starts no other), and closes its connections.
   */
  close(): Promise<void>;
}

/**
 * Publishes the targets of due entries as BullMQ hands this process their jobs (see
 * {@link bullmqWakeups}): each job runs `scheduler.publishTarget` for its entry, occurrence and
 * target, so the targets of one entry go out from whichever workers take their jobs, at once.
 * Start one in every worker process; BullMQ hands each job to one worker, and the store's atomic
 * per-target claim makes sure each target is published by one, whatever the jobs do. A job that
 * fires early by the scheduler's clock goes back to BullMQ's delayed set for the difference; one
 * that finds its target held by another worker goes back until that worker's lease ends, and
 * then finds the target settled (the holder finished) or takes it over (the holder died).
 *
 * A sweep job (once per `sweepEveryMs` for the whole fleet) runs the scheduler's claim rounds:
 * it fails entries due while unapproved, takes over whole the entries whose leases ran out, and
 * publishes whole what was due for `sweepGraceMs` without any job starting it.
 *
 * While Redis is away the worker's connection errors (one per reconnection attempt of each of its
 * connections) are reported as one process warning per outage, code `SMMKIT_BULLMQ_ERROR`, naming
 * the queue and the error code, unless you listen for `worker`'s `error` event yourself.
 *
 * Crash behaviour: a worker that dies mid-job loses its BullMQ lock and the job is run again
 * elsewhere (BullMQ's stalled-job check), while the target it held stays leased in the store
 * until its lease runs out; the job then takes it over as recovered (or the sweep takes the whole
 * entry over, once every lease of its targets ran out), and the publisher's outbox reconciles
 * what may have gone out, never a blind republish.
 *
 * @param options - connection, scheduler, queue, concurrency, sweep interval and grace
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
  const name = options.queueName ?? wakeupQueueName(options.storePrefix);
  const opened = bullmqWorkerConnection(options.connection, 'startWakeupWorker');
  const { connection } = opened;
  const prefix = options.prefix === undefined ? {} : { prefix: options.prefix };
  const { scheduler } = options;
  const warnUnknownEntry = unknownEntryWarning(name);

  const graceMs = options.sweepGraceMs ?? DEFAULT_SWEEP_GRACE_MS;
  /** Set by `close()`: a running sweep finishes its round and starts no other. */
  let closing = false;
  const sweep = async (): Promise<void> => {
    // A closing worker claims nothing more: each round claims (and publishes) whole entries, and
    // a backlog would keep a shutdown going round after round until the process is killed
    // holding entries, which then wait a lease and reconciliation. Another worker's sweep, or the
    // next one, claims what is left.
    for (let round = 0; round < MAX_SWEEP_ROUNDS && !closing; round += 1) {
      const { claimed, notApproved } = await scheduler.tick({ graceMs });
      if (claimed.length === 0 && notApproved.length === 0) return;
    }
  };

  /** Sends the job back to BullMQ's delayed set for `waitMs` (by the scheduler's clock). */
  const later = async (
    job: Job<TargetJobData>,
    token: string | undefined,
    waitMs: number,
  ): Promise<never> => {
    await job.moveToDelayed(Date.now() + Math.max(1, waitMs), token);
    throw new DelayedError();
  };

  const worker = new Worker<TargetJobData>(
    name,
    async (job: Job<TargetJobData>, token?: string) => {
      if (job.name === SWEEP_JOB) return sweep();
      if (job.name !== WAKE_JOB) return undefined;
      const { entryId, publishAt, platform, accountId } = job.data;
      // BullMQ's clock ran ahead of the scheduler's: wait the difference, then run.
      if (publishAt > clock.now()) return later(job, token, publishAt - clock.now());
      const run = await scheduler.publishTarget({
        entryId,
        publishAt: new Date(publishAt),
        target: { platform, accountId },
      });
      if (run.outcome === 'early') return later(job, token, publishAt - clock.now());
      // Another deployment's job, most likely: the queue is shared (see unknownEntryWarning).
      if (run.outcome === 'missing') warnUnknownEntry(entryId);
      if (run.outcome === 'leased' && run.leaseUntil !== undefined) {
        // Held by another worker: look again when its lease ends (settled by then, or taken over).
        const wait = run.leaseUntil.getTime() - clock.now() + AFTER_LEASE_MS;
        return later(job, token, Math.max(MIN_HELD_WAIT_MS, wait));
      }
      return run.outcome;
    },
    { connection, concurrency: options.concurrency ?? 1, ...prefix },
  );
  warnOncePerOutage(worker, `BullMQ wake-up worker (queue "${name}")`);

  const close = async (): Promise<void> => {
    closing = true;
    await worker.close();
    await opened.close();
  };

  const sweepEveryMs = options.sweepEveryMs ?? DEFAULT_SWEEP_MS;
  if (sweepEveryMs <= 0) return { worker, close };
  const sweepOptions = { name, prefix: options.prefix, everyMs: sweepEveryMs };
  try {
    // One scheduler for the fleet: every worker upserts the same id, so it exists once.
    await upsertSweep(sweepOptions, connection);
  } catch (error) {
    await close();
    throw error;
  }
  // A Redis that comes back empty lost the scheduler: upsert it again on each reconnection, on a
  // connection that fails fast while Redis is away (a producer's), so that close never waits.
  const kept = keepSweepAfterReconnects(
    sweepOptions,
    bullmqQueueConnection(options.connection, 'startWakeupWorker'),
    worker.getBackend(),
  );
  return {
    worker,
    close: async () => {
      await kept.stop();
      await close();
    },
  };
}
