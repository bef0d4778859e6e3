import type { ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * BullMQ's connection options for a Redis URL or an ioredis client. From a URL BullMQ opens (and
 * closes) its own connections, with `maxRetriesPerRequest: null` as its workers need
 * (https://docs.bullmq.io/guide/going-to-production#maxretriesperrequest); a client you pass is
 * shared and stays open (BullMQ duplicates it for a worker's blocking commands).
 *
 * @param connection - a Redis URL or an ioredis client
 * @returns what BullMQ's `connection` option takes
 */
export function bullmqConnection(connection: string | Redis): ConnectionOptions {
  return typeof connection === 'string' ? { url: connection, maxRetriesPerRequest: null } : connection;
}
