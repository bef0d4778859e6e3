import * as z from 'zod/mini';
import { ApprovalSchema } from './approval.js';
import { NonEmptyStringSchema } from './ids.js';
import { InstantSchema } from './instant.js';
import { PostSchema } from './post.js';
import { ScheduleStatusSchema } from './schedule-status.js';
import { TargetSchema } from './target.js';
import { TimeZoneSchema } from './time-zone.js';

/**
 * How a schedule entry repeats: an RFC 5545 `RRULE` value such as `FREQ=WEEKLY;BYDAY=MO;BYHOUR=9`,
 * read in the entry's time zone so that 09:00 stays 09:00 across DST changes. Only the required
 * `FREQ` part is checked here; the scheduler interprets the rule.
 */
export const RecurrenceSchema = /* @__PURE__ */ (() =>
  z.object({
    /** The RRULE value (with or without the `RRULE:` prefix). */
    rule: z.string().check(
      z.regex(/(^|[:;])FREQ=(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(;|$)/i, {
        error: 'must be an RFC 5545 RRULE with FREQ, e.g. FREQ=WEEKLY;BYDAY=MO',
      }),
    ),
  }))();

/** A recurrence rule. */
export interface Recurrence extends z.output<typeof RecurrenceSchema> {}

/**
 * A post planned for one or more targets at one instant. `publishAt` is the instant; `timeZone`
 * is the IANA zone it was planned in, kept so that edits, recurrence and reports show the wall
 * time the planner meant.
 *
 * @example
 * ```ts
 * const entry = parseScheduleEntry({
 *   id: 'entry_1',
 *   post: { text: 'Hello from smmkit' },
 *   targets: [{ platform: 'x', accountId: '2244994945' }],
 *   publishAt: '2026-05-01T09:00:00+02:00',
 *   timeZone: 'Europe/Berlin',
 *   status: 'scheduled',
 * });
 * entry.attempts; // 0
 * ```
 */
export const ScheduleEntrySchema = /* @__PURE__ */ (() =>
  z.object({
    /** The store's id for the entry. */
    id: NonEmptyStringSchema,
    /** What to publish. */
    post: PostSchema,
    /** Where to publish it; at least one. */
    targets: z.array(TargetSchema).check(z.minLength(1)),
    /** When to publish. */
    publishAt: InstantSchema,
    /** The IANA time zone the entry was planned in (`Europe/Berlin`). */
    timeZone: TimeZoneSchema,
    /** Where the entry is in its lifecycle. */
    status: ScheduleStatusSchema,
    /** Approval request and decision, for entries that need one. */
    approval: z.optional(ApprovalSchema),
    /** Publish attempts made so far. */
    attempts: z._default(z.int().check(z.nonnegative()), 0),
    /** How the entry repeats, if it does. */
    recurrence: z.optional(RecurrenceSchema),
    /** When the entry was created. */
    createdAt: z.optional(InstantSchema),
    /** When the entry last changed. */
    updatedAt: z.optional(InstantSchema),
  }))();

/** A schedule entry as parsed (instants as `Date`, `attempts` present). */
export interface ScheduleEntry extends z.output<typeof ScheduleEntrySchema> {}

/** A schedule entry as a user or a store may write it (instants as ISO strings, `attempts` optional). */
export type ScheduleEntryInput = z.input<typeof ScheduleEntrySchema>;
