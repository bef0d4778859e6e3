import { TransientError } from '@smmkit/core';
import type { Redis } from 'ioredis';
import { luaScript } from './lua-script.js';

/**
 * How often a read-modify-write reads the field again after another write came between its read
 * and its write before giving up: each retry means some other writer made progress.
 */
const MAX_CONFLICTS = 50;

/**
 * Sets hash KEYS[1]'s field ARGV[1] to ARGV[3] only while it still holds ARGV[2] (one script, so
 * no write comes between the check and the set). Answers 1 when set, 0 when the field changed.
 */
const SET_FIELD_IF = luaScript(`
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1`);

/** What {@link rewriteField} does with the text it read. */
export type FieldDecision<T> =
  | {
      /** Leave the field as it is and resolve with `value`. */
      readonly keep: T;
    }
  | {
      /** Write `text` over what was read (unless it changed meanwhile) and resolve with `value`. */
      readonly write: string;
      /** What the call resolves with once written. */
      readonly value: T;
    };

/**
 * Reads a hash field, lets `decide` say what to do with its text, and writes the new text only
 * if no other write came between (compare-and-set in one script); otherwise reads it again and
 * decides anew. Resolves `undefined`, writing nothing, when the field is absent. For values whose change needs JavaScript (a JSON record patched with core's
 * rules), which a Lua script cannot parse faithfully (cjson turns `[]` into `{}`).
 *
 * @param redis - the connection
 * @param key - the hash
 * @param field - the field
 * @param decide - what to do with the text read
 * @param what - the record in words, for the error
 * @returns what `decide` said to resolve with, or `undefined` when the field is absent
 * @throws TransientError when the field changed {@link MAX_CONFLICTS} times while being written
 */
export async function rewriteField<T>(
  redis: Redis,
  key: string,
  field: string,
  decide: (text: string) => FieldDecision<T>,
  what: string,
): Promise<T | undefined> {
  for (let conflicts = 0; conflicts < MAX_CONFLICTS; conflicts += 1) {
    const text = await redis.hget(key, field);
    if (text === null) return undefined;
    const decision = decide(text);
    if ('keep' in decision) return decision.keep;
    if ((await SET_FIELD_IF.run(redis, [key], [field, text, decision.write])) === 1) return decision.value;
  }
  throw new TransientError(
    'transient',
    `${what} changed ${MAX_CONFLICTS} times while it was being written.`,
    {
      hint: 'Try again: other processes are writing it right now.',
    },
  );
}
