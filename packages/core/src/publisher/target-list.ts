import type { ValidationProblem } from '../errors/validation-error.js';
import { describeKind, isRecord } from '../parse/value-kind.js';

/**
 * What is wrong with a `targets` argument that is not a list of objects (from JavaScript or
 * unchecked JSON), before anything reads their accounts: `publish` and `schedule` refuse with
 * these instead of throwing from inside the call.
 *
 * @param targets - what the caller passed
 * @param path - where the list is in what was passed (`[]` for `publish`'s own argument)
 * @returns `targets.list` at `path`, or `target.object` at `[...path, index]` for each non-object
 */
export function targetListProblems(
  targets: unknown,
  path: readonly (string | number)[],
): ValidationProblem[] {
  if (!Array.isArray(targets)) {
    return [
      { path, rule: 'targets.list', message: `must be a list of targets, not ${describeKind(targets)}` },
    ];
  }
  return targets.flatMap((target: unknown, index): ValidationProblem[] =>
    isRecord(target)
      ? []
      : [
          {
            path: [...path, index],
            rule: 'target.object',
            message: `must be a target ({ platform, accountId }), not ${describeKind(target)}`,
          },
        ],
  );
}
