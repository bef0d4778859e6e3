import type { ScheduleEntry } from '../models/schedule-entry.js';
import { notApprovedError } from './approval.js';
import type { SchedulerEventEmitter } from './events.js';
import type { ScheduleStore } from './schedule-store.js';
import { continueSeries } from './series.js';

/** The states in which an entry is not allowed to go out yet. */
const UNAPPROVED = ['draft', 'awaiting_approval'] as const;

/**
 * Fails entries whose time has come while they are still drafts or awaiting approval: they are
 * not published, and say why (`not_approved`). A compare-and-set from those states, so an
 * approval that lands first wins and two workers never fail one entry twice. A recurring
 * series goes on with its next occurrence.
 *
 * @param store - the schedule store
 * @param events - where `not-approved` is announced
 * @param now - now
 * @param limit - most entries to look at in one round
 * @returns the entries failed now
 */
export async function failUnapprovedDue(
  store: ScheduleStore,
  events: SchedulerEventEmitter,
  now: Date,
  limit: number,
): Promise<ScheduleEntry[]> {
  // `to` is exclusive; an entry is due at its publishAt.
  const overdue = await store.list({ statuses: UNAPPROVED, to: new Date(now.getTime() + 1), limit });
  const failed: ScheduleEntry[] = [];
  for (const entry of overdue) {
    // The series goes on first: should the store fail here, the entry is still due and unapproved,
    // and the next round does both. Only a draft lacks a request for approval.
    await continueSeries(entry, store, events, now, { fromDraft: entry.approval?.requestedAt === undefined });
    const changed = await store.transition(
      entry.id,
      UNAPPROVED,
      { status: 'failed', error: notApprovedError(entry) },
      now,
    );
    if (changed === undefined) continue;
    failed.push(changed);
    events.emit('not-approved', { entry: changed });
  }
  return failed;
}
