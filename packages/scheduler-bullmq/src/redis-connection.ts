import { ValidationError } from '@smmkit/core';
import { Redis } from 'ioredis';
import { warnOncePerOutage } from './connection-warnings.js';
import { warnAboutRedisSettings } from './redis-settings-warnings.js';

/**
 * How many reconnection attempts a store's command waits through while Redis is away, on a
 * connection opened from a URL. ioredis' default (20) with its backoff (doubling from 50 ms up to
 * 5 s between attempts) holds a call for over a minute; with 1 a call made while Redis is
 * unreachable fails within two attempts: well under a second at the start of an outage, about
 * 10 s once the backoff has reached its 5 s cap ({@link STORE_COMMAND_TIMEOUT_MS} bounds it too)
 * (https://github.com/redis/ioredis#auto-reconnect, "maxRetriesPerRequest").
 */
export const STORE_MAX_RETRIES_PER_REQUEST = 1;

/**
 * How long a store's command may wait for its answer on a connection opened from a URL, in ms:
 * the bound for a connection that stays open while nothing comes back (a network partition
 * without a reset), which reconnection attempts never notice (ioredis' `commandTimeout`:
 * https://redis.github.io/ioredis/interfaces/CommonRedisOptions.html). The stores use no
 * blocking commands, and their scripts run in milliseconds; a command that times out may still
 * have run, which the stores treat like a connection cut before the answer.
 */
export const STORE_COMMAND_TIMEOUT_MS = 10_000;

/** The connection a store works on, and whether the store opened it (and so closes it). */
export interface StoreConnection {
  /** The client. */
  readonly redis: Redis;
  /** Whether the store opened it from a URL: then its `close()` closes it. */
  readonly owned: boolean;
}

/**
 * Opens a connection from a Redis URL, or takes the client the app passed, refusing one that
 * prefixes keys by itself ({@link refuseKeyPrefix}). A connection opened here fails a call while
 * Redis is away within about {@link STORE_COMMAND_TIMEOUT_MS} (ioredis'
 * `maxRetriesPerRequest: 1` and `commandTimeout`); a client passed in keeps its own settings.
 * Either way the server's settings are checked each time the client is ready, with a warning
 * when Redis can lose keys ({@link warnAboutRedisSettings}).
 *
 * @param connection - a Redis URL, or an ioredis client to share
 * @param what - the function it is given to, for the error (`redisScheduleStore`)
 * @returns the client, and whether it was opened here
 * @throws ValidationError when the client (or the URL) sets ioredis' `keyPrefix`
 */
export function openRedis(connection: string | Redis, what: string): StoreConnection {
  if (typeof connection !== 'string') {
    refuseKeyPrefix(connection, what);
    warnAboutRedisSettings(connection, what);
    return { redis: connection, owned: false };
  }
  // A URL can set keyPrefix too (ioredis reads options from its query string).
  const redis = clientOf(
    connection,
    { maxRetriesPerRequest: STORE_MAX_RETRIES_PER_REQUEST, commandTimeout: STORE_COMMAND_TIMEOUT_MS },
    what,
  );
  // Without an error listener ioredis prints every connection error with Redis's reply text (which
  // can quote a password) on each reconnection attempt: one warning per kind instead.
  warnOncePerOutage(
    {
      on: (event, listener) => redis.on(event, listener),
      listenerCount: (event) => redis.listenerCount(event),
      getBackend: () => redis,
    },
    `${what} connection`,
  );
  try {
    refuseKeyPrefix(redis, what);
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  warnAboutRedisSettings(redis, what);
  return { redis, owned: true };
}

/**
 * Refuses a Redis URL that sets ioredis' `keyPrefix` in its query string
 * (`redis://host:6379?keyPrefix=app:`), for a connection that BullMQ opens from the URL itself:
 * BullMQ checks a client it is given for `keyPrefix`, but not the options it builds a client from,
 * and such a queue would split its keys between two prefixes (see {@link refuseKeyPrefix}). The
 * URL is read by an ioredis client that never connects (`lazyConnect`), so that it is read as
 * ioredis reads it.
 *
 * @param url - the Redis URL
 * @param what - the function it is given to, for the error (`bullmqWakeups`)
 * @throws ValidationError when the URL sets `keyPrefix`
 */
export function refuseUrlKeyPrefix(url: string, what: string): void {
  const reader = clientOf(url, { lazyConnect: true }, what);
  try {
    refuseKeyPrefix(reader, what);
  } finally {
    reader.disconnect();
  }
}

/**
 * Refuses an ioredis client with `keyPrefix` set. ioredis adds that prefix to the keys a command
 * names (`KEYS` of a script included), but the scripts here build most key names from their
 * arguments, which it leaves alone: one store would then write half its keys under the prefix
 * and half without, and lose entries, claims and pauses between the two. BullMQ refuses such a
 * client for the same reason (https://docs.bullmq.io/guide/connections: "be careful not to use
 * the keyPrefix option in ioredis as this option is not compatible with BullMQ, which provides
 * its own key prefixing mechanism by using prefix option"). The `prefix` option namespaces
 * smmkit's keys instead.
 *
 * @param redis - the client the app passed
 * @param what - the function it is given to, for the error (`redisScheduleStore`)
 * @throws ValidationError naming the `prefix` option to use instead
 */
export function refuseKeyPrefix(redis: Redis, what: string): void {
  const { keyPrefix } = redis.options;
  if (keyPrefix === undefined || keyPrefix === '') return;
  throw new ValidationError(
    [
      {
        path: ['keyPrefix'],
        rule: 'redis.key_prefix',
        message: `is set ("${keyPrefix}"), but ioredis does not add it to the key names smmkit's Lua scripts build, so keys would be split between two prefixes: give ${what} a client without keyPrefix and namespace its keys with ${what}'s own \`prefix\` option`,
        actual: keyPrefix,
      },
    ],
    `${what} connection`,
    {
      hint: `Pass { prefix: '${keyPrefix}' } to ${what} and a client without keyPrefix; BullMQ refuses keyPrefix for the same reason (https://docs.bullmq.io/guide/connections). Nothing was written.`,
    },
  );
}

/**
 * An ioredis client for `url`, or a `ValidationError` that does not quote it when it is not a
 * URL: Node's `Invalid URL` error keeps the whole text in its `input` property, which loggers and
 * `JSON.stringify` print, and a Redis URL holds the password.
 */
function clientOf(
  url: string,
  options: {
    readonly lazyConnect?: true;
    readonly maxRetriesPerRequest?: number;
    readonly commandTimeout?: number;
  },
  what: string,
): Redis {
  try {
    return new Redis(url, { ...options });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_INVALID_URL') throw error;
    throw new ValidationError(
      [{ path: ['connection'], rule: 'redis.url', message: 'the Redis URL is not a valid URL' }],
      `${what} options`,
      {
        hint: 'Write it as redis://[user:password@]host[:port][/db] (rediss:// for TLS), with any special characters of the password percent-encoded (encodeURIComponent).',
      },
    );
  }
}
