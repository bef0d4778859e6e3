import { ValidationError } from '../errors/validation-error.js';
import type { ScheduleStatus } from '../models/schedule-status.js';
import type { ScheduleStore } from './schedule-store.js';
import type { ResolvedAccountQueue } from './scheduler-options.js';
import { nextFreeSlot, type ResolvedSlot } from './time/queue-slots.js';

/** Entries in these states hold their queue slot; failed, rejected and cancelled ones free it. */
const HOLDING: readonly ScheduleStatus[] = [
  'draft',
  'awaiting_approval',
  'scheduled',
  'publishing',
  'published',
  'unknown',
];

const DAY_MS = 86_400_000;

/**
 * The account's next free queue slot after `after`: its weekly slots in its zone, skipping the
 * instants its entries already hold.
 *
 * @param store - the schedule store
 * @param queue - the account's zone and slots
 * @param after - only slots strictly after this instant
 * @param horizonDays - how far to look
 * @param exceptId - an entry whose own slot counts as free (the one being rescheduled)
 * @returns the slot, with what the DST policy did to it
 * @throws ValidationError (`slots.full`) when every slot within the horizon is taken
 */
export async function pickSlot(
  store: ScheduleStore,
  queue: ResolvedAccountQueue,
  after: Date,
  horizonDays: number,
  exceptId?: string,
): Promise<ResolvedSlot> {
  const held = await store.list({
    accounts: [{ platform: queue.platform, accountId: queue.accountId }],
    statuses: HOLDING,
    from: after,
    // A day more than the horizon: the horizon ends at a local instant, the list at a UTC one.
    to: new Date(after.getTime() + (horizonDays + 1) * DAY_MS),
  });
  const taken = new Set(
    held.filter((entry) => entry.id !== exceptId).map((entry) => entry.publishAt.getTime()),
  );
  const slot = nextFreeSlot({ slots: queue.slots, zone: queue.zone, after, taken, horizonDays });
  if (slot !== undefined) return slot;
  throw new ValidationError(
    [
      {
        path: ['when'],
        rule: 'slots.full',
        message: `every queue slot of ${queue.platform} account ${queue.accountId} in the next ${horizonDays} days is taken; add slots or give a time`,
      },
    ],
    'schedule time',
  );
}

/**
 * Runs tasks one after another: `'next-slot'` reads the taken slots and adds the entry as one
 * step, so two calls in this process never pick the same slot.
 */
export function serialized(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
