import type * as z from 'zod/mini';
import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { type AudienceBreakdown, AudienceBreakdownSchema } from '../models/audience-breakdown.js';
import { type PublicAccount, PublicAccountSchema } from '../models/public-account.js';
import { safeParseModel } from '../parse/parse-model.js';
import { isValidDate } from './validate-inputs.js';

/** A validation error stops listing problems here, so a huge bad batch does not make a huge error. */
const MAX_PROBLEMS = 100;

/** Parses every item of a batch with `schema`; all or nothing, problem paths prefixed with the item's index. */
function parseAll<S extends z.core.$ZodType>(
  schema: S,
  inputs: Iterable<unknown>,
  subject: string,
): z.output<S>[] {
  const parsed: z.output<S>[] = [];
  const problems: ValidationProblem[] = [];
  let index = 0;
  for (const input of inputs) {
    const result = safeParseModel(schema, input);
    if (result.success) parsed.push(result.data);
    else {
      for (const problem of result.problems) {
        if (problems.length < MAX_PROBLEMS) problems.push({ ...problem, path: [index, ...problem.path] });
      }
    }
    index++;
  }
  if (problems.length > 0) throw new ValidationError(problems, subject);
  return parsed;
}

/**
 * Parses public-account snapshots with core's `PublicAccountSchema`; all or nothing.
 *
 * @throws ValidationError listing the problems (paths start with the snapshot's index; at most 100)
 */
export function parsePublicAccounts(inputs: Iterable<unknown>): PublicAccount[] {
  return parseAll(PublicAccountSchema, inputs, 'public accounts');
}

/**
 * Parses audience breakdowns with core's `AudienceBreakdownSchema`; all or nothing.
 *
 * @throws ValidationError listing the problems (paths start with the breakdown's index; at most 100)
 */
export function parseAudienceBreakdowns(inputs: Iterable<unknown>): AudienceBreakdown[] {
  return parseAll(AudienceBreakdownSchema, inputs, 'audience breakdowns');
}

/**
 * Checks optional window bounds: valid `Date`s, `since` before `until`; with `required`, both
 * must be given.
 *
 * @throws ValidationError naming every bad bound (rule `analytics.period`)
 */
export function checkWindow(
  window: { readonly since?: Date | undefined; readonly until?: Date | undefined },
  subject: string,
  required = false,
): void {
  const problems: ValidationProblem[] = [];
  for (const key of ['since', 'until'] as const) {
    const value = window[key];
    if (value === undefined ? required : !isValidDate(value)) {
      problems.push({ path: [key], rule: 'analytics.period', message: 'must be a valid Date' });
    }
  }
  const { since, until } = window;
  if (problems.length === 0 && since !== undefined && until !== undefined && since >= until) {
    problems.push({ path: ['until'], rule: 'analytics.period', message: 'must be later than since' });
  }
  if (problems.length > 0) throw new ValidationError(problems, subject);
}
