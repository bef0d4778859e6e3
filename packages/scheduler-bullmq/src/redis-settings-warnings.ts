import type { Redis } from 'ioredis';

/** The warning code of a Redis whose `maxmemory-policy` is not `noeviction`: it may drop entries. */
export const EVICTION_WARNING = 'SMMKIT_REDIS_EVICTION';

/** The warning code of a Redis that keeps nothing on disk (no AOF, no RDB snapshots). */
export const NO_PERSISTENCE_WARNING = 'SMMKIT_REDIS_NO_PERSISTENCE';

/** The servers (by INFO's `run_id`) and warning codes reported already in this process. */
const reported = new Set<string>();

/** The clients watched already, so that a client shared by several stores is checked once. */
const watched = new WeakSet<Redis>();

/**
 * Checks the settings of the Redis a store works on whenever its client is (again) ready, and
 * warns once per Redis server (its INFO `run_id`, new on each restart) and per process about one
 * that can lose the store's keys without any error:
 *
 * - `maxmemory-policy` other than `noeviction` ({@link EVICTION_WARNING}): under memory pressure
 *   Redis deletes keys, schedule entries and outbox records included
 *   (https://redis.io/docs/latest/develop/reference/eviction/); BullMQ requires `noeviction` too
 *   (https://docs.bullmq.io/guide/going-to-production, "Max memory policy").
 * - no persistence ({@link NO_PERSISTENCE_WARNING}): AOF off and no RDB save points, so a
 *   restart empties Redis (https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/).
 *
 * The policy and AOF are read from `INFO` (https://redis.io/docs/latest/commands/info/:
 * `maxmemory_policy`, `aof_enabled`, `run_id`), which managed services allow; the RDB save points
 * are only read (`CONFIG GET save`) when AOF is off, and a server that refuses `CONFIG` is not
 * warned about. Nothing is thrown: a check that fails (Redis away, `INFO` not allowed) is left
 * for the next time the client is ready.
 *
 * @param redis - the client a store works on
 * @param what - the function it is given to (`redisScheduleStore`), for the warning
 */
export function warnAboutRedisSettings(redis: Redis, what: string): void {
  if (watched.has(redis)) return;
  watched.add(redis);
  const check = (): void => void checkSettings(redis, what).catch(() => undefined);
  redis.on('ready', check);
  if (redis.status === 'ready') check();
}

/** Reads the server's settings and warns about those that lose keys, once per server. */
async function checkSettings(redis: Redis, what: string): Promise<void> {
  const info = parseInfo(await redis.info());
  const server = info.get('run_id') ?? 'unknown';
  const policy = info.get('maxmemory_policy');
  if (policy !== undefined && policy !== 'noeviction') {
    warnOnce(server, EVICTION_WARNING, () =>
      process.emitWarning(
        `smmkit: the Redis ${what} works on has maxmemory-policy ${policy.slice(0, 40)}: under memory pressure Redis deletes keys, and scheduled entries, outbox records and BullMQ jobs then vanish without an error.`,
        {
          code: EVICTION_WARNING,
          detail:
            'Set maxmemory-policy noeviction (CONFIG SET maxmemory-policy noeviction, and in redis.conf) and size maxmemory for what you keep: with noeviction a write over maxmemory fails (OOM) instead of losing data. Reported once per Redis server.',
        },
      ),
    );
  }
  if (info.get('aof_enabled') === '0' && (await savePoints(redis)) === '') {
    warnOnce(server, NO_PERSISTENCE_WARNING, () =>
      process.emitWarning(
        `smmkit: the Redis ${what} works on keeps nothing on disk (no AOF, no RDB snapshots): a restart of Redis loses every scheduled entry, outbox record and BullMQ job.`,
        {
          code: NO_PERSISTENCE_WARNING,
          detail:
            'Turn on the append-only file (appendonly yes, appendfsync everysec), as the scaling guide describes. Reported once per Redis server.',
        },
      ),
    );
  }
}

/**
 * The server's RDB save points (`CONFIG GET save`: `''` when none), or `undefined` when it refuses
 * `CONFIG` (managed services often do) and so cannot be judged.
 */
async function savePoints(redis: Redis): Promise<string | undefined> {
  try {
    const reply = (await redis.config('GET', 'save')) as unknown;
    // RESP2 answers a flat [name, value] list, RESP3 a map (ioredis' legacy mapping: the same list).
    if (Array.isArray(reply)) return typeof reply[1] === 'string' ? reply[1] : undefined;
    if (reply !== null && typeof reply === 'object') {
      const value = (reply as Record<string, unknown>).save;
      return typeof value === 'string' ? value : undefined;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** Runs `warn` the first time `code` is seen for `server` in this process. */
function warnOnce(server: string, code: string, warn: () => void): void {
  const key = `${server} ${code}`;
  if (reported.has(key)) return;
  reported.add(key);
  warn();
}

/** INFO's `field:value` lines as a map (section headers and blank lines left out). */
function parseInfo(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0 || line.startsWith('#')) continue;
    fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return fields;
}
