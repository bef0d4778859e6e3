import type { SmmkitError } from '../errors/smmkit-error.js';
import type { PublishResult } from '../models/publish-result.js';
import type { Target } from '../models/target.js';

/** The post is on the platform; `result` says where. */
export interface PublishedOutcome {
  /** Discriminant. */
  readonly status: 'published';
  /** The target it was published to. */
  readonly target: Target;
  /**
   * What the adapter returned, or, when reconciliation found the post after an ambiguous
   * failure, its ref and creation time with a `reconciled` warning.
   */
  readonly result: PublishResult;
}

/** The post is not on the platform (nothing was published for this target). */
export interface FailedOutcome {
  /** Discriminant. */
  readonly status: 'failed';
  /** The target that failed. */
  readonly target: Target;
  /** Why: a `ValidationError` before anything was sent, the platform's refusal, an abort, … */
  readonly error: SmmkitError;
  /** What the caller can do about it. */
  readonly hint: string;
}

/**
 * The platform may or may not have the post: a create's answer was lost and reconciliation could
 * not tell. Check by hand before publishing again.
 */
export interface UnknownOutcome {
  /** Discriminant. */
  readonly status: 'unknown';
  /** The target concerned. */
  readonly target: Target;
  /** The ambiguous failure. */
  readonly error: SmmkitError;
  /** What reconciliation looked at, in order, in words (empty when it could look at nothing). */
  readonly checked: readonly string[];
}

/**
 * What happened to one target of a publish.
 *
 * @example
 * ```ts
 * for (const outcome of await publisher.publish(post, targets)) {
 *   if (outcome.status === 'published') console.log(outcome.result.url);
 *   else if (outcome.status === 'failed') console.log(outcome.error.code, outcome.hint);
 *   else console.log('check by hand:', outcome.checked);
 * }
 * ```
 */
export type PublishOutcome = PublishedOutcome | FailedOutcome | UnknownOutcome;

/**
 * A failed outcome whose hint is the error's own.
 *
 * @param target - the target
 * @param error - why it failed
 * @param hint - what to do about it (default: the error's hint)
 * @returns the outcome
 */
export function failedOutcome(target: Target, error: SmmkitError, hint: string = error.hint): FailedOutcome {
  return { status: 'failed', target, error, hint };
}
