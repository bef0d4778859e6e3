import { type ConnectionOptions, Queue } from 'bullmq';
import { CONNECTION_WARNING, warnOncePerOutage } from './connection-warnings.js';
import { errorKind } from './error-kind.js';
import { SWEEP_JOB } from './wakeup-job.js';

/** Where the sweep's job scheduler lives, and how often it runs. */
export interface SweepScheduleOptions {
  /** The BullMQ queue's name. */
  readonly name: string;
  /** BullMQ's key prefix, when not BullMQ's own. */
  readonly prefix?: string | undefined;
  /** The sweep's interval, in ms. */
  readonly everyMs: number;
}

/**
 * Upserts the sweep's job scheduler: one for the whole fleet, since every worker upserts the same
 * id (https://docs.bullmq.io/guide/job-schedulers: `upsertJobScheduler` creates the scheduler or
 * updates the one with that id).
 *
 * @param options - queue, prefix and interval
 * @param connection - the BullMQ connection to upsert it on
 * @param open - the queues open meanwhile, for the caller to close when it stops: the queue is in
 *   it while the upsert runs
 * @throws what BullMQ throws when it could not be written
 */
export async function upsertSweep(
  options: SweepScheduleOptions,
  connection: ConnectionOptions,
  open: Set<Queue> = new Set(),
): Promise<void> {
  const queue = new Queue(options.name, {
    connection,
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
  });
  open.add(queue);
  warnOncePerOutage(queue, workerName(options));
  try {
    await queue.upsertJobScheduler(
      SWEEP_JOB,
      { every: options.everyMs },
      { name: SWEEP_JOB, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  } finally {
    open.delete(queue);
    await queue.close();
  }
}

/** Stops {@link keepSweepAfterReconnects}. */
export interface KeptSweep {
  /** Upserts no more, and closes the queue of an upsert still running. */
  stop(): Promise<void>;
}

/**
 * Upserts the sweep's job scheduler again each time `backend` (the worker's) says a connection is
 * ready again. The scheduler lives in Redis only: a Redis that restarts empty (no persistence, or
 * a failover to a replica that missed it) loses it, and without it the entries whose jobs are
 * missing never run. Upserting again is what a restarted worker does, and is a no-op while the
 * scheduler is there. Each upsert opens its queue on `connection`, which should fail fast while
 * Redis is away (as {@link bullmqQueueConnection}'s does), so that closing the worker never waits
 * for one; a failed upsert is warned about (code `SMMKIT_BULLMQ_ERROR`) and tried again on the
 * next reconnection.
 *
 * @param options - queue, prefix and interval
 * @param connection - the BullMQ connection to upsert on
 * @param backend - the worker's backend, which emits `ready` when a connection is ready again
 * @returns how to stop
 */
export function keepSweepAfterReconnects(
  options: SweepScheduleOptions,
  connection: ConnectionOptions,
  backend: { on(event: 'ready', listener: () => void): unknown },
): KeptSweep {
  const open = new Set<Queue>();
  let stopped = false;
  let running = false;
  let again = false;
  const upsertAgain = async (): Promise<void> => {
    running = true;
    do {
      again = false;
      try {
        await upsertSweep(options, connection, open);
      } catch (error) {
        if (stopped) break;
        process.emitWarning(
          `smmkit: The Redis ${workerName(options)} could not schedule its sweep again after reconnecting (${errorKind(error as Error)}); it tries again on the next reconnection, and until then entries whose jobs are missing are not run.`,
          {
            code: CONNECTION_WARNING,
            detail:
              'Check that Redis accepts writes (not OOM, not a read-only replica); restarting the worker schedules the sweep too.',
          },
        );
      }
    } while (again && !stopped);
    running = false;
  };
  backend.on('ready', () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    void upsertAgain();
  });
  return {
    stop: async () => {
      stopped = true;
      // Fails the running upsert, if any, and lets go of its connection.
      await Promise.all([...open].map((queue) => queue.close().catch(() => undefined)));
    },
  };
}

/** The worker as warnings name it. */
function workerName(options: SweepScheduleOptions): string {
  return `BullMQ wake-up worker (queue "${options.name}")`;
}
