import type { ScheduleEntry, TargetResult } from '../models/schedule-entry.js';

/**
 * The targets' results when a worker reached their entry too late to publish it: each `failed`
 * with `missed`, saying by how much and what to do. `undefined` when it is on time (or no limit
 * is set), so the targets are published.
 *
 * Only a fresh claim is checked: a target taken over from a dead worker was started in time and
 * may have gone out already, so it is finished through the outbox whatever the hour.
 *
 * @param entry - the claimed entry
 * @param targets - the targets about to be published (all of the entry's, or one)
 * @param claim - when the worker claimed them, and whether it took them over from a dead worker
 * @param maxLatenessMs - how late they may still go out (`undefined`: no limit)
 * @returns one `missed` result per target, in order, or `undefined` to publish
 */
export function missedResults(
  entry: ScheduleEntry,
  targets: readonly ScheduleEntry['targets'][number][],
  claim: { readonly at: Date; readonly recovered: boolean },
  maxLatenessMs: number | undefined,
): TargetResult[] | undefined {
  if (maxLatenessMs === undefined || claim.recovered) return undefined;
  const lateMs = claim.at.getTime() - entry.publishAt.getTime();
  if (lateMs <= maxLatenessMs) return undefined;
  const error = {
    code: 'missed',
    message: `Not published: it was due at ${entry.publishAt.toISOString()} and no worker reached it until ${claim.at.toISOString()}, ${describeMs(lateMs)} late, past the scheduler's maxLatenessMs of ${describeMs(maxLatenessMs)}. Reschedule it (for example to 'next-slot') if it should still go out.`,
  };
  return targets.map(({ platform, accountId }) => ({ platform, accountId, status: 'failed', error }));
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
