import { Redis } from 'ioredis';
import { freePort, spawnRedisServer } from '../../../../scripts/redis-for-tests.js';

export { freePort };

/** How long a fresh redis-server may take to answer. */
const START_TIMEOUT_MS = 10_000;

/** A redis-server of a test's own, for a server state the shared test Redis must not be put in. */
export interface OwnRedis {
  /** Its URL. */
  readonly url: string;
  /** Stops it. */
  stop(): void;
}

/**
 * Starts a redis-server without persistence on a free loopback port, with `args` added (a
 * `--replicaof` to make it a read-only replica, a `--maxmemory` to run it out of memory), and
 * resolves once it answers PING. Fails, never skips, when redis-server is not installed.
 *
 * @param args - more redis-server options
 * @returns the server
 */
export async function startOwnRedis(args: readonly string[]): Promise<OwnRedis> {
  const port = await freePort();
  const server = spawnRedisServer(port, args);
  const failed = new Promise<never>((_, reject) =>
    server.once('error', (error) =>
      reject(
        new Error(
          'redis-server could not be started: install it with `bash scripts/install-system-deps.sh`.',
          { cause: error },
        ),
      ),
    ),
  );
  const url = `redis://127.0.0.1:${port}`;
  await Promise.race([failed, answering(url)]);
  return { url, stop: () => server.kill() };
}

/** Resolves once the server at `url` answers PING; rejects after START_TIMEOUT_MS. */
async function answering(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`redis-server did not answer at ${url}`, { cause: error });
    } finally {
      probe.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
