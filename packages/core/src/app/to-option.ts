import type { ValidationProblem } from '../errors/validation-error.js';
import { unknownKeyProblems } from '../parse/unknown-keys.js';
import type { SmmkitTarget } from './smmkit-api.js';

/** The keys of one `{ account, overrides }` entry of `to`. */
const TARGET_KEYS: readonly string[] = Object.keys({
  account: true,
  overrides: true,
} satisfies Record<keyof SmmkitTarget, true>);

/**
 * What is wrong with the `to` of `smm.publish` or `smm.schedule`: it must be there, an array,
 * and each entry an account id or `{ account, overrides }` without other keys (a misspelt
 * `override` would send the post unchanged).
 *
 * @param to - the option as passed
 * @param verb - what the call does with the accounts (`publish`, `schedule`), for the message
 * @returns the problems, empty when `to` is valid
 */
export function toProblems(to: unknown, verb: string): ValidationProblem[] {
  const example = `(to: ['brand-x'], or [{ account: 'brand-x', overrides }])`;
  if (to === undefined) {
    return [
      {
        path: ['to'],
        rule: 'options.required',
        message: `\`to\` is missing: the ids of the connected accounts to ${verb} to ${example}`,
      },
    ];
  }
  if (!Array.isArray(to)) {
    return [
      {
        path: ['to'],
        rule: 'options.to',
        message: `\`to\` must be an array of connected account ids ${example}`,
      },
    ];
  }
  return to.flatMap((entry: unknown, index) => entryProblems(entry, index));
}

/** What is wrong with the entry of `to` at `index`. */
function entryProblems(entry: unknown, index: number): ValidationProblem[] {
  if (typeof entry === 'string') return [];
  if (
    typeof entry === 'object' &&
    entry !== null &&
    typeof (entry as { account?: unknown }).account === 'string'
  ) {
    return unknownKeyProblems(entry, TARGET_KEYS, ['to', index]);
  }
  return [
    {
      path: ['to', index],
      rule: 'options.to',
      message: "each entry of `to` must be an account id ('brand-x') or { account: 'brand-x', overrides }",
    },
  ];
}
