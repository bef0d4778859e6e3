import type { ScheduleEntry } from '../models/schedule-entry.js';
import { needsApproval } from './approval.js';
import type { SchedulerEventEmitter } from './events.js';
import type { ScheduleStore } from './schedule-store.js';
import { nextOccurrence } from './time/recurrence.js';
import type { DstAdjustment } from './time/zoned-time.js';

/** The id of a series' occurrence at `instant`: the same for every worker, so it is added once. */
export function occurrenceId(seriesId: string, instant: Date): string {
  return `${seriesId}@${instant.toISOString()}`;
}

/**
 * The instant an occurrence was planned at by its rule (its id says it; the series' first entry,
 * whose id is the series id, by its `publishAt`), so a rescheduled occurrence does not move the
 * ones after it.
 */
function plannedInstant(entry: ScheduleEntry): Date {
  if (entry.seriesId !== undefined && entry.id.startsWith(`${entry.seriesId}@`)) {
    const planned = Date.parse(entry.id.slice(entry.seriesId.length + 1));
    if (!Number.isNaN(planned)) return new Date(planned);
  }
  return entry.publishAt;
}

/**
 * The next occurrence of a recurring entry, as a new entry: the rule's first occurrence after
 * both this one's planned instant and now (occurrences missed while no worker ran are skipped,
 * not posted in a burst). It is scheduled when the series needs no approval or was approved,
 * else it awaits approval again.
 *
 * @param entry - an occurrence (or the series' first entry)
 * @param now - now
 * @returns the next entry, or `undefined` when the entry does not repeat or the rule has ended
 */
export function nextInSeries(
  entry: ScheduleEntry,
  now: Date,
): { readonly entry: ScheduleEntry; readonly adjustment: DstAdjustment } | undefined {
  const { recurrence } = entry;
  if (recurrence === undefined) return undefined;
  const seriesId = entry.seriesId ?? entry.id;
  const after = new Date(Math.max(plannedInstant(entry).getTime(), now.getTime()));
  const next = nextOccurrence(recurrence.rule, recurrence.start ?? entry.publishAt, entry.timeZone, after);
  if (next === undefined) return undefined;
  const approved = entry.approval?.decision === 'approved';
  const asksAgain = needsApproval(entry) && !approved;
  const approval = !needsApproval(entry)
    ? undefined
    : asksAgain
      ? {
          ...(entry.approval?.requestedBy === undefined ? {} : { requestedBy: entry.approval.requestedBy }),
          requestedAt: now,
        }
      : entry.approval;
  const made: ScheduleEntry = {
    id: occurrenceId(seriesId, next.instant),
    post: entry.post,
    targets: entry.targets,
    publishAt: next.instant,
    timeZone: entry.timeZone,
    status: asksAgain ? 'awaiting_approval' : 'scheduled',
    attempts: 0,
    recurrence,
    seriesId,
    createdAt: now,
    updatedAt: now,
    ...(approval === undefined ? {} : { approval }),
  };
  return { entry: made, adjustment: next.adjustment };
}

/**
 * Adds the next occurrence of a recurring entry (once, whichever worker gets here first) and
 * announces it; nothing when the occurrence right after this one already exists, in any state.
 * Called when an occurrence leaves the plan: claimed, cancelled, rejected or not approved in
 * time, so that skipping one occurrence never ends the series.
 *
 * @returns the entry added, or `undefined` (no recurrence, the rule ended, or already added)
 */
export async function continueSeries(
  entry: ScheduleEntry,
  store: ScheduleStore,
  events: SchedulerEventEmitter,
  now: Date,
): Promise<ScheduleEntry | undefined> {
  const next = nextInSeries(entry, now);
  if (next === undefined) return undefined;
  // A late worker (one that took the occurrence over, or retries a failed write) gets a later
  // occurrence than the one right after this by the rule. Once that one exists, in any state
  // (cancelled with the series too), the series was continued from here: add nothing after it.
  // (When they are the same occurrence, `addIfAbsent` below is the check.)
  const following = nextInSeries(entry, plannedInstant(entry));
  const skipsFollowing = following !== undefined && following.entry.id !== next.entry.id;
  if (skipsFollowing && (await store.get(following.entry.id)) !== undefined) return undefined;
  if (!(await store.addIfAbsent(next.entry))) return undefined;
  const stored = (await store.get(next.entry.id)) ?? next.entry;
  const { adjustment } = next;
  events.emit('scheduled', { entry: stored, ...(adjustment === 'none' ? {} : { adjustment }) });
  return stored;
}

/**
 * {@link continueSeries} for a worker that is about to publish an occurrence, or has just written
 * its outcome: a failure (the store refused the write) is announced as `tick-failed` and never
 * stops the publish, and the answer says whether to try again once the outcome is written.
 *
 * @returns `true` when the series is continued (or did not need it), `false` when the store failed
 */
export async function tryContinueSeries(
  entry: ScheduleEntry,
  store: ScheduleStore,
  events: SchedulerEventEmitter,
  now: Date,
): Promise<boolean> {
  try {
    await continueSeries(entry, store, events, now);
    return true;
  } catch (error) {
    events.emit('tick-failed', { error });
    return false;
  }
}
