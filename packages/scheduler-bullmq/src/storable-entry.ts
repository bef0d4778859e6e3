import { ValidationError, type ValidationProblem } from '@smmkit/core';

/**
 * Refuses what JSON cannot keep instead of losing it silently: media held as bytes or as a stream
 * factory (a scheduled post may be published days later by a worker on another machine, so its
 * media must be where that worker can read it: at a URL), and any other function or binary value.
 *
 * @param value - the entry (or any part of it)
 * @throws ValidationError listing every value that cannot be stored
 */
export function assertStorable(value: unknown): void {
  const problems: ValidationProblem[] = [];
  findUnstorable(value, [], problems);
  if (problems.length > 0) {
    throw new ValidationError(problems, 'schedule entry', {
      hint: 'Give scheduled media a { type: "url" } source (or a file every worker can read); nothing was stored.',
    });
  }
}

/** Adds a problem for each value under `value` that JSON would drop or mangle. */
function findUnstorable(value: unknown, path: (string | number)[], problems: ValidationProblem[]): void {
  if (typeof value === 'function' || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    problems.push(unstorable(path, typeof value === 'function' ? 'a function' : 'binary data'));
  } else if (typeof value === 'bigint' || typeof value === 'symbol') {
    problems.push(unstorable(path, `a ${typeof value}`));
  } else if (value instanceof Map || value instanceof Set) {
    problems.push(unstorable(path, `a ${value instanceof Map ? 'Map' : 'Set'}`));
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) findUnstorable(item, [...path, index], problems);
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) findUnstorable(item, [...path, key], problems);
  }
}

function unstorable(path: readonly (string | number)[], what: string): ValidationProblem {
  const [source, field] = path.slice(-2);
  if (source === 'source' && (field === 'bytes' || field === 'stream')) {
    return {
      path,
      rule: 'schedule.media_source',
      message: `media with a "${field}" source cannot be kept in a Redis schedule store: give it a { type: "url" } source, or a file every worker can read`,
    };
  }
  return {
    path,
    rule: 'schedule.not_json',
    message: `is ${what}, which a Redis schedule store cannot keep as JSON`,
  };
}
