import { luaScript } from './lua-script.js';

/**
 * Adds a page of items and saves its cursor, in one step. KEYS: the items hash (item field →
 * JSON), the order sorted set (item field scored by `createdAt`), the cursors hash. ARGV: the
 * item count, then per item its field, JSON and score; then the cursor's field and JSON ('' and
 * '' for none). An item whose field is kept already (or came earlier in the call) is left out.
 * Answers the 0-based positions of the items added.
 */
export const ADD_ITEMS = luaScript(`
local count = tonumber(ARGV[1])
local added = {}
for i = 0, count - 1 do
  local at = 2 + i * 3
  if redis.call('HSETNX', KEYS[1], ARGV[at], ARGV[at + 1]) == 1 then
    redis.call('ZADD', KEYS[2], ARGV[at + 2], ARGV[at])
    added[#added + 1] = i
  end
end
local cursorAt = 2 + count * 3
if ARGV[cursorAt] ~= '' then redis.call('HSET', KEYS[3], ARGV[cursorAt], ARGV[cursorAt + 1]) end
return added`);

/**
 * Records ids as seen, each once. KEYS[1]: the seen sorted set (`[scope, id]` as JSON, scored by
 * when it was first seen). ARGV[1]: when, epoch ms; the rest: the members. Answers the 0-based
 * positions (among the members) of those not seen before.
 */
export const MARK_SEEN = luaScript(`
local fresh = {}
for i = 2, #ARGV do
  if redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[i]) == 1 then fresh[#fresh + 1] = i - 2 end
end
return fresh`);

/**
 * Moves seen records still at a time to another. KEYS[1]: the seen sorted set. ARGV[1]: the new
 * time, epoch ms; then pairs of member and the time it must still have. Answers the 0-based
 * positions (among the pairs) of the records moved.
 */
export const MOVE_SEEN = luaScript(`
local moved = {}
for i = 2, #ARGV, 2 do
  local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if score and tonumber(score) == tonumber(ARGV[i + 1]) then
    redis.call('ZADD', KEYS[1], 'XX', ARGV[1], ARGV[i])
    moved[#moved + 1] = (i - 2) / 2
  end
end
return moved`);
