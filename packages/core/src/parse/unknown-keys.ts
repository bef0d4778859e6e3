import type { ValidationProblem } from '../errors/validation-error.js';
import { cutShort } from '../models/issue-message.js';

/**
 * Names people reach for instead of the facade's, each with the name it means (tried only when
 * that name is among the keys the object takes).
 */
const MEANT: Readonly<Record<string, string>> = {
  zone: 'timeZone',
  tz: 'timeZone',
  from: 'since',
  start: 'since',
  to: 'until',
  end: 'until',
  author: 'accountId',
  urn: 'accountId',
  targets: 'to',
  target: 'to',
  accounts: 'to',
  when: 'at',
  time: 'at',
};

/**
 * One problem (rule `options.unknown_key`, path ending at the key) for each key of `input` that
 * is not in `known`, suggesting the known key it most likely means: "unknown key `zone`: did you
 * mean `timeZone`?". A value that is not an object has no keys, so gives none.
 *
 * @param input - what the user passed
 * @param known - every key the object takes
 * @param path - where `input` is, from the root of what was passed
 * @returns the problems, in the order of the input's keys
 */
export function unknownKeyProblems(
  input: unknown,
  known: readonly string[],
  path: readonly (string | number)[] = [],
): ValidationProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  return Object.keys(input)
    .filter((key) => !known.includes(key))
    .map((key) => ({
      path: [...path, key],
      rule: 'options.unknown_key',
      message: unknownKeyMessage(key, known),
      actual: cutShort(key),
    }));
}

/** "unknown key `zone`: did you mean `timeZone`?", or the keys there are when none is near. */
function unknownKeyMessage(key: string, known: readonly string[]): string {
  const near = nearName(key, known);
  if (near !== undefined) return `unknown key \`${cutShort(key)}\`: did you mean \`${near}\`?`;
  return `unknown key \`${cutShort(key)}\`; the keys are ${known.map((name) => `\`${name}\``).join(', ')}`;
}

/**
 * The known key `key` most likely means: a name people use for it (`zone` for `timeZone`), the
 * same name in another case or with `_`/`-` (`time_zone`), a typo (one edit in a short name, two
 * in a longer one), or a known key that contains it (`zone` in `timeZone`).
 *
 * @param key - the unknown key
 * @param known - every key the object takes
 * @returns the known key, or `undefined` when none is near
 */
function nearName(key: string, known: readonly string[]): string | undefined {
  const meant = MEANT[normalized(key)];
  if (meant !== undefined && known.includes(meant)) return meant;
  const wanted = normalized(key);
  const same = known.find((name) => normalized(name) === wanted);
  if (same !== undefined) return same;
  const allowed = wanted.length <= 4 ? 1 : 2;
  let best: { readonly name: string; readonly distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(wanted, normalized(name));
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  if (best !== undefined) return best.name;
  return wanted.length >= 3 ? known.find((name) => normalized(name).includes(wanted)) : undefined;
}

/** Lower case, without `_` and `-`: `time_zone` and `timeZone` are the same name. */
function normalized(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/** Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
