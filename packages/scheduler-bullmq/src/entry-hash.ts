import { createHash } from 'node:crypto';
import { parseScheduleEntry, type ScheduleEntry, ValidationError } from '@smmkit/core';
import { type TargetRef, targetKey } from '@smmkit/core/scheduler';
import type { ScheduleKeys } from './schedule-keys.js';
import { assertStorable } from './storable-entry.js';

/**
 * The fields of an entry's hash. `body` is the entry's JSON without the three fields a claim
 * changes; those live in their own fields so that the claim script sets them without parsing
 * JSON (Lua's cjson would turn `[]` into `{}` and round numbers to 14 digits).
 */
export const FIELD = {
  /** The entry as JSON, without `status`, `attempts` and `updatedAt`. */
  body: 'body',
  /** Its state. */
  status: 'status',
  /** Its attempt count. */
  attempts: 'attempts',
  /** When it last changed, epoch ms; empty when never. */
  updatedAt: 'updated_at',
  /** Its `publishAt`, epoch ms: the score of its index entries. */
  publishAt: 'publish_at',
  /** Counted up by every write, so a read-modify-write notices one that came between. */
  version: 'version',
  /** The worker holding the entry, while one does. */
  leaseHolder: 'lease_holder',
  /** When that worker's lease ends, epoch ms. */
  leaseUntil: 'lease_until',
  /** The keys of its targets, for the per-target scripts: see {@link packTargetKeys}. */
  targetKeys: 'target_keys',
  /**
   * Why the entry was set aside as `failed` without being read: its stored form could not be
   * decoded (see damaged-entry.ts).
   */
  damage: 'damage',
} as const;

/** An entry ready to be written. */
export interface EncodedEntry {
  /** The entry as a read will give it back (checked against the schema). */
  readonly entry: ScheduleEntry;
  /** Field/value pairs of its hash (without version and lease). */
  readonly fields: readonly string[];
  /** Its `publishAt` in epoch ms, as index scores take it. */
  readonly score: string;
  /** The sorted sets that list it. */
  readonly indexes: readonly string[];
}

/**
 * Turns an entry into its hash fields and index keys, refusing what JSON cannot keep, and reads
 * it back through the schema, so that an entry that could not be read later is never written.
 *
 * @param entry - the entry to store
 * @param keys - the store's key layout
 * @returns what to write
 * @throws ValidationError listing every value that cannot be stored, or every schema problem
 */
export function encodeEntry(entry: ScheduleEntry, keys: ScheduleKeys): EncodedEntry {
  assertStorable(entry);
  const { status, attempts, updatedAt, ...rest } = entry;
  const body = JSON.stringify(rest);
  const fields = [
    FIELD.body,
    body,
    FIELD.targetKeys,
    packTargetKeys(body, entry.targets),
    FIELD.status,
    status,
    FIELD.attempts,
    String(attempts),
    FIELD.updatedAt,
    updatedAt === undefined ? '' : String(updatedAt.getTime()),
    FIELD.publishAt,
    String(entry.publishAt.getTime()),
  ];
  const stored = decodeEntry(Object.fromEntries(pairs(fields)));
  return {
    entry: stored,
    fields,
    score: String(stored.publishAt.getTime()),
    indexes: indexKeys(stored, keys),
  };
}

/**
 * The entry's target keys (`<platform>:<accountId>`, in target order) as the per-target scripts
 * read them without decoding the body's JSON: the SHA-1 (hex) of the body they belong to, then
 * per key its length in UTF-8 bytes, `:` and the key. Lua's cjson refuses JSON that escapes a
 * lone UTF-16 surrogate (`\ud83d`, which `JSON.stringify` writes for text cut inside an emoji),
 * so the scripts must not need to decode the body; the SHA-1 lets them tell keys written for
 * another body (an older smmkit rewrote the entry) and read the body then. Lengths count bytes
 * as Lua's strings do; a lone surrogate goes to Redis as U+FFFD, 3 bytes, in the keys as in a
 * script's arguments.
 *
 * @param body - the body's JSON, as stored
 * @param targets - the entry's targets
 * @returns the field's value
 */
export function packTargetKeys(body: string, targets: readonly TargetRef[]): string {
  const packed = targets.map((target) => {
    const key = targetKey(target);
    return `${Buffer.byteLength(key, 'utf8')}:${key}`;
  });
  return `${createHash('sha1').update(body, 'utf8').digest('hex')}${packed.join('')}`;
}

/**
 * Reads an entry from its hash, through the schema (instants back to `Date`).
 *
 * @param hash - the hash's fields
 * @returns the entry
 * @throws ValidationError when the hash does not hold a valid entry (edited by hand, damaged, or
 *   written by an smmkit whose schema differs), its body not JSON included
 */
export function decodeEntry(hash: Readonly<Record<string, string>>): ScheduleEntry {
  let body: unknown;
  try {
    body = JSON.parse(hash[FIELD.body] ?? 'null');
  } catch {
    throw new ValidationError(
      [{ path: ['body'], rule: 'schedule.stored_json', message: 'is not JSON' }],
      'stored schedule entry',
      { hint: 'The entry was damaged or edited by hand in Redis; fix or delete its hash.' },
    );
  }
  const updatedAt = hash[FIELD.updatedAt];
  return parseScheduleEntry({
    ...(typeof body === 'object' && body !== null ? body : {}),
    status: hash[FIELD.status],
    attempts: Number(hash[FIELD.attempts]),
    ...(updatedAt === undefined || updatedAt === '' ? {} : { updatedAt: new Date(Number(updatedAt)) }),
  });
}

/**
 * The sorted sets that list `entry`: every entry, its state, its series, each of its accounts.
 *
 * @param entry - the entry
 * @param keys - the store's key layout
 * @returns the keys, without repeats
 */
export function indexKeys(entry: ScheduleEntry, keys: ScheduleKeys): string[] {
  return [
    ...new Set([
      keys.entries,
      keys.status(entry.status),
      ...(entry.seriesId === undefined ? [] : [keys.series(entry.seriesId)]),
      ...entry.targets.map((target) => keys.account(target.platform, target.accountId)),
    ]),
  ];
}

/** `[k1, v1, k2, v2]` as `[[k1, v1], [k2, v2]]`. */
function pairs(flat: readonly string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let index = 0; index + 1 < flat.length; index += 2)
    result.push([flat[index] ?? '', flat[index + 1] ?? '']);
  return result;
}

/**
 * {@link decodeEntry}, answering the `ValidationError` of an entry that cannot be read instead of
 * throwing it, so that one damaged entry does not stop the reading of the others.
 *
 * @param hash - the hash's fields
 * @returns the entry, or why it cannot be read
 */
export function tryDecodeEntry(
  hash: Readonly<Record<string, string>>,
): { readonly entry: ScheduleEntry } | { readonly damage: ValidationError } {
  try {
    return { entry: decodeEntry(hash) };
  } catch (error) {
    if (error instanceof ValidationError) return { damage: error };
    throw error;
  }
}
