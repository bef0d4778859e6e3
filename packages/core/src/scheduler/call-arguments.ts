// Checks of what a caller passes to the scheduler's methods besides entry ids (see entry-id.ts):
// a plain-JS caller who leaves an argument out, or passes the wrong kind of value, gets a
// ValidationError naming that argument, before any store is asked, never a raw TypeError.

import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { describeKind, isRecord } from '../parse/value-kind.js';
import { targetListProblems } from '../publisher/target-list.js';
import type { ApprovalDecision, SubmitRequest } from './approval.js';

/**
 * Checks the second argument of `approve`, `reject` (a decision) and `submit` (a request): an
 * object whose `by` names who acts, and for a decision an optional text `note`.
 *
 * @param value - what the caller passed
 * @param action - the method called
 * @throws ValidationError at `['decision']` / `['request']` (or its `by` or `note`), with a hint
 *   showing the call
 */
export function requireApprovalStep(
  value: unknown,
  action: 'approve' | 'reject' | 'submit',
): asserts value is ApprovalDecision & SubmitRequest {
  const name = action === 'submit' ? 'request' : 'decision';
  const who = action === 'submit' ? 'submits' : 'decides';
  const problems: ValidationProblem[] = [];
  if (!isRecord(value)) {
    problems.push({
      path: [name],
      rule: `approval.${name}`,
      message: `the ${name} to ${action} must be an object naming who ${who} ({ by }), not ${describeKind(value)}`,
    });
  } else {
    const nobody = whoProblem(value.by, [name, 'by'], 'approval.by', who);
    if (nobody !== undefined) problems.push(nobody);
    if (action !== 'submit' && value.note !== undefined && typeof value.note !== 'string') {
      problems.push({
        path: [name, 'note'],
        rule: 'approval.note',
        message: `must be a text for the team, not ${describeKind(value.note)}`,
      });
    }
  }
  if (problems.length === 0) return;
  const example = action === 'submit' ? "{ by: 'ana' }" : "{ by: 'ana', note: 'Looks good' }";
  throw new ValidationError(problems, `${action} request`, {
    hint: `Pass who ${who} as the second argument, e.g. scheduler.${action}(entry.id, ${example}); nothing was changed.`,
  });
}

/**
 * The problem of a `by` that names nobody (not a string, or blanks only), or `undefined`: who
 * plans, submits or decides is kept and shown to the team.
 *
 * @param by - what the caller passed as `by`
 * @param path - where it is (`['decision', 'by']`, `['by']`)
 * @param rule - the problem's rule (`approval.by`, `schedule.by`)
 * @param who - what the person does, after "who" (`decides`, `plans it`)
 */
export function whoProblem(
  by: unknown,
  path: readonly (string | number)[],
  rule: string,
  who: string,
): ValidationProblem | undefined {
  if (typeof by === 'string' && by.trim() !== '') return undefined;
  return {
    path,
    rule,
    message: `must name who ${who} (a user id or e-mail address, a non-empty string), not ${typeof by === 'string' ? 'an empty string' : describeKind(by)}`,
  };
}

/**
 * Checks that an options or query argument is an object (or left out, when `optional`).
 *
 * @param value - what the caller passed
 * @param argument - how it is named, the problem's path (`options`, `query`, `job`)
 * @param action - the method called, for the error's subject (`schedule`, `calendar`, …)
 * @param example - the call written right, for the hint
 * @param optional - whether leaving it out (`undefined`) is fine
 * @throws ValidationError at `[argument]` with a hint showing `example`
 */
export function requireArgumentObject(
  value: unknown,
  argument: string,
  action: string,
  example: string,
  optional: boolean,
): void {
  if (isRecord(value) || (optional && value === undefined)) return;
  throw new ValidationError(
    [
      {
        path: [argument],
        rule: `${action}.${argument}`,
        message: `the ${argument} of ${action} must be an object${optional ? ' (or left out)' : ''}, not ${describeKind(value)}`,
      },
    ],
    `${action} request`,
    { hint: `Pass it as an object, e.g. ${example}.` },
  );
}

/**
 * Checks that `schedule`'s targets are a list of objects, before anything reads their accounts
 * (their platforms and ids are checked with the entry).
 *
 * @param targets - what the caller passed
 * @throws ValidationError at `['targets']` or `['targets', i]`
 */
export function requireTargetList(targets: unknown): void {
  const problems = targetListProblems(targets, ['targets']);
  if (problems.length === 0) return;
  throw new ValidationError(problems, 'schedule request', {
    hint: "Pass the accounts to post to as a list, e.g. [{ platform: 'x', accountId: '2244994945' }].",
  });
}
