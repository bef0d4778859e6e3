import { luaScript } from './lua-script.js';

/**
 * The publisher's budget policy (core's BucketBudget: declared windows, windows and usage learned
 * from headers, 429 pauses, reserve, burst and spacing) on budget hashes, checked and booked in
 * one step. A budget is the hash `<prefix>budget:<id>` (paused_until, last_sent, w_* for the
 * reported window, d_* for its daily companion, u_* for a usage share, start:<sig> per fixed
 * declared window) and a sorted set of send times per declared window, `<hash>:sends:<sig>`.
 *
 * ARGV: prefix, now (ms), safetyFraction, burstFraction, resetSkewMs, usageSlowFrom,
 * usageMaxDelayMs, TTL of budget keys (ms), slot count, then per slot: budget id, units,
 * only-if-known (1/0), declared count, then per declared budget: limit, windowSec, resets.
 * Answers an empty list when booked, else {slot (1-based), delay ms, reason}.
 */
export const TAKE_BUDGET = luaScript(`
local prefix, nowText = ARGV[1], ARGV[2]
local now = tonumber(nowText)
local safety, burst, skew = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local slowFrom, maxDelay, ttl = tonumber(ARGV[6]), tonumber(ARGV[7]), ARGV[8]
local DAY = 86400000

local function num(value)
  if value == false or value == nil or value == '' then return nil end
  return tonumber(value)
end

local slots, pos = {}, 10
for index = 1, tonumber(ARGV[9]) do
  local key, units, onlyIfKnown = prefix .. 'budget:' .. ARGV[pos], tonumber(ARGV[pos + 1]), ARGV[pos + 2] == '1'
  local declared = {}
  local count = tonumber(ARGV[pos + 3])
  pos = pos + 4
  for d = 1, count do
    local sig = ARGV[pos] .. '/' .. ARGV[pos + 1] .. '/' .. ARGV[pos + 2]
    declared[d] = {
      limit = tonumber(ARGV[pos]), windowMs = tonumber(ARGV[pos + 1]) * 1000, resets = ARGV[pos + 2],
      start = 'start:' .. sig, sends = key .. ':sends:' .. sig,
    }
    pos = pos + 3
  end
  if not onlyIfKnown or redis.call('EXISTS', key) == 1 then
    slots[#slots + 1] = { index = index, key = key, units = units, declared = declared }
  end
end

-- Drops sends that no longer count against a declared window.
local function roll(key, d)
  if d.resets == 'rolling' then
    redis.call('ZREMRANGEBYSCORE', d.sends, '-inf', now - d.windowMs)
  elseif d.resets == 'fixed' then
    local start = num(redis.call('HGET', key, d.start))
    if start and now >= start + d.windowMs then
      redis.call('HDEL', key, d.start)
      redis.call('DEL', d.sends)
    end
  else
    redis.call('ZREMRANGEBYSCORE', d.sends, '-inf', '(' .. (math.floor(now / DAY) * DAY))
  end
end

local function declaredReset(key, d)
  local first = redis.call('ZRANGE', d.sends, 0, 0, 'WITHSCORES')
  if #first == 0 then return nil end
  local firstAt = tonumber(first[2])
  if d.resets == 'rolling' then return firstAt + d.windowMs end
  if d.resets == 'fixed' then return (num(redis.call('HGET', key, d.start)) or firstAt) + d.windowMs end
  return (math.floor(now / DAY) + 1) * DAY
end

-- Spend freely, spread, or wait for the reset.
local function windowWait(limit, remaining, resetAt, units, lastSent)
  local reserve = math.max(0, math.min(limit - 1, math.floor(limit * safety)))
  local usable = remaining - reserve
  local needed = math.max(1, math.min(units, limit - reserve))
  if usable < needed then return resetAt - now + skew, 'budget' end
  if remaining / limit > burst then return 0, 'spacing' end
  if lastSent == nil then return 0, 'spacing' end
  local spacing = (resetAt - now) / (math.floor(usable / needed) + 1)
  return math.max(0, math.ceil(lastSent + spacing - now)), 'spacing'
end

local function usageWait(fraction, resetAt, lastSent)
  if fraction == nil then return 0 end
  if resetAt and resetAt <= now then return 0 end
  if fraction >= 1 and resetAt then return resetAt - now + skew end
  if fraction < slowFrom or lastSent == nil then return 0 end
  local share = math.min(1, (fraction - slowFrom) / math.max(1e-9, 1 - slowFrom))
  return math.max(0, math.ceil(lastSent + share * maxDelay - now))
end

local function slotWait(slot)
  local key = slot.key
  local best, why = 0, 'spacing'
  local function consider(delay, reason)
    if delay > best then best, why = delay, reason end
  end
  local s = redis.call('HMGET', key, 'paused_until', 'last_sent', 'w_limit', 'w_remaining', 'w_reset',
    'd_limit', 'd_remaining', 'd_reset', 'u_fraction', 'u_reset')
  local paused, lastSent = num(s[1]), num(s[2])
  if paused and paused > now then consider(paused - now, 'paused') end
  for _, w in ipairs({ { 3, 4, 5 }, { 6, 7, 8 } }) do
    local limit, remaining, resetAt = num(s[w[1]]), num(s[w[2]]), num(s[w[3]])
    if resetAt and resetAt > now and limit and remaining then
      consider(windowWait(limit, remaining, resetAt, slot.units, lastSent))
    end
  end
  for _, d in ipairs(slot.declared) do
    roll(key, d)
    local resetAt = declaredReset(key, d)
    if resetAt then consider(windowWait(d.limit, d.limit - redis.call('ZCARD', d.sends), resetAt, slot.units, lastSent)) end
  end
  consider(usageWait(num(s[9]), num(s[10]), lastSent), 'usage')
  return best, why
end

local longest, reason, at = 0, 'spacing', 0
for _, slot in ipairs(slots) do
  local delay, why = slotWait(slot)
  if delay > longest then longest, reason, at = delay, why, slot.index end
end
if longest > 0 then return { at, longest, reason } end

-- Every slot may go: count the sends now, before the responses report them.
for _, slot in ipairs(slots) do
  local key = slot.key
  redis.call('HSET', key, 'last_sent', nowText)
  for _, w in ipairs({ { 'w_remaining', 'w_reset' }, { 'd_remaining', 'd_reset' } }) do
    local remaining, resetAt = num(redis.call('HGET', key, w[1])), num(redis.call('HGET', key, w[2]))
    if remaining and (resetAt == nil or resetAt > now) then
      redis.call('HSET', key, w[1], math.max(0, remaining - slot.units))
    end
  end
  for _, d in ipairs(slot.declared) do
    roll(key, d)
    if redis.call('HEXISTS', key, d.start) == 0 then redis.call('HSET', key, d.start, nowText) end
    for _ = 1, slot.units do
      redis.call('ZADD', d.sends, nowText, nowText .. ':' .. redis.call('HINCRBY', key, 'seq', 1))
    end
    redis.call('PEXPIRE', d.sends, ttl)
  end
  redis.call('PEXPIRE', key, ttl)
end
return {}`);

