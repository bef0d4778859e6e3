import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

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
 * A port nothing listens on now: the OS picks one, and it is released at once. Connecting to it is
 * refused (`ECONNREFUSED`).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject()));
    });
  });
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
  const server: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...args],
    { stdio: 'ignore' },
  );
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
