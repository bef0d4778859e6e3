import * as z from 'zod/mini';

/**
 * Every state a schedule entry can be in, in lifecycle order: draft → awaiting_approval →
 * scheduled → publishing → published | failed | unknown, or rejected (an approver said no) or
 * cancelled. `unknown` means the platform may or may not have published (an ambiguous failure
 * that reconciliation could not settle); it is never republished blindly.
 */
export const SCHEDULE_STATUSES = [
  'draft',
  'awaiting_approval',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'unknown',
  'rejected',
  'cancelled',
] as const satisfies ScheduleStatus[];

/** One of {@link SCHEDULE_STATUSES}. */
export const ScheduleStatusSchema = /* @__PURE__ */ z.enum(SCHEDULE_STATUSES);

/**
 * A schedule entry's state, in lifecycle order: `draft` → `awaiting_approval` → `scheduled` →
 * `publishing` → `published` | `failed` | `unknown`, or `rejected` | `cancelled`. `unknown`: the
 * platform may or may not have published; it is never republished blindly.
 */
export type ScheduleStatus =
  | 'draft'
  | 'awaiting_approval'
  | 'scheduled'
  | 'publishing'
  | 'published'
  | 'failed'
  | 'unknown'
  | 'rejected'
  | 'cancelled';
