import type { EntryError, TargetResult } from '../models/schedule-entry.js';
import type { PublishOutcome } from '../publisher/outcome.js';

/** How a published entry ended, as the store keeps it. */
export interface EntryOutcome {
  /** `unknown` when any target is unknown; else `failed` when any failed; else `published`. */
  readonly status: 'published' | 'failed' | 'unknown';
  /** One result per target, in target order. */
  readonly results: TargetResult[];
  /** For failed and unknown entries: which targets and why, in one sentence. */
  readonly error?: EntryError | undefined;
}

/**
 * The entry's state from its targets' outcomes. Any `unknown` target makes the entry `unknown`
 * (it may have gone out: a person must check before anything is sent again); otherwise any
 * `failed` target makes it `failed`.
 *
 * @param outcomes - the publisher's outcomes, one per target
 * @returns the entry's status, results and error
 */
export function entryOutcome(outcomes: readonly PublishOutcome[]): EntryOutcome {
  return outcomeOfResults(outcomes.map(targetResult));
}

/**
 * The entry's state from the results its targets settled with, one per target in target order:
 * what a whole-entry publish records for the same outcomes. Stores that settle an entry target by
 * target (`TargetClaimStore.settleTarget`) compute its final state with it when the last target
 * settles, so an entry ends alike whether one worker or several published it.
 *
 * @param results - one result per target, in target order
 * @returns the entry's status, results and error
 *
 * @example
 * ```ts
 * const { status, results, error } = outcomeOfResults([published, failed]);
 * status; // 'failed'
 * ```
 */
export function outcomeOfResults(results: readonly TargetResult[]): EntryOutcome {
  const unknown = results.filter((r) => r.status === 'unknown');
  const failed = results.filter((r) => r.status === 'failed');
  const status = unknown.length > 0 ? 'unknown' : failed.length > 0 ? 'failed' : 'published';
  if (status === 'published') return { status, results: [...results] };
  const concerned = status === 'unknown' ? unknown : failed;
  const first = concerned[0]?.error;
  const which = concerned.map((r) => `${r.platform} ${r.accountId}`).join(', ');
  return {
    status,
    results: [...results],
    error: {
      code: first?.code ?? (status === 'unknown' ? 'ambiguous_outcome' : 'platform_refused'),
      message:
        `${concerned.length} of ${results.length} targets ${status === 'unknown' ? 'may or may not have been published (check before publishing again)' : 'failed'}: ${which}. ${first?.message ?? ''}`.trim(),
    },
  };
}

/**
 * One target's outcome as the store keeps it (no error objects, no tokens).
 *
 * @param outcome - the publisher's outcome for the target
 * @returns the result to store
 */
export function targetResult(outcome: PublishOutcome): TargetResult {
  const { platform, accountId } = outcome.target;
  if (outcome.status === 'published') {
    const { ref, url, scheduledFor } = outcome.result;
    return {
      platform,
      accountId,
      status: 'published',
      ref,
      ...(url === undefined ? {} : { url }),
      ...(scheduledFor === undefined ? {} : { scheduledFor }),
    };
  }
  const hint =
    outcome.status === 'failed' ? outcome.hint : `Checked: ${outcome.checked.join('; ') || 'nothing'}.`;
  return {
    platform,
    accountId,
    status: outcome.status,
    error: { code: outcome.error.code, message: `${outcome.error.message} ${hint}`.trim() },
  };
}
