// The values of `schedule`'s options that decide whether a post goes out unreviewed: a value
// other than a documented one is refused, never read as "no approval" or "not a draft".

import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { describeKind } from '../parse/value-kind.js';

/** The options {@link requireScheduleOptionValues} reads (what a caller may have passed). */
interface RawScheduleOptions {
  readonly approval?: unknown;
  readonly draft?: unknown;
  readonly native?: unknown;
}

/**
 * Checks `approval` (`'required'` or left out), `draft` and `native` (booleans or left out).
 * A plain-JS caller's `approval: true` would otherwise plan an entry that is published when due
 * without anyone approving it; `draft: 'yes'` one that is not a draft.
 *
 * @param options - the options object given to `schedule`
 * @throws ValidationError at `['approval']`, `['draft']` or `['native']`, every problem at once,
 *   with a hint showing `approval: 'required'`; nothing is planned then
 */
export function requireScheduleOptionValues(options: RawScheduleOptions): void {
  const problems: ValidationProblem[] = [];
  if (options.approval !== undefined && options.approval !== 'required') {
    problems.push({
      path: ['approval'],
      rule: 'schedule.approval',
      message: `must be 'required' (the entry waits for approve) or left out (no approval), not ${shown(options.approval)}`,
      limit: 'required',
      ...(typeof options.approval === 'string' ? { actual: options.approval.slice(0, 60) } : {}),
    });
  }
  for (const key of ['draft', 'native'] as const) {
    const value = options[key];
    if (value === undefined || typeof value === 'boolean') continue;
    problems.push({
      path: [key],
      rule: `schedule.${key}`,
      message: `must be true, false or left out, not ${shown(value)}`,
    });
  }
  if (problems.length === 0) return;
  throw new ValidationError(problems, 'schedule options', {
    hint: "Ask for approval with { approval: 'required', by: 'ana' }, e.g. scheduler.schedule(post, targets, when, { approval: 'required', by: 'ana' }); nothing was scheduled.",
  });
}

/** A value as a caller wrote it, for a message: `true`, `"yes"`, or its kind. */
function shown(value: unknown): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 60));
  return describeKind(value);
}
