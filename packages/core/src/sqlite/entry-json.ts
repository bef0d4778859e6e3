import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import type { ScheduleEntry } from '../models/schedule-entry.js';
import { parseScheduleEntry } from '../parse/parse-models.js';

/** An entry as a SQLite row keeps it: the JSON text, and the entry read back from that text. */
export interface StoredEntry {
  /** The JSON text written to the row. */
  readonly json: string;
  /** The entry as it will be read back (checked against the schema). */
  readonly entry: ScheduleEntry;
}

/**
 * Turns an entry into the JSON a SQLite row keeps, refusing what JSON cannot keep instead of
 * losing it silently: media held as bytes or as a stream factory (a scheduled post may be
 * published days later, by another process, so its media must be where that process can read
 * it: at a URL or in a file), and any other function or binary value. Then reads the text back
 * through the schema, so that an entry that could not be read later is never written.
 *
 * @param entry - the entry to store
 * @returns its JSON and the entry read back from it
 * @throws ValidationError listing every value that cannot be stored, or every schema problem
 */
export function entryToJson(entry: ScheduleEntry): StoredEntry {
  const problems: ValidationProblem[] = [];
  findUnstorable(entry, [], problems);
  if (problems.length > 0) {
    throw new ValidationError(problems, 'schedule entry', {
      hint: 'Give scheduled media a { type: "url" } or { type: "file" } source; nothing was stored.',
    });
  }
  const json = JSON.stringify(entry);
  return { json, entry: parseScheduleEntry(JSON.parse(json)) };
}

/**
 * Reads an entry from a row's JSON, through the schema (instants back to `Date`).
 *
 * @throws ValidationError when the row does not hold a valid entry (edited by hand or damaged)
 */
export function entryFromJson(json: string): ScheduleEntry {
  return parseScheduleEntry(JSON.parse(json));
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
      message: `media with a "${field}" source cannot be kept in a SQLite schedule store: give it a { type: "url" } or { type: "file" } source`,
    };
  }
  return {
    path,
    rule: 'schedule.not_json',
    message: `is ${what}, which a SQLite schedule store cannot keep as JSON`,
  };
}
