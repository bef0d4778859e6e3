import type { ValidationError } from '@smmkit/core';
import type { Redis } from 'ioredis';
import { FIELD } from './entry-hash.js';
import { luaScript } from './lua-script.js';
import type { ScheduleKeys } from './schedule-keys.js';
import { TARGETS_HOLDER } from './target-scripts.js';

/**
 * Sets an entry that cannot be read aside as `failed`, unless it ended already or another worker
 * holds a live whole-entry lease on it. KEYS: the entry's hash, its targets hash. ARGV: prefix,
 * id, the worker setting it aside, now (ms), why (the error's message). Moves the id from its
 * state's sorted set to `status:failed` (same score), writes `status`, `updated_at` and `damage`,
 * drops the lease and the per-target progress, and counts the version up. Answers 1 when set
 * aside, 2 when it ended already (or is gone), 0 when another worker holds it.
 */
const SET_ASIDE = luaScript(`
local open = { scheduled = true, publishing = true, draft = true, awaiting_approval = true }
local status = redis.call('HGET', KEYS[1], '${FIELD.status}')
if not status or not open[status] then return 2 end
local prefix, id, worker, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local holder = redis.call('HGET', KEYS[1], '${FIELD.leaseHolder}')
if holder and holder ~= worker and holder ~= '${TARGETS_HOLDER}' then
  local leaseEnd = tonumber(redis.call('HGET', KEYS[1], '${FIELD.leaseUntil}') or '')
  if leaseEnd and leaseEnd > now then return 0 end
end
local from = prefix .. 'status:' .. status
local score = tonumber(redis.call('ZSCORE', from, id) or redis.call('HGET', KEYS[1], '${FIELD.publishAt}') or '') or 0
redis.call('ZREM', from, id)
redis.call('ZADD', prefix .. 'status:failed', score, id)
redis.call('HSET', KEYS[1], '${FIELD.status}', 'failed', '${FIELD.updatedAt}', ARGV[4], '${FIELD.damage}', ARGV[5])
redis.call('HDEL', KEYS[1], '${FIELD.leaseHolder}', '${FIELD.leaseUntil}')
redis.call('DEL', KEYS[2])
redis.call('HINCRBY', KEYS[1], '${FIELD.version}', 1)
return 1`);

/**
 * Takes an entry whose stored form cannot be read (edited by hand, damaged, or written by an
 * smmkit with another schema) out of the due set for good: it is set aside as `failed`, with the
 * reason in its hash's `damage` field, and a process warning (code `SMMKIT_DAMAGED_ENTRY`) names
 * it. Claims then go on with the other entries instead of claiming the same unreadable entry
 * (and the batch around it) again on every round.
 *
 * @param redis - the connection
 * @param keys - the store's key layout
 * @param id - the entry's id
 * @param worker - the worker that claimed it (its own lease does not stop it)
 * @param at - now
 * @param damage - why it cannot be read
 * @returns whether it is out of the due set now (set aside, or ended already); not when another
 *   worker holds a live lease on it
 */
export async function setAsideDamaged(
  redis: Redis,
  keys: ScheduleKeys,
  id: string,
  worker: string,
  at: number,
  damage: ValidationError,
): Promise<boolean> {
  const reply = await SET_ASIDE.run(
    redis,
    [keys.entry(id), keys.targets(id)],
    [keys.prefix, id, worker, at, damage.message],
  );
  if (reply === 1) warnDamaged(id, damage, 'set aside as failed');
  return reply !== 0;
}

/**
 * Tells (a process warning, code `SMMKIT_DAMAGED_ENTRY`, which `process.on('warning')` sees)
 * that schedule entry `id` cannot be read, and what was done about it.
 *
 * @param id - the entry's id
 * @param damage - why it cannot be read
 * @param done - what happened to it (`left out of the list`)
 */
export function warnDamaged(id: string, damage: ValidationError, done: string): void {
  process.emitWarning(`smmkit: schedule entry "${id}" cannot be read from Redis; ${done}.`, {
    code: 'SMMKIT_DAMAGED_ENTRY',
    detail: damage.message,
  });
}
