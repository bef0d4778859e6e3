import { luaScript } from './lua-script.js';

/**
 * Connects (or connects again) account ARGV[1] as platform account ARGV[2] (its holder field,
 * JSON `[platform, accountId]`) with the account's JSON ARGV[3], in one step. KEYS: the accounts
 * hash (id → JSON), the holders hash (holder field → id), the holdings hash (id → holder field).
 * Answers the id holding that platform account when another id does (nothing written), else ''.
 * An id connected again as another platform account frees the one it held.
 */
export const CONNECT_ACCOUNT = luaScript(`
local holder = redis.call('HGET', KEYS[2], ARGV[2])
if holder and holder ~= ARGV[1] then return holder end
local held = redis.call('HGET', KEYS[3], ARGV[1])
if held and held ~= ARGV[2] then redis.call('HDEL', KEYS[2], held) end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
return ''`);

/**
 * Removes account ARGV[1] and frees the platform account it held, in one step. KEYS as
 * {@link CONNECT_ACCOUNT}'s. Answers 1 when the account was there, else 0.
 */
export const DISCONNECT_ACCOUNT = luaScript(`
local held = redis.call('HGET', KEYS[3], ARGV[1])
if held and redis.call('HGET', KEYS[2], held) == ARGV[1] then redis.call('HDEL', KEYS[2], held) end
redis.call('HDEL', KEYS[3], ARGV[1])
return redis.call('HDEL', KEYS[1], ARGV[1])`);