/**
 * Takes in a reported rate-limit state. KEYS[1]: the budget hash. ARGV: the window's limit,
 * remaining, reset (ms); the daily window's three; usage share and its reset; TTL (ms); '' for
 * what was not reported. Within one window (resets within 1 s of each other) the lower
 * `remaining` wins: a response overtaken by a later one must not give back spent requests.
 */
export const LEARN_BUDGET = luaScript(`
local key = KEYS[1]
local function learn(prefix, limit, remaining, resetAt)
  if limit == '' and remaining == '' and resetAt == '' then return end
  local previous = redis.call('HMGET', key, prefix .. 'limit', prefix .. 'remaining', prefix .. 'reset')
  local pLimit, pRemaining, pReset = previous[1] or '', previous[2] or '', previous[3] or ''
  if pRemaining ~= '' and remaining ~= '' and pReset ~= '' and resetAt ~= ''
    and math.abs(tonumber(pReset) - tonumber(resetAt)) <= 1000
    and tonumber(pRemaining) < tonumber(remaining) then
    remaining = pRemaining
  end
  if limit == '' then limit = pLimit end
  redis.call('HSET', key, prefix .. 'limit', limit, prefix .. 'remaining', remaining, prefix .. 'reset', resetAt)
end
learn('w_', ARGV[1], ARGV[2], ARGV[3])
learn('d_', ARGV[4], ARGV[5], ARGV[6])
if ARGV[7] ~= '' then redis.call('HSET', key, 'u_fraction', ARGV[7], 'u_reset', ARGV[8]) end
redis.call('PEXPIRE', key, ARGV[9])
return 1`);

/** Pauses the budget KEYS[1] until ARGV[1] (ms) unless it is paused longer already; ARGV[2]: TTL (ms). */
export const PAUSE_BUDGET = luaScript(`
local current = redis.call('HGET', KEYS[1], 'paused_until')
if not current or tonumber(current) < tonumber(ARGV[1]) then
  redis.call('HSET', KEYS[1], 'paused_until', ARGV[1])
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`);
