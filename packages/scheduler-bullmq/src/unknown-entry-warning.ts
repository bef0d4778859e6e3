/** The warning code of a wake-up job whose entry the worker's store does not hold. */
export const UNKNOWN_ENTRY_WARNING = 'SMMKIT_WAKEUP_UNKNOWN_ENTRY';

/**
 * Warns, once per worker, that a wake-up job named an entry its scheduler's store does not hold
 * (`publishTarget` answered `missing`). The store only loses entries by hand, so this almost
 * always means that the queue is shared: two deployments whose stores have different prefixes on
 * one Redis, with no `storePrefix` (or `queueName`) of their own, plan on and take from the same
 * queue, and each worker drops the other's jobs, which then go out only through their own
 * deployment's sweep, late (after `sweepGraceMs`), or never with `sweepEveryMs: 0`.
 *
 * @param queueName - the queue the worker takes jobs from
 * @returns a function to call with the entry id of each such job; it warns the first time only
 */
export function unknownEntryWarning(queueName: string): (entryId: string) => void {
  let warned = false;
  return (entryId) => {
    if (warned) return;
    warned = true;
    process.emitWarning(
      `smmkit: a job on the BullMQ queue "${queueName}" names schedule entry "${entryId.slice(0, 80)}", which this worker's store does not hold; the job was dropped. Is the queue shared with another deployment (another store prefix) on this Redis?`,
      {
        code: UNKNOWN_ENTRY_WARNING,
        detail:
          "Give bullmqWakeups and startWakeupWorker the store's prefix as `storePrefix` (or a `queueName` of their own) in every deployment, so that each has its own queue; until then the other deployment's entries go out only through its sweep, late, or never with sweepEveryMs: 0. Reported once per worker.",
      },
    );
  };
}
