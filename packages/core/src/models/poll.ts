import * as z from 'zod/mini';
import { NonEmptyStringSchema } from './ids.js';

/**
 * A poll attached to a post. X, LinkedIn and Mastodon have polls; their limits differ (X: 2–4
 * options of 1–25 characters, 5–10,080 minutes; LinkedIn: 2–4 options and fixed durations of
 * 1, 3, 7 or 14 days; shared platform facts), so only the common ground is checked here and each
 * adapter checks its own.
 *
 * @example
 * ```ts
 * const poll: Poll = { options: ['Tabs', 'Spaces'], durationMinutes: 1440 };
 * ```
 */
export const PollSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** The choices, in display order; at least two. */
    options: z.array(NonEmptyStringSchema).check(z.minLength(2)),
    /** How long the poll stays open, in minutes. */
    durationMinutes: z.int().check(z.positive()),
  }))();

/** A poll. */
export interface Poll extends z.output<typeof PollSchema> {}
