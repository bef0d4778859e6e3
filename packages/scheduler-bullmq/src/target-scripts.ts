import { FIELD } from './entry-hash.js';
import { luaScript } from './lua-script.js';

/**
 * The lease holder of an entry being published target by target: no one worker holds it, and
 * its lease ends with the latest of its targets' leases and settlements. Whole-entry claims
 * (`claimDue`) recover the entry once that has run out.
 */
export const TARGETS_HOLDER = '*targets';

/**
 * Lua that defines `targetKeys(entry)`: the target keys (`<platform>:<accountId>`, in target
 * order) of the entry whose hash is `entry`, or nil when they cannot be read. It reads the
 * `target_keys` field (see `packTargetKeys` in entry-hash.ts) while that belongs to the stored
 * body (its SHA-1 matches), so no JSON is decoded: cjson refuses the `\uD83D`-style escapes
 * of lone UTF-16 surrogates that JSON.stringify writes. Otherwise (an entry written before the
 * field existed, or rewritten by such an smmkit) it decodes the body's targets, in `pcall` so
 * that a body cjson cannot read answers nil instead of failing the script. cjson only reads
 * here: nothing decoded is written back.
 */
const TARGET_KEYS = `
local function targetKeys(entry)
  local stored = redis.call('HMGET', entry, '${FIELD.body}', '${FIELD.targetKeys}')
  local body, packed = stored[1], stored[2]
  if not body then return nil end
  local keys = {}
  if packed and string.sub(packed, 1, 40) == redis.sha1hex(body) then
    local pos = 41
    while pos <= #packed do
      local colon = string.find(packed, ':', pos, true)
      local length = colon and tonumber(string.sub(packed, pos, colon - 1))
      if not length then return nil end
      keys[#keys + 1] = string.sub(packed, colon + 1, colon + length)
      pos = colon + length + 1
    end
    return keys
  end
  local readable, decoded = pcall(cjson.decode, body)
  if not readable or type(decoded) ~= 'table' or type(decoded.targets) ~= 'table' then return nil end
  for _, t in ipairs(decoded.targets) do
    if type(t) ~= 'table' or type(t.platform) ~= 'string' or type(t.accountId) ~= 'string' then return nil end
    keys[#keys + 1] = t.platform .. ':' .. t.accountId
  end
  return keys
end`;

/**
 * Claims one target of one occurrence of an entry. KEYS: the entry's hash, its targets hash,
 * `status:scheduled`, `status:publishing`. ARGV: id, occurrence (publishAt, ms), target key,
 * now (ms), worker, lease end (ms). A `scheduled` entry due by now at that occurrence becomes
 * `publishing` (attempts + 1, its targets hash started afresh); one `publishing` target by target
 * (lease holder `*targets`) gives the target unless it has a result or a live lease (a lapsed
 * one is taken over: attempts + 1). The entry's lease is `*targets` until the latest target
 * lease. Answers `{'claimed', first, recovered, body, attempts}`, `{'leased', until}`, or one of
 * `{'missing'}`, `{'stale'}`, `{'waiting'}`, `{'early'}`, `{'settled'}`, `{'damaged'}` (the
 * body's targets cannot be read; nothing written).
 */
