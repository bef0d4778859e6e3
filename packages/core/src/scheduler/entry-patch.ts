import type { ScheduleEntry } from '../models/schedule-entry.js';
import type { EntryPatch } from './schedule-store.js';

/**
 * The entry with `patch` applied and `updatedAt` set to `at`; `entry` itself is left as it was.
 * A field the patch leaves out (or gives as `undefined`) keeps its value, except the optional
 * `approval`, `results` and `error`: given as `undefined`, they are removed (a rescheduled entry
 * drops the error of its failed run). Every store applies patches this way.
 *
 * @param entry - the stored entry
 * @param patch - the changes
 * @param at - when they are made
 * @returns the changed entry
 */
export function applyEntryPatch(entry: ScheduleEntry, patch: EntryPatch, at: Date): ScheduleEntry {
  const next: ScheduleEntry = { ...entry, updatedAt: at };
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.publishAt !== undefined) next.publishAt = patch.publishAt;
  if (patch.timeZone !== undefined) next.timeZone = patch.timeZone;
  if (patch.attempts !== undefined) next.attempts = patch.attempts;
  if (patch.post !== undefined) next.post = patch.post;
  if (patch.targets !== undefined) next.targets = [...patch.targets];
  if (patch.approval !== undefined) next.approval = patch.approval;
  else if ('approval' in patch) delete next.approval;
  if (patch.results !== undefined) next.results = [...patch.results];
  else if ('results' in patch) delete next.results;
  if (patch.error !== undefined) next.error = patch.error;
  else if ('error' in patch) delete next.error;
  return next;
}
