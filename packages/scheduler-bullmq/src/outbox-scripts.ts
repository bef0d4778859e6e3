import { luaScript } from './lua-script.js';

/**
 * Records an intent unless its key has a record. KEYS: the record's hash, the unresolved set.
 * ARGV: key, platform, account id, startedAt (ms), fingerprint (empty: none). Answers nil when
 * recorded now, else the record's fields as HGETALL gives them.
 */
export const BEGIN = luaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('HGETALL', KEYS[1]) end
redis.call('HSET', KEYS[1], 'platform', ARGV[2], 'account_id', ARGV[3], 'status', 'sending', 'started_at', ARGV[4])
if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'fingerprint', ARGV[5]) end
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
return nil`);

/**
 * Sets a failed record back to sending from ARGV[2] (ms) with the new attempt's fingerprint.
 * KEYS: the record's hash, the unresolved set. ARGV: key, startedAt, fingerprint (empty: none).
 * Answers 1 when retried, 0 when the record is not failed.
 */
export const RETRY = luaScript(`
if redis.call('HGET', KEYS[1], 'status') ~= 'failed' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'sending', 'started_at', ARGV[2])
redis.call('HDEL', KEYS[1], 'settlement', 'fingerprint')
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'fingerprint', ARGV[3]) end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 1`);

/**
 * Writes a settlement. A key nobody began is recorded with it, its intent taken from ARGV (the
 * ref's platform and account, settledAt). KEYS: the record's hash, the unresolved set. ARGV:
 * key, status, settlement JSON, platform, account id, settledAt (ms). An unknown record stays in
 * the unresolved set; a published or failed one leaves it. A record already published is final:
 * left as it is (returns 0).
 */
export const SETTLE = luaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'platform', ARGV[4], 'account_id', ARGV[5], 'started_at', ARGV[6])
elseif redis.call('HGET', KEYS[1], 'status') == 'published' then
  return 0
end
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'settlement', ARGV[3])
if ARGV[2] == 'unknown' then
  redis.call('ZADD', KEYS[2], redis.call('HGET', KEYS[1], 'started_at'), ARGV[1])
else
  redis.call('ZREM', KEYS[2], ARGV[1])
end
return 1`);
