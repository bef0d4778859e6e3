import * as z from 'zod/mini';
import { ApprovalSchema } from './approval.js';
import { HttpUrlSchema } from './http-url.js';
import { NonEmptyStringSchema } from './ids.js';
import { InstantSchema } from './instant.js';
import { PostSchema } from './post.js';
import { PostRefSchema } from './post-ref.js';
import { ScheduleStatusSchema } from './schedule-status.js';
import { TargetSchema } from './target.js';
import { TimeZoneSchema } from './time-zone.js';

/** A failure as a schedule store keeps it: smmkit's error code and a sentence a person can act on. */
export const EntryErrorSchema = /* @__PURE__ */ (() =>
  z.object({
    /** smmkit's stable error code (`not_approved`, `rate_limited`, `auth_expired`, …). */
    code: NonEmptyStringSchema,
    /** What happened and what to do. */
    message: z.string(),
  }))();

/** A failure as a schedule store keeps it. */
export interface EntryError extends z.output<typeof EntryErrorSchema> {}

/** A `FREQ` more often than daily, which the scheduler does not repeat at. */
const SUB_DAILY_FREQ = /(^|[:;])FREQ=(SECONDLY|MINUTELY|HOURLY)(;|$)/i;

/** Names the refused frequency and says how to post several times a day instead. */
function describeSubDaily(issue: { readonly input?: unknown }): string {
  const freq = SUB_DAILY_FREQ.exec(String(issue.input))?.[2]?.toUpperCase() ?? 'HOURLY';
  return `FREQ=${freq} is not supported: the scheduler repeats at most daily; for several posts a day use FREQ=DAILY;BYHOUR=9,13,17`;
}

/**
 * How a schedule entry repeats: an RFC 5545 `RRULE` value such as `FREQ=WEEKLY;BYDAY=MO;BYHOUR=9`,
 * read in the series' zone so that 09:00 stays 09:00 across DST changes, from the series'
 * start (RFC 5545's DTSTART). Checked here: the required `FREQ` part, and that it is at most daily
 * (`HOURLY`, `MINUTELY` and `SECONDLY` are refused, as the scheduler refuses them, so a stored
 * entry never carries a rule the scheduler cannot run); the scheduler interprets the rest.
 */
export const RecurrenceSchema = /* @__PURE__ */ (() =>
  z.object({
    /** The RRULE value (with or without the `RRULE:` prefix), `FREQ` at most daily. */
    rule: z.string().check(
      z.regex(/(^|[:;])FREQ=(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(;|$)/i, {
        error: 'must be an RFC 5545 RRULE with FREQ, e.g. FREQ=WEEKLY;BYDAY=MO',
      }),
      z.refine((rule) => !SUB_DAILY_FREQ.test(rule), { error: describeSubDaily }),
    ),
    /**
     * The series' start as the planner wrote it, a wall time `YYYY-MM-DDTHH:mm` in the entry's
     * zone (RFC 5545's DTSTART, https://www.rfc-editor.org/rfc/rfc5545#section-3.8.2.4). Kept as
     * a wall time, not an instant, so that a start inside a DST gap, or COUNT, gives the same
     * occurrences whichever occurrence the next one is computed from.
     */
    start: z.optional(z.string()),
    /**
     * The series' IANA zone, which `rule` and `start` are read in. Entries planned before it was
     * kept read the rule in the entry's `timeZone`.
     */
    zone: z.optional(z.string()),
  }))();

/** A recurrence rule. */
export interface Recurrence extends z.output<typeof RecurrenceSchema> {}

/**
 * How one target of a schedule entry ended: published (with where), failed or unknown (with why).
 */
export const TargetResultSchema = /* @__PURE__ */ (() =>
  z.object({
    /** The target's platform id. */
    platform: NonEmptyStringSchema,
    /** The target's account id. */
    accountId: NonEmptyStringSchema,
    /** `published`; `failed` (nothing went out); `unknown` (may have gone out; never republished blindly). */
    status: z.enum(['published', 'failed', 'unknown']),
    /** The post on the platform, when published. */
    ref: z.optional(PostRefSchema),
    /** Its public URL, when known. */
    url: z.optional(HttpUrlSchema),
    /** For natively scheduled posts: when the platform will publish it. */
    scheduledFor: z.optional(InstantSchema),
    /** Why it failed or is unknown. */
    error: z.optional(EntryErrorSchema),
  }))();

/** How one target of a schedule entry ended. */
export interface TargetResult extends z.output<typeof TargetResultSchema> {}

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
    /**
     * For an occurrence of a recurring entry: the id of the entry it repeats (the series). The
     * series entry itself has no `seriesId`.
     */
    seriesId: z.optional(NonEmptyStringSchema),
    /** Publish through the platform's own scheduling (`nativeScheduling`) instead of at `publishAt`. */
    native: z.optional(z.boolean()),
    /** One result per target once the entry was published, failed or is unknown. */
    results: z.optional(z.array(TargetResultSchema)),
    /** Why the entry failed as a whole (e.g. `not_approved`: not approved by its time). */
    error: z.optional(EntryErrorSchema),
    /** When the entry was created. */
    createdAt: z.optional(InstantSchema),
    /** When the entry last changed. */
    updatedAt: z.optional(InstantSchema),
  }))();

/** A schedule entry as parsed (instants as `Date`, `attempts` present). */
export interface ScheduleEntry extends z.output<typeof ScheduleEntrySchema> {}

/** A schedule entry as a user or a store may write it (instants as ISO strings, `attempts` optional). */
export type ScheduleEntryInput = z.input<typeof ScheduleEntrySchema>;
