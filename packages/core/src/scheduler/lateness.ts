import type { ScheduleEntry, TargetResult } from '../models/schedule-entry.js';

/**
 * A target's result when a worker reached its entry too late to publish it: `failed` with
 * `missed`, saying by how much and what to do. `undefined` when it is on time (or no limit is
 * set), so the target is published.
 *
 * Only a fresh claim is checked: a target taken over from a dead worker was started in time and
 * may have gone out already, so it is finished through the outbox whatever the hour.
 *
 * @param entry - the claimed entry
 * @param target - the target about to be published
 * @param claimedAt - when the worker claimed it
 * @param maxLatenessMs - how late it may still go out (`undefined`: no limit)
 * @returns the `missed` result, or `undefined` to publish
 */
export function missedResult(
  entry: ScheduleEntry,
  target: ScheduleEntry['targets'][number],
  claimedAt: Date,
  maxLatenessMs: number | undefined,
): TargetResult | undefined {
  if (maxLatenessMs === undefined) return undefined;
  const lateMs = claimedAt.getTime() - entry.publishAt.getTime();
  if (lateMs <= maxLatenessMs) return undefined;
  return {
    platform: target.platform,
    accountId: target.accountId,
    status: 'failed',
    error: {
      code: 'missed',
      message: `Not published: it was due at ${entry.publishAt.toISOString()} and no worker reached it until ${claimedAt.toISOString()}, ${describeMs(lateMs)} late, past the scheduler's maxLatenessMs of ${describeMs(maxLatenessMs)}. Reschedule it (for example to 'next-slot') if it should still go out.`,
    },
  };
}

/** `90 s`, `12 min`, `5 h 3 min`, `2 d 4 h`: rough, for a sentence. */
function describeMs(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.round(ms / 1_000)} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
