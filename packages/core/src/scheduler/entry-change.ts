import { ValidationError } from '../errors/validation-error.js';
import type { ScheduleEntry } from '../models/schedule-entry.js';
import type { ScheduleStatus } from '../models/schedule-status.js';
import type { EntryPatch, ScheduleStore } from './schedule-store.js';

/**
 * Changes one entry by a compare-and-set on its state: reads it, checks it is in one of `from`,
 * and applies `patch(entry)` only if nobody changed its state (or claimed it) meanwhile.
 *
 * @param store - the schedule store
 * @param id - the entry's id
 * @param action - what is done, for the error (`reschedule`, `approve`, …)
 * @param from - the states the action is allowed in
 * @param patch - the change, made from the entry as read
 * @param at - now
 * @param write - the compare-and-set (default the store's `transition`)
 * @returns the changed entry
 * @throws ValidationError (`entry.missing`) when there is no such entry, (`entry.state`) when it
 *   is in another state or a worker holds it
 */
export async function changeEntry(
  store: ScheduleStore,
  id: string,
  action: string,
  from: readonly ScheduleStatus[],
  patch: (entry: ScheduleEntry) => EntryPatch,
  at: Date,
  write: ScheduleStore['transition'] = (...args) => store.transition(...args),
): Promise<ScheduleEntry> {
  const entry = await store.get(id);
  if (entry === undefined) throw entryMissing(id, action);
  if (!from.includes(entry.status)) throw wrongState(entry, action, from);
  const changed = await write(id, from, patch(entry), at);
  if (changed !== undefined) return changed;
  // Lost the compare-and-set: someone changed it, or a worker holds it right now.
  const now = await store.get(id);
  if (now === undefined) throw entryMissing(id, action);
  throw wrongState(now, action, from);
}

/**
 * The refusal of an action on an entry that does not exist.
 *
 * @param id - the id asked for
 * @param action - what was asked
 * @returns the error
 */
export function entryMissing(id: string, action: string): ValidationError {
  return new ValidationError(
    [
      {
        path: ['id'],
        rule: 'entry.missing',
        message: `there is no schedule entry "${id.slice(0, 80)}" to ${action}`,
      },
    ],
    `${action} request`,
  );
}

/**
 * The refusal of an action the entry's state does not allow.
 *
 * @param entry - the entry as it is
 * @param action - what was asked
 * @param allowed - the states the action is allowed in
 * @returns the error
 */
export function wrongState(
  entry: ScheduleEntry,
  action: string,
  allowed: readonly ScheduleStatus[],
): ValidationError {
  const held = entry.status === 'publishing' ? ' (a worker is publishing it right now)' : '';
  return new ValidationError(
    [
      {
        path: ['status'],
        rule: 'entry.state',
        message: `entry "${entry.id.slice(0, 80)}" is ${entry.status}${held}; only ${allowed.join(', ')} entries can be ${pastTense(action)}`,
        actual: entry.status,
      },
    ],
    `${action} request`,
  );
}

function pastTense(action: string): string {
  if (action.endsWith('e')) return `${action}d`;
  if (action === 'submit') return 'submitted';
  if (action === 'cancel') return 'cancelled';
  return `${action}ed`;
}
