// A time already past when it is planned is refused: the entry would go out at once, unwarned
// ("Monday tips" planned for last Monday), or be skipped as `missed` by the lateness policy.

import { ValidationError } from '../errors/validation-error.js';
import { describeMs } from './duration-text.js';

/**
 * How far in the past a time may be and still be planned when the scheduler has no
 * `maxLatenessMs`: 5 minutes, the CLI's rule for `--at` (packages/cli/src/commands/at-option.ts),
 * so "now" computed a moment before the call, or a call retried, still goes out at once.
 */
export const PAST_GRACE_MS = 5 * 60_000;

/**
 * Refuses `publishAt` when it has passed by more than the scheduler would still publish it: its
 * `maxLatenessMs` when one is set (past that, a worker fails it with `missed`), else
 * {@link PAST_GRACE_MS}. A time within that goes out at the next round.
 *
 * @param publishAt - the planned instant
 * @param now - now, by the scheduler's clock
 * @param maxLatenessMs - the scheduler's `maxLatenessMs` (`undefined`: none set)
 * @throws ValidationError at `['when']` (rule `schedule.when_past`) saying how late it is, with a
 *   hint to give a future time or `'next-slot'`; nothing is planned then
 */
export function requireNotPast(publishAt: Date, now: Date, maxLatenessMs: number | undefined): void {
  const lateMs = now.getTime() - publishAt.getTime();
  const allowedMs = maxLatenessMs ?? PAST_GRACE_MS;
  if (lateMs <= allowedMs) return;
  const limit =
    maxLatenessMs === undefined
      ? `${describeMs(PAST_GRACE_MS)} (when the scheduler has no maxLatenessMs)`
      : `the scheduler's maxLatenessMs of ${describeMs(maxLatenessMs)}`;
  throw new ValidationError(
    [
      {
        path: ['when'],
        rule: 'schedule.when_past',
        message: `${publishAt.toISOString()} is ${describeMs(lateMs)} in the past (it is now ${now.toISOString()}), more than ${limit}`,
        limit: allowedMs,
        actual: publishAt.toISOString(),
      },
    ],
    'schedule time',
    {
      hint: "Give a future time, or 'next-slot' for the account's next free queue slot; to post now, publish it instead. Nothing was scheduled.",
    },
  );
}
