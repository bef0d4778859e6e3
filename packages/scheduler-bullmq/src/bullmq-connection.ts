import type { ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { refuseKeyPrefix, refuseUrlKeyPrefix } from './redis-connection.js';

/** BullMQ's `connection` option, and how to let go of what was opened for it. */
export interface BullmqConnection {
  /** What BullMQ's `connection` option takes. */
  readonly connection: ConnectionOptions;
  /** Closes the client opened for BullMQ, if one was; a client the app passed stays open. */
  close(): Promise<void>;
}

/**
 * BullMQ's connection for a queue (adding and inspecting jobs; no blocking commands). From a URL
 * BullMQ opens (and closes) its own connection without ioredis' offline queue
 * (`enableOfflineQueue: false`), so that adding a job while Redis is away fails at once instead
 * of waiting for the reconnection for as long as it takes: BullMQ's "Failing fast when Redis is
 * down" (https://docs.bullmq.io/patterns/failing-fast-when-redis-is-down). A producer's adds must
 * fail fast: `planWakeups` reports a failure and the worker's sweep runs the entry, while an add
 * that waits never tells anyone. A client you pass is shared as it is, so that adding a job fails
 * fast when Redis is down if the client does (BullMQ's connection guide advises producers to keep
 * a finite `maxRetriesPerRequest`: https://docs.bullmq.io/guide/connections#queue).
 *
 * @param connection - a Redis URL or an ioredis client
 * @param what - the function it is given to, for the error (`bullmqWakeups`)
 * @returns what BullMQ's `connection` option takes
 * @throws ValidationError when the client or the URL sets ioredis' `keyPrefix` (BullMQ does not support it)
 */
export function bullmqQueueConnection(connection: string | Redis, what: string): ConnectionOptions {
  if (typeof connection === 'string') {
    refuseUrlKeyPrefix(connection, what);
    return { url: connection, enableOfflineQueue: false };
  }
  refuseKeyPrefix(connection, what);
  return connection;
}

/**
 * BullMQ's connection for a worker, which must retry its commands for as long as Redis is away
 * (`maxRetriesPerRequest: null`; BullMQ refuses a client without it:
 * https://docs.bullmq.io/guide/going-to-production#maxretriesperrequest). From a URL BullMQ opens
 * its own connections with that setting. A client you pass that has it, and no `commandTimeout`,
 * is shared as it is; any other (a finite `maxRetriesPerRequest` or a `commandTimeout`, which the
 * stores want: their calls should fail while Redis is down) is duplicated with
 * `maxRetriesPerRequest: null` and without `commandTimeout` for the worker, and the duplicate is
 * closed by `close`. BullMQ duplicates it once more for its blocking
 * commands (https://docs.bullmq.io/guide/connections).
 *
 * @param connection - a Redis URL or an ioredis client
 * @param what - the function it is given to, for the error (`startWakeupWorker`)
 * @returns the connection, and how to close what was opened for it
 * @throws ValidationError when the client or the URL sets ioredis' `keyPrefix` (BullMQ does not support it)
 */
export function bullmqWorkerConnection(connection: string | Redis, what: string): BullmqConnection {
  if (typeof connection === 'string') {
    refuseUrlKeyPrefix(connection, what);
    return { connection: { url: connection, maxRetriesPerRequest: null }, close: async () => undefined };
  }
  refuseKeyPrefix(connection, what);
  const { maxRetriesPerRequest, commandTimeout } = connection.options;
  if (maxRetriesPerRequest === null && commandTimeout === undefined) {
    return { connection, close: async () => undefined };
  }
  // The worker waits for jobs in blocking commands, which ioredis' `commandTimeout` would cut
  // short (https://redis.github.io/ioredis/interfaces/CommonRedisOptions.html: a command with no
  // reply within it fails): the duplicate has none. ioredis reads an undefined option as unset.
  const duplicate = connection.duplicate({
    maxRetriesPerRequest: null,
    commandTimeout: undefined,
    lazyConnect: false,
  } as Parameters<Redis['duplicate']>[0]);
  return {
    connection: duplicate,
    close: async () => {
      await duplicate.quit().catch(() => duplicate.disconnect());
    },
  };
}