export const CLAIM_TARGET = luaScript(`
${TARGET_KEYS}
local entry, targets = KEYS[1], KEYS[2]
local id, occurrence, tkey, nowText, worker, leaseUntil = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local now = tonumber(nowText)
local fields = redis.call('HMGET', entry, 'status', 'publish_at', 'body', 'lease_holder', 'lease_until')
local status, publishAt, body, holder, entryUntil = fields[1], fields[2], fields[3], fields[4], fields[5]
if not status then return {'missing'} end
if publishAt ~= occurrence then return {'stale'} end
local listedKeys = targetKeys(entry)
if not listedKeys then return {'damaged'} end
local listed = false
for _, key in ipairs(listedKeys) do
  if key == tkey then listed = true break end
end
if not listed then return {'stale'} end
if status == 'draft' or status == 'awaiting_approval' then return {'waiting'} end
if status == 'scheduled' and tonumber(publishAt) > now then return {'early'} end
if status ~= 'scheduled' and status ~= 'publishing' then return {'settled'} end
if status == 'publishing' and holder ~= '${TARGETS_HOLDER}' then return {'leased', entryUntil or nowText} end
local first = 0
if status == 'scheduled' then
  first = 1
  redis.call('DEL', targets)
end
if redis.call('HEXISTS', targets, tkey .. ':result') == 1 then return {'settled'} end
local held = redis.call('HMGET', targets, tkey .. ':holder', tkey .. ':until')
local recovered = 0
if held[1] then
  if tonumber(held[2]) > now then return {'leased', held[2]} end
  recovered = 1
end
if first == 1 then
  redis.call('ZREM', KEYS[3], id)
  redis.call('ZADD', KEYS[4], publishAt, id)
end
local attempts
if first == 1 or recovered == 1 then
  attempts = redis.call('HINCRBY', entry, 'attempts', 1)
else
  attempts = tonumber(redis.call('HGET', entry, 'attempts'))
end
local heldUntil = leaseUntil
if first == 0 and entryUntil and tonumber(entryUntil) > tonumber(leaseUntil) then heldUntil = entryUntil end
redis.call('HSET', entry, 'status', 'publishing', 'updated_at', nowText, 'lease_holder', '${TARGETS_HOLDER}', 'lease_until', heldUntil)
redis.call('HINCRBY', entry, 'version', 1)
redis.call('HSET', targets, tkey .. ':holder', worker, tkey .. ':until', leaseUntil)
return {'claimed', first, recovered, body, attempts}`);

/**
 * Lua that moves the entry's lease end (KEYS[1]) to `later` (ms, text) unless it ends later already.
 */
const HOLD_UNTIL = `
local current = tonumber(redis.call('HGET', KEYS[1], 'lease_until') or '0')
if tonumber(later) > current then redis.call('HSET', KEYS[1], 'lease_until', later) end`;

/**
 * Extends a worker's lease on a target. KEYS: the entry's hash, its targets hash. ARGV: target
 * key, worker, new lease end (ms). Answers 1 when renewed, 0 when the target (or the entry) is
 * no longer held that way.
 */
export const RENEW_TARGET = luaScript(`
if redis.call('HGET', KEYS[1], 'lease_holder') ~= '${TARGETS_HOLDER}' then return 0 end
if redis.call('HGET', KEYS[2], ARGV[1] .. ':holder') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[2], ARGV[1] .. ':until', ARGV[3])
local later = ARGV[3]
${HOLD_UNTIL}
return 1`);

/**
 * Writes a target's result and ends its lease, only while the worker holds it and the entry is
 * still published target by target. KEYS: the entry's hash, its targets hash. ARGV: target key,
 * worker, the result's JSON, how long the entry stays held for its other targets (an instant,
 * ms). Answers 0 when not held, 1 when other targets have no result yet, else every target's
 * result JSON in target order (the caller writes the entry's final state).
 */
export const SETTLE_TARGET = luaScript(`
${TARGET_KEYS}
if redis.call('HGET', KEYS[1], 'lease_holder') ~= '${TARGETS_HOLDER}' then return 0 end
if redis.call('HGET', KEYS[2], ARGV[1] .. ':holder') ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1] .. ':holder', ARGV[1] .. ':until')
redis.call('HSET', KEYS[2], ARGV[1] .. ':result', ARGV[3])
local later = ARGV[4]
${HOLD_UNTIL}
-- The claim read these keys; the body cannot change while the entry is held for its targets.
local listedKeys = targetKeys(KEYS[1])
if not listedKeys then return 1 end
local results = {}
for _, key in ipairs(listedKeys) do
  local result = redis.call('HGET', KEYS[2], key .. ':result')
  if not result then return 1 end
  results[#results + 1] = result
end
return results`);
