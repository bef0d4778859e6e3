import { luaScript } from './lua-script.js';

/**
 * Adds entries all or nothing, each optionally only when its queue slot is free. ARGV: prefix,
 * count of slot-holding states (0: no slot check), those states, count of entries, then per
 * entry: id, field count, the field/value pairs, index count, the index keys, score, count of its
 * account keys (0 without a slot check), those keys (`account:<json>` sorted sets). An entry's
 * slot is taken when, in one of its account sets, an entry at the same score is in a
 * slot-holding state (its hash's `status`), or when an earlier entry of the call stands on that
 * account and score. Answers two lists of 0-based positions: taken ids (stored already, or
 * earlier in the call), then taken slots (looked at only when no id is taken; always empty
 * without account keys); nothing is written unless both are empty. Otherwise writes every hash
 * (version 1) and index.
 */
export const ADD_ENTRIES = luaScript(`
local prefix = ARGV[1]
local holding = {}
local statusCount = tonumber(ARGV[2])
for i = 3, 2 + statusCount do holding[ARGV[i]] = true end
local count = tonumber(ARGV[3 + statusCount])
local pos = 4 + statusCount
local plans, taken, seen = {}, {}, {}
for i = 1, count do
  local id = ARGV[pos]
  local fieldCount = tonumber(ARGV[pos + 1])
  local fieldsAt = pos + 2
  local indexCount = tonumber(ARGV[fieldsAt + fieldCount])
  local indexesAt = fieldsAt + fieldCount + 1
  local score = ARGV[indexesAt + indexCount]
  local accountCount = tonumber(ARGV[indexesAt + indexCount + 1])
  local accountsAt = indexesAt + indexCount + 2
  pos = accountsAt + accountCount
  local key = prefix .. 'entry:' .. id
  if seen[id] or redis.call('EXISTS', key) == 1 then taken[#taken + 1] = i - 1 end
  seen[id] = true
  plans[i] = { id, key, fieldsAt, fieldCount, indexesAt, indexCount, score, accountsAt, accountCount }
end
if #taken > 0 then return { taken, {} } end
local refused, claimed = {}, {}
for i, plan in ipairs(plans) do
  local score, accountsAt, accountCount = plan[7], plan[8], plan[9]
  local held = false
  for a = accountsAt, accountsAt + accountCount - 1 do
    local account = ARGV[a]
    local slot = score .. ' ' .. account
    if claimed[slot] then held = true end
    claimed[slot] = true
    if not held then
      for _, other in ipairs(redis.call('ZRANGEBYSCORE', account, score, score)) do
        local status = redis.call('HGET', prefix .. 'entry:' .. other, 'status')
        if status and holding[status] then
          held = true
          break
        end
      end
    end
  end
  if held then refused[#refused + 1] = i - 1 end
end
if #refused > 0 then return { {}, refused } end
for _, plan in ipairs(plans) do
  local id, key, fieldsAt, fieldCount, indexesAt, indexCount, score = unpack(plan)
  redis.call('HSET', key, 'version', '1', unpack(ARGV, fieldsAt, fieldsAt + fieldCount - 1))
  for i = indexesAt, indexesAt + indexCount - 1 do redis.call('ZADD', ARGV[i], score, id) end
end
return { {}, {} }`);

/**
 * Overwrites an entry read at version ARGV[1] and drops its lease, only when the entry is still
 * at that version: every write and claim counts the version up, so a transition or completion
 * decided on what the caller read never overwrites a change that came between; the entry's
 * per-target progress (a hash at KEYS[2]) ends with it. Optionally the write also claims the
 * entry's queue slot: before writing, it looks in each of the given account sorted sets for
 * another entry at the new score in a slot-holding state (its hash's `status`). KEYS[1]: the
 * entry's hash. ARGV: expected version, id, score, field count, field/value pairs, count of
 * index keys it leaves, those keys, count of index keys it joins, those keys, the prefix, count
 * of slot-holding states (0: no slot check), those states, count of the written entry's account
 * keys (0 without a slot check), those keys. Answers 1 when written, 0 when the entry changed or
 * went away (read it again), 2 when the slot is taken (nothing written; never without account
 * keys).
 */
