import type { ValidationProblem } from '../errors/validation-error.js';

/**
 * The problems of settings that must be positive whole numbers when set: one
 * `settings.positive_integer` problem per value that is neither `undefined` nor an integer
 * above 0, in the order given. Adapters use it when resolving their settings, so every adapter
 * reports bad counts, sizes and durations alike.
 *
 * @param settings - setting names and their values (`undefined` when not set)
 * @returns one problem per invalid value, with the value as `actual`; empty when all are valid
 *
 * @example
 * ```ts
 * positiveIntegerSettingProblems({ timeoutMs: 0, maxTextLength: 280, uploadChunkBytes: undefined });
 * // [{ path: ['timeoutMs'], rule: 'settings.positive_integer', message: 'must be a positive whole number', actual: 0 }]
 * ```
 */
export function positiveIntegerSettingProblems(
  settings: Readonly<Record<string, number | undefined>>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const [name, value] of Object.entries(settings)) {
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
      problems.push({
        path: [name],
        rule: 'settings.positive_integer',
        message: 'must be a positive whole number',
        actual: value,
      });
    }
  }
  return problems;
}

/**
 * The problems of text settings that must not be blank when set (secrets, usernames): one
 * `settings.non_empty` problem per value that is set but empty or only whitespace, in the order
 * given. The value is never copied into the problem, since it may be a secret.
 *
 * @param settings - setting names and their values (`undefined` when not set)
 * @returns one problem per blank value; empty when all are set to text or not set
 *
 * @example
 * ```ts
 * nonEmptySettingProblems({ appSecret: ' ', webhookVerifyToken: undefined });
 * // [{ path: ['appSecret'], rule: 'settings.non_empty', message: 'must not be empty when set' }]
 * ```
 */
export function nonEmptySettingProblems(
  settings: Readonly<Record<string, string | undefined>>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const [name, value] of Object.entries(settings)) {
    if (value !== undefined && value.trim() === '') {
      problems.push({ path: [name], rule: 'settings.non_empty', message: 'must not be empty when set' });
    }
  }
  return problems;
}

/**
 * The problems of text settings that must be set (secrets a helper cannot work without): one
 * `settings.required` problem per value that is missing, not a string, empty or only
 * whitespace, in the order given. An unset environment variable passed as
 * `process.env.SECRET ?? ''` is refused here rather than accepted as a secret anyone can match.
 * The value is never copied into the problem.
 *
 * @param settings - setting names and their values as given
 * @returns one problem per missing or blank value; empty when all are set
 *
 * @example
 * ```ts
 * requiredSettingProblems({ consumerSecret: '' });
 * // [{ path: ['consumerSecret'], rule: 'settings.required', message: 'must be set (it is empty)' }]
 * ```
 */
export function requiredSettingProblems(settings: Readonly<Record<string, unknown>>): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const [name, value] of Object.entries(settings)) {
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push({
        path: [name],
        rule: 'settings.required',
        message: `must be set (it is ${typeof value === 'string' ? 'empty' : 'missing'})`,
      });
    }
  }
  return problems;
}
