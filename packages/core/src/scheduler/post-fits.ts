// A planned post is checked against every target's adapter when it is planned, and again when it
// is submitted or approved, with the publisher's own check (the one publish makes before sending):
// a post no target can take is refused then, not found out at its time.

import type { SmmkitError } from '../errors/smmkit-error.js';
import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import type { Post } from '../models/post.js';
import type { Target } from '../models/target.js';
import type { Publisher } from '../publisher/publisher.js';

/**
 * Refuses a post that `publish` would refuse for any of `targets` before sending (too long for
 * X, no image for Instagram, no adapter for the platform). Nothing is checked when the publisher
 * has no `check` (one written by hand): such a post then fails at its time, as before.
 *
 * @param publisher - the scheduler's publisher
 * @param post - the post as planned
 * @param targets - the targets it is planned for, with their overrides
 * @throws the error `publish` would fail the target with, when one target refuses it (a
 *   `ValidationError`); when several do, one `ValidationError` with every problem, each under
 *   `['targets', index, …]` so the target it is for can be told
 */
export function requirePostFits(publisher: Publisher, post: Post, targets: readonly Target[]): void {
  const refusals = (publisher.check?.(post, targets) ?? []).flatMap((error, index) =>
    error === undefined ? [] : [{ error, index }],
  );
  const [only] = refusals;
  if (only === undefined) return;
  if (refusals.length === 1) throw only.error;
  const platforms = [...new Set(refusals.map(({ index }) => targets[index]?.platform ?? '?'))];
  throw new ValidationError(
    refusals.flatMap(({ error, index }) => problemsUnder(error, index)),
    `post for ${platforms.join(', ')}`,
  );
}

/** An error's problems, each with its path under `['targets', index]`. */
function problemsUnder(error: SmmkitError, index: number): ValidationProblem[] {
  const problems: readonly ValidationProblem[] = ValidationError.isInstance(error)
    ? error.problems
    : [{ path: [], rule: error.code, message: error.message }];
  return problems.map((problem) => ({ ...problem, path: ['targets', index, ...problem.path] }));
}
