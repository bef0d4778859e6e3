import type { EventEmitter } from 'eventemitter3';
import { isolatedEmitter, type ListenerErrorEvent } from '../events/isolated-emitter.js';
import type { ScheduleEntry } from '../models/schedule-entry.js';
import type { Target } from '../models/target.js';
import type { DstAdjustment } from './time/zoned-time.js';

/** An entry joined the plan: made by `schedule`, or the next occurrence of a recurring series. */
export interface ScheduledEvent {
  /** The entry as stored. */
  readonly entry: ScheduleEntry;
  /**
   * What the DST policy did to the wall time it was planned at (`gap-shifted`: the time did not
   * exist that day and moved forward by the gap; `overlap-earlier`: it occurred twice and the
   * earlier was taken). Absent when the wall time was unambiguous or the entry was given an instant.
   */
  readonly adjustment?: Exclude<DstAdjustment, 'none'> | undefined;
}

/** An entry changed by a person: submitted, approved, rejected, rescheduled or cancelled. */
export interface EntryChangedEvent {
  /** The entry after the change. */
  readonly entry: ScheduleEntry;
}

/** A worker claimed a due entry (or the first of its targets, or took one over) and is about to publish it. */
export interface DueEvent {
  /** The entry, now `publishing`. */
  readonly entry: ScheduleEntry;
  /** The worker that claimed it. */
  readonly worker: string;
  /**
   * True when the entry was taken over from a worker whose lease ran out (it died mid-publish):
   * the publisher's outbox decides what was already sent, never a blind republish.
   */
  readonly recovered: boolean;
  /**
   * For a claim of one target (`scheduler.publishTarget`, one job per target): that target.
   * Absent when the worker claimed the whole entry.
   */
  readonly target?: Target | undefined;
}

/** An entry's publish ended: `published`, `failed` or `unknown`, with one result per target. */
export interface EntryFinishedEvent {
  /** The entry in its final state, `results` filled in. */
  readonly entry: ScheduleEntry;
}

/** A worker lost its lease on an entry while publishing it (another worker took it over). */
export interface LeaseLostEvent {
  /** The entry's id. */
  readonly id: string;
  /** The worker that lost it. */
  readonly worker: string;
}

/** A round of the worker loop failed (the store could not be reached); the loop goes on. */
export interface TickFailedEvent {
  /** What was thrown. */
  readonly error: unknown;
}

/**
 * Occurrences of a series passed over, never planned, because the series went on from after now
 * (no worker ran through them, or their turn came while an earlier occurrence was cancelled,
 * rejected or failed late): see the `skipped` event.
 */
export interface SkippedEvent {
  /** The series (the id of its first entry). */
  readonly seriesId: string;
  /** The instants of the occurrences passed over, oldest first (at most 100; `more` says how many others). */
  readonly occurrences: readonly Date[];
  /** How many more were passed over than `occurrences` lists (counted up to 10,000 in all). */
  readonly more: number;
  /** The occurrence planned instead, the first after now. */
  readonly next: ScheduleEntry;
}

/**
 * The scheduler's events and their payloads. No payload ever holds a token.
 *
 * @example
 * ```ts
 * scheduler.events.on('published', ({ entry }) => console.log(entry.id, entry.results?.map((r) => r.url)));
 * scheduler.events.on('not-approved', ({ entry }) => notify(entry.approval?.requestedBy, entry.error?.message));
 * ```
 */
export interface SchedulerEvents {
  /** An entry was planned (its DST adjustment, if any, is in the payload). */
  scheduled: (event: ScheduledEvent) => void;
  /** A draft was submitted for approval. */
  submitted: (event: EntryChangedEvent) => void;
  /** An entry was approved: it is `scheduled` now. */
  approved: (event: EntryChangedEvent) => void;
  /** An entry was rejected. */
  rejected: (event: EntryChangedEvent) => void;
  /** An entry was moved to another time. */
  rescheduled: (event: EntryChangedEvent) => void;
  /** An entry was cancelled. */
  cancelled: (event: EntryChangedEvent) => void;
  /** A worker claimed a due entry. */
  due: (event: DueEvent) => void;
  /** A claimed entry was taken over after its worker's lease ran out. */
  recovered: (event: DueEvent) => void;
  /** Every target was published (natively scheduled ones carry `scheduledFor`). */
  published: (event: EntryFinishedEvent) => void;
  /** At least one target failed and none is unknown. */
  failed: (event: EntryFinishedEvent) => void;
  /** At least one target may or may not have been published: check before publishing again. */
  unknown: (event: EntryFinishedEvent) => void;
  /** An entry was due while still a draft or awaiting approval: not published, `failed` with `not_approved`. */
  'not-approved': (event: EntryFinishedEvent) => void;
  /**
   * A series went on from after now, past occurrences whose time came before they were planned
   * (no worker ran through them, say): they are not posted (no burst of old posts), and this says
   * which were passed over.
   */
  skipped: (event: SkippedEvent) => void;
  /** A worker lost its lease mid-publish; the entry's outcome is left to the worker that took it. */
  'lease-lost': (event: LeaseLostEvent) => void;
  /** A round of the worker loop failed; the loop tries again at the next poll. */
  'tick-failed': (event: TickFailedEvent) => void;
  /**
   * A listener of the app threw. The scheduler went on as if it had not: a listener can never
   * stop an entry from running or change its outcome.
   */
  'listener-error': (event: ListenerErrorEvent) => void;
}

/** Every event, as a record so the compiler checks the list below misses none and invents none. */
const EVENTS: { readonly [name in keyof SchedulerEvents]: true } = {
  scheduled: true,
  submitted: true,
  approved: true,
  rejected: true,
  rescheduled: true,
  cancelled: true,
  due: true,
  recovered: true,
  published: true,
  failed: true,
  unknown: true,
  'not-approved': true,
  skipped: true,
  'lease-lost': true,
  'tick-failed': true,
  'listener-error': true,
};

/**
 * The name of every event in {@link SchedulerEvents}, in the order declared there.
 *
 * @example
 * ```ts
 * for (const name of SCHEDULER_EVENT_NAMES) scheduler.events.on(name, (payload) => log(name, payload));
 * ```
 */
export const SCHEDULER_EVENT_NAMES = Object.keys(EVENTS) as readonly (keyof SchedulerEvents)[];

/** The typed emitter the scheduler exposes as `events`. */
export type SchedulerEventEmitter = EventEmitter<SchedulerEvents>;

/**
 * A new typed emitter for {@link SchedulerEvents}.
 *
 * @returns the emitter
 */
export function createSchedulerEvents(): SchedulerEventEmitter {
  return isolatedEmitter<SchedulerEvents>();
}