export const WRITE_ENTRY = luaScript(`
local key = KEYS[1]
if redis.call('HGET', key, 'version') ~= ARGV[1] then return 0 end
local id, score = ARGV[2], ARGV[3]
local fieldCount = tonumber(ARGV[4])
local leavingAt = 5 + fieldCount
local leaving = tonumber(ARGV[leavingAt])
local joiningAt = leavingAt + leaving + 1
local joining = tonumber(ARGV[joiningAt])
local pos = joiningAt + joining + 1
local prefix = ARGV[pos]
local holding = {}
local statusCount = tonumber(ARGV[pos + 1])
for i = pos + 2, pos + 1 + statusCount do holding[ARGV[i]] = true end
pos = pos + 2 + statusCount
local accountCount = tonumber(ARGV[pos])
for a = pos + 1, pos + accountCount do
  for _, other in ipairs(redis.call('ZRANGEBYSCORE', ARGV[a], score, score)) do
    if other ~= id then
      local status = redis.call('HGET', prefix .. 'entry:' .. other, 'status')
      if status and holding[status] then return 2 end
    end
  end
end
redis.call('HSET', key, unpack(ARGV, 5, 4 + fieldCount))
redis.call('HDEL', key, 'lease_holder', 'lease_until')
redis.call('DEL', KEYS[2])
redis.call('HINCRBY', key, 'version', 1)
for i = leavingAt + 1, leavingAt + leaving do redis.call('ZREM', ARGV[i], id) end
for i = joiningAt + 1, joiningAt + joining do redis.call('ZADD', ARGV[i], score, id) end
return 1`);

/**
 * Claims due entries: `scheduled` ones with publishAt <= now, and `publishing` ones whose lease
 * ran out or that have none (recovered). Oldest publishAt first, then by id in byte order (the
 * order of a sorted set's equal scores). ARGV: prefix, now (ms), limit, worker, lease end (ms),
 * the latest publishAt a scheduled entry may have to be claimed (ms). An entry published target
 * by target (lease holder `*targets`) is recovered like any other once its lease ran out.
 * Each claimed entry becomes `publishing`, leased to the worker, attempts + 1, updated now.
 * Answers per entry: id, 1 when recovered else 0, its body, its new attempt count.
 */
export const CLAIM_DUE = luaScript(`
local prefix, nowText, worker, leaseUntil, dueBy = ARGV[1], ARGV[2], ARGV[4], ARGV[5], ARGV[6]
local now, limit = tonumber(nowText), tonumber(ARGV[3])
if limit < 1 then return {} end
local scheduled, publishing = prefix .. 'status:scheduled', prefix .. 'status:publishing'
local fresh = redis.call('ZRANGEBYSCORE', scheduled, '-inf', dueBy, 'WITHSCORES', 'LIMIT', 0, limit)
-- Entries being published are few (those workers hold now): walk them for lapsed leases.
local lapsed = {}
local inflight = redis.call('ZRANGE', publishing, 0, -1, 'WITHSCORES')
for i = 1, #inflight, 2 do
  if #lapsed >= 2 * limit then break end
  local leaseEnd = redis.call('HGET', prefix .. 'entry:' .. inflight[i], 'lease_until')
  if not leaseEnd or tonumber(leaseEnd) <= now then
    lapsed[#lapsed + 1] = inflight[i]
    lapsed[#lapsed + 1] = inflight[i + 1]
  end
end
-- Byte order, as sorted sets order equal scores (Lua's < on strings follows the server's locale).
local function before(a, b)
  for i = 1, math.min(#a, #b) do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end
local claimed = {}
local f, l = 1, 1
while #claimed < limit and (f <= #fresh or l <= #lapsed) do
  local takeFresh
  if f > #fresh then takeFresh = false
  elseif l > #lapsed then takeFresh = true
  else
    local fs, ls = tonumber(fresh[f + 1]), tonumber(lapsed[l + 1])
    takeFresh = fs < ls or (fs == ls and before(fresh[f], lapsed[l]))
  end
  local id, score, recovered
  if takeFresh then
    id, score, recovered = fresh[f], fresh[f + 1], 0
    f = f + 2
  else
    id, score, recovered = lapsed[l], lapsed[l + 1], 1
    l = l + 2
  end
  local key = prefix .. 'entry:' .. id
  local attempts = redis.call('HINCRBY', key, 'attempts', 1)
  redis.call('HSET', key, 'status', 'publishing', 'updated_at', nowText, 'lease_holder', worker, 'lease_until', leaseUntil)
  redis.call('HINCRBY', key, 'version', 1)
  if recovered == 0 then
    redis.call('ZREM', scheduled, id)
    redis.call('ZADD', publishing, score, id)
  end
  claimed[#claimed + 1] = { id, recovered, redis.call('HGET', key, 'body'), attempts }
end
return claimed`);

/** Sets the lease end of KEYS[1] to ARGV[2] when ARGV[1] holds it. Answers 1 when renewed, else 0. */
export const RENEW_LEASE = luaScript(`
if redis.call('HGET', KEYS[1], 'lease_holder') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'lease_until', ARGV[2])
return 1`);
