import type { ScheduleEntry, TargetResult } from '../models/schedule-entry.js';
import type { Target } from '../models/target.js';
import { describeMs } from './duration-text.js';
import type { Outbox } from './outbox.js';
import { targetKey } from './target-claims.js';

/**
 * What to do with each target of a claim a worker reached late: `missed` (a `failed` result that
 * says by how much and what to do) or `undefined` to publish it. Every target is published when
 * the claim is on time or no limit is set.
 *
 * A target taken over from a dead worker (`recovered`) whose outbox record is not `failed` was
 * started in time and may have gone out already, so it is finished through the outbox whatever
 * the hour (so is one whose record cannot be read). One without a record was never started (its
 * worker died before it, or another worker settled it `missed` before the entry was taken over
 * whole), and nothing went out of a failed one: they are late like a fresh claim.
 *
 * @param entry - the claimed entry
 * @param targets - the targets about to be published (all of the entry's, or one)
 * @param claim - when the worker claimed them, and whether it took them over from a dead worker
 * @param maxLatenessMs - how late they may still go out (`undefined`: no limit)
 * @param outbox - the outbox, read only for a late recovered claim
 * @returns one `missed` result or `undefined` per target, in order
 */
export async function missedResults(
  entry: ScheduleEntry,
  targets: readonly Target[],
  claim: { readonly at: Date; readonly recovered: boolean },
  maxLatenessMs: number | undefined,
  outbox: Pick<Outbox, 'record'>,
): Promise<(TargetResult | undefined)[]> {
  const lateMs = claim.at.getTime() - entry.publishAt.getTime();
  if (maxLatenessMs === undefined || lateMs <= maxLatenessMs) return targets.map(() => undefined);
  const error = {
    code: 'missed',
    message: `Not published: it was due at ${entry.publishAt.toISOString()} and no worker reached it until ${claim.at.toISOString()}, ${describeMs(lateMs)} late, past the scheduler's maxLatenessMs of ${describeMs(maxLatenessMs)}. Reschedule it (for example to 'next-slot') if it should still go out.`,
  };
  return Promise.all(
    targets.map(async (target): Promise<TargetResult | undefined> => {
      const started = claim.recovered && (await wasStarted(outbox, `${entry.id}:${targetKey(target)}`));
      return started
        ? undefined
        : { platform: target.platform, accountId: target.accountId, status: 'failed', error };
    }),
  );
}

/**
 * Whether the create with outbox key `key` may have gone out: a record that is not `failed`
 * (nothing went out of a failed one, and the publisher would send it afresh). When the outbox
 * cannot be read, it may have: the publisher then finishes it through the outbox, as it would.
 */
async function wasStarted(outbox: Pick<Outbox, 'record'>, key: string): Promise<boolean> {
  try {
    const record = await outbox.record(key);
    return record !== undefined && record.status !== 'failed';
  } catch {
    return true;
  }
}
