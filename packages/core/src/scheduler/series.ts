import type { ScheduleEntry } from '../models/schedule-entry.js';
import { needsApproval } from './approval.js';
import type { SchedulerEventEmitter, SkippedEvent } from './events.js';
import type { ScheduleStore } from './schedule-store.js';
import { MAX_OCCURRENCE_LIMIT, nextOccurrence, type Occurrence, occurrences } from './time/recurrence.js';
import { type DstAdjustment, resolveLocalTime } from './time/zoned-time.js';

/** The id of a series' occurrence at `instant`: the same for every worker, so it is added once. */
export function occurrenceId(seriesId: string, instant: Date): string {
  return `${seriesId}@${instant.toISOString()}`;
}

/**
 * The first occurrence of a rule that is at or after its start and after `at` (when the series is
 * planned): the series' first entry.
 *
 * @param rule - the RRULE value
 * @param start - the series' start, a wall time in `zone`
 * @param zone - the series' zone
 * @param at - when the series was planned
 * @returns the occurrence, or `undefined` when the rule has none
 */
export function firstOccurrenceOf(
  rule: string,
  start: string,
  zone: string,
  at: Date,
): Occurrence | undefined {
  const startsAt = resolveLocalTime(start, zone).instant.getTime();
  const after = startsAt > at.getTime() ? new Date(startsAt - 1) : at;
  return nextOccurrence(rule, start, zone, after);
}

/**
 * The zone a series' rule is read in: its own (`recurrence.zone`), or for a series planned before
 * that was kept, the entry's, so moving one occurrence to another zone does not move the series.
 */
function seriesZone(entry: ScheduleEntry): string {
  return entry.recurrence?.zone ?? entry.timeZone;
}

/**
 * The instant an occurrence was planned at by its rule (its id says it; the series' first entry,
 * whose id is the series id, by the rule's first occurrence when it was planned), so a
 * rescheduled occurrence does not move the ones after it, nor bring back its own planned time.
 */
export function plannedInstant(entry: ScheduleEntry): Date {
  if (entry.seriesId !== undefined && entry.id.startsWith(`${entry.seriesId}@`)) {
    const planned = Date.parse(entry.id.slice(entry.seriesId.length + 1));
    if (!Number.isNaN(planned)) return new Date(planned);
  }
  const { recurrence } = entry;
  if (entry.seriesId === undefined && recurrence?.start !== undefined && entry.createdAt !== undefined) {
    const first = firstOccurrenceOf(recurrence.rule, recurrence.start, seriesZone(entry), entry.createdAt);
    if (first !== undefined) return first.instant;
  }
  return entry.publishAt;
}

/** How the occurrence a series goes on from stood when it left the plan. */
export interface SeriesStep {
  /**
   * It was still a draft, never submitted: the next occurrence is a draft too (a series nobody
   * submitted never goes out on its own).
   */
  readonly fromDraft?: boolean | undefined;
}

/**
 * The next occurrence of a recurring entry, as a new entry: the rule's first occurrence after
 * both this one's planned instant and now (occurrences missed while no worker ran are skipped,
 * not posted in a burst), in the series' zone. It is a draft when this one was a draft never
 * submitted; else scheduled when the series needs no approval or was approved, else it awaits
 * approval again.
 *
 * @param entry - an occurrence (or the series' first entry)
 * @param now - now
 * @param step - how the occurrence stood when it left the plan
 * @returns the next entry, or `undefined` when the entry does not repeat or the rule has ended
 */
export function nextInSeries(
  entry: ScheduleEntry,
  now: Date,
  step: SeriesStep = {},
): { readonly entry: ScheduleEntry; readonly adjustment: DstAdjustment } | undefined {
  const { recurrence } = entry;
  if (recurrence === undefined) return undefined;
  const seriesId = entry.seriesId ?? entry.id;
  const zone = seriesZone(entry);
  const after = new Date(Math.max(plannedInstant(entry).getTime(), now.getTime()));
  const next = nextOccurrence(recurrence.rule, recurrence.start ?? entry.publishAt, zone, after);
  if (next === undefined) return undefined;
  const made: ScheduleEntry = {
    id: occurrenceId(seriesId, next.instant),
    post: entry.post,
    targets: entry.targets,
    publishAt: next.instant,
    timeZone: zone,
    ...approvalOfNext(entry, now, step),
    attempts: 0,
    recurrence: { ...recurrence, zone },
    seriesId,
    createdAt: now,
    updatedAt: now,
  };
  return { entry: made, adjustment: next.adjustment };
}

/** The state and approval record of a series' next occurrence (see {@link nextInSeries}). */
function approvalOfNext(
  entry: ScheduleEntry,
  now: Date,
  step: SeriesStep,
): Pick<ScheduleEntry, 'status' | 'approval'> {
  if (!needsApproval(entry)) return { status: step.fromDraft === true ? 'draft' : 'scheduled' };
  // A draft's approval record stays empty until it is submitted.
  if (step.fromDraft === true) return { status: 'draft', approval: {} };
  if (entry.approval?.decision === 'approved') return { status: 'scheduled', approval: entry.approval };
  const { requestedBy } = entry.approval ?? {};
  return {
    status: 'awaiting_approval',
    approval: { ...(requestedBy === undefined ? {} : { requestedBy }), requestedAt: now },
  };
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
  step: SeriesStep = {},
): Promise<ScheduleEntry | undefined> {
  const next = nextInSeries(entry, now, step);
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
  if (skipsFollowing) events.emit('skipped', skippedBetween(entry, stored));
  return stored;
}

/** The most passed-over occurrences a `skipped` event lists. */
const MAX_LISTED_SKIPS = 100;

/**
 * The occurrences of `entry`'s series after its planned instant and before `next`: the first
 * {@link MAX_LISTED_SKIPS}, and how many more (counted up to the recurrence module's own limit of
 * one walk). One walk of the rule, not one per occurrence.
 */
function skippedBetween(entry: ScheduleEntry, next: ScheduleEntry): SkippedEvent {
  const seriesId = next.seriesId ?? entry.id;
  const { recurrence } = entry;
  if (recurrence === undefined) return { seriesId, occurrences: [], more: 0, next };
  const found = occurrences(recurrence.rule, {
    start: recurrence.start ?? entry.publishAt,
    zone: seriesZone(entry),
    from: new Date(plannedInstant(entry).getTime() + 1),
    to: next.publishAt,
    limit: MAX_OCCURRENCE_LIMIT,
  }).map((occurrence) => occurrence.instant);
  return {
    seriesId,
    occurrences: found.slice(0, MAX_LISTED_SKIPS),
    more: Math.max(0, found.length - MAX_LISTED_SKIPS),
    next,
  };
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
