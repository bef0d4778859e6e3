import { ValidationError } from '../errors/validation-error.js';
import type { ScheduleEntry } from '../models/schedule-entry.js';
import { type ScheduleStore, SLOT_HOLDING_STATUSES } from './schedule-store.js';
import type { ResolvedAccountQueue } from './scheduler-options.js';
import { nextFreeSlot, type ResolvedSlot } from './time/queue-slots.js';

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
 * @param refused - instants (epoch ms) the store refused as taken, skipped as well
 * @returns the slot, with what the DST policy did to it
 * @throws ValidationError (`slots.full`) when every slot within the horizon is taken
 */
export async function pickSlot(
  store: ScheduleStore,
  queue: ResolvedAccountQueue,
  after: Date,
  horizonDays: number,
  exceptId?: string,
  refused: ReadonlySet<number> = new Set(),
): Promise<ResolvedSlot> {
  const held = await store.list({
    accounts: [{ platform: queue.platform, accountId: queue.accountId }],
    statuses: SLOT_HOLDING_STATUSES,
    from: after,
    // A day more than the horizon: the horizon ends at a local instant, the list at a UTC one.
    to: new Date(after.getTime() + (horizonDays + 1) * DAY_MS),
  });
  const taken = new Set(
    held.filter((entry) => entry.id !== exceptId).map((entry) => entry.publishAt.getTime()),
  );
  for (const instant of refused) taken.add(instant);
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

/** One account's share of a `'next-slot'` plan: its queue, and how its entry is made for a slot. */
export interface SlotRequest {
  /** The account's zone and slots. */
  readonly queue: ResolvedAccountQueue;
  /** The account's entry, planned at `slot`. */
  readonly entryAt: (slot: ResolvedSlot) => ScheduleEntry;
}

/**
 * Adds one entry per account, each in its account's next free slot after `after`, all or none.
 * With a store that claims slots (`addIfSlotsFree`) the claim is atomic: a slot another process
 * took after it was read is refused, and that account moves on to its next free slot, until
 * every entry has one or an account's horizon is full. A store without it is read and then
 * added to (two processes may then take one slot).
 *
 * @param store - the schedule store
 * @param requests - per account, its queue and its entry
 * @param after - only slots strictly after this instant
 * @param horizonDays - how far to look
 * @returns the added entries with their slots, in the order of `requests`
 * @throws ValidationError (`slots.full`) when every slot of an account within the horizon is taken
 */
export async function addInNextSlots(
  store: ScheduleStore,
  requests: readonly SlotRequest[],
  after: Date,
  horizonDays: number,
): Promise<{ entry: ScheduleEntry; slot: ResolvedSlot }[]> {
  const refused = requests.map(() => new Set<number>());
  for (;;) {
    const made: { entry: ScheduleEntry; slot: ResolvedSlot }[] = [];
    for (const [index, request] of requests.entries()) {
      const slot = await pickSlot(store, request.queue, after, horizonDays, undefined, refused[index]);
      made.push({ entry: request.entryAt(slot), slot });
    }
    const entries = made.map((item) => item.entry);
    if (store.addIfSlotsFree === undefined) {
      await store.add(entries);
      return made;
    }
    const taken = await store.addIfSlotsFree(entries);
    if (taken.length === 0) return made;
    // Each refusal skips an instant not skipped before, so the horizon bounds the retries.
    let skipped = false;
    for (const index of taken) {
      const instant = made[index]?.slot.instant.getTime();
      const skip = refused[index];
      if (instant === undefined || skip === undefined || skip.has(instant)) continue;
      skip.add(instant);
      skipped = true;
    }
    if (!skipped) {
      throw new Error(
        `The schedule store's addIfSlotsFree refused positions ${JSON.stringify(taken)} of ${entries.length} entries, none of them a new slot: it does not keep the ScheduleStore contract.`,
      );
    }
  }
}

/**
 * Runs tasks one after another: `'next-slot'` in one scheduler reads the taken slots and claims
 * them as one step, so its own calls never race each other for a slot (the store's
 * `addIfSlotsFree` keeps other processes out).
 */
export function serialized(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
