import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A value a script gets or returns: Redis answers strings, integers, nil and nested arrays. */
export type LuaReply = string | number | null | LuaReply[];

/** A Lua script Redis runs atomically: nothing else runs on the server between its first and last command. */
export interface LuaScript {
  /**
   * Runs the script by its SHA-1 (`EVALSHA`), sending its text (`EVAL`) only when the server does
   * not know it yet (after a restart or `SCRIPT FLUSH`).
   *
   * @param redis - the connection
   * @param keys - the keys it names (`KEYS`)
   * @param args - its arguments (`ARGV`)
   * @returns what the script returned
   */
  run(redis: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<LuaReply>;
}

/**
 * A script run through its SHA-1, as https://redis.io/docs/latest/develop/interact/programmability/eval-intro/
 * recommends, so that its text crosses the network once per server rather than on every call.
 *
 * @param source - the Lua text
 * @returns the script
 */
export function luaScript(source: string): LuaScript {
  const sha = createHash('sha1').update(source).digest('hex');
  return {
    run: async (redis, keys, args) => {
      try {
        return (await redis.evalsha(sha, keys.length, ...keys, ...args)) as LuaReply;
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        return (await redis.eval(source, keys.length, ...keys, ...args)) as LuaReply;
      }
    },
  };
}
