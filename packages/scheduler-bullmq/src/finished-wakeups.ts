import type { Queue } from 'bullmq';
import type { TargetJobData } from './wakeup-job.js';

/** The states of a job that will not run again (https://docs.bullmq.io/guide/architecture). */
const FINISHED: ReadonlySet<string> = new Set(['completed', 'failed']);

/**
 * Removes the finished jobs among `jobIds` that were planned for an older revision of the entry
 * than `revision` (its `updatedAt`, epoch ms), so that adding them again queues live jobs.
 *
 * BullMQ ignores a job added with the id of a job it still holds, whatever that job's state
 * (https://docs.bullmq.io/guide/jobs/job-ids: "if you add a job with an existing id then that job
 * will just be ignored"), and finished jobs are kept a while (`keepFinishedSec`). An entry that
 * comes back to a time whose job already ran (moved away and back, failed and rescheduled to the
 * same time) would then have no job at all, and without a sweep (`sweepEveryMs: 0`) never go
 * out. A job planned for the same revision (the same plan, retried or from another process) or a
 * newer one is left alone, and so is one still waiting, delayed or running. Removing a job that
 * another process re-added meanwhile is harmless: each process adds after it removes, so a job is
 * queued in the end, and the store's per-target claim lets only one publish.
 *
 * @param queue - the wake-up queue
 * @param jobIds - the ids of the jobs about to be added
 * @param revision - the entry's `updatedAt` (epoch ms); `undefined` removes nothing
 */
export async function removeOutdatedFinishedJobs(
  queue: Queue<TargetJobData>,
  jobIds: readonly string[],
  revision: number | undefined,
): Promise<void> {
  if (revision === undefined) return;
  await Promise.all(
    jobIds.map(async (jobId) => {
      const job = await queue.getJob(jobId);
      // Jobs planned before revisions were recorded count as older than any.
      if (job === undefined || (job.data.revision ?? Number.NEGATIVE_INFINITY) >= revision) return;
      if (!FINISHED.has(await job.getState())) return;
      // 0 when the job is locked (running): then it is live, and the add below is a no-op.
      await queue.remove(jobId);
    }),
  );
}
