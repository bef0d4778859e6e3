/**
 * vitest global setup: a private Redis for the test run, so `pnpm test` needs no Redis running.
 *
 * With `REDIS_URL` set, that Redis is used and nothing is started. Otherwise, when the
 * `redis-server` binary is installed (scripts/install-system-deps.sh installs it), one is started
 * on a free loopback port with no persistence, `REDIS_URL` is set for the test workers, and it is
 * stopped after the run. Without the binary nothing is started, and the Redis tests fail saying
 * how to install it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';

/** How long a fresh redis-server may take to accept connections. */
const START_TIMEOUT_MS = 10_000;

export default async function startRedisForTests(): Promise<(() => void) | undefined> {
  if (process.env.REDIS_URL !== undefined) return undefined;
  if (spawnSync('redis-server', ['--version']).status !== 0) return undefined;
  const port = await freePort();
  const server = spawnRedisServer(port);
  await untilAccepting(port);
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
  return () => {
    server.kill();
  };
}

/**
 * Starts redis-server on `port` of the loopback interface, without persistence, with `args`
 * added; the Redis tests that need a server of their own start theirs with it too.
 */
export function spawnRedisServer(port: number, args: readonly string[] = []): ChildProcess {
  return spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...args],
    { stdio: 'ignore' },
  );
}

/**
 * A port nothing listens on now: the OS picks one, and it is released at once (for redis-server,
 * or to be refused: connecting to it fails with `ECONNREFUSED`).
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

/** Resolves once `port` accepts a connection; rejects after START_TIMEOUT_MS. */
async function untilAccepting(port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (accepted) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not accept connections on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
