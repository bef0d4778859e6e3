import { createServer, type Server, type Socket } from 'node:net';
import { TransientError } from '@smmkit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RedisScheduleStore, redisScheduleStore } from '../src/index.js';
import { requireRedis } from './support/redis.js';
import { type OwnRedis, startOwnRedis } from './support/redis-server.js';

beforeEach(requireRedis);

let server: OwnRedis | undefined;
let silent: { readonly server: Server; readonly sockets: Set<Socket> } | undefined;
let store: RedisScheduleStore | undefined;
afterEach(async () => {
  await store?.close().catch(() => undefined);
  store = undefined;
  server?.stop();
  server = undefined;
  for (const socket of silent?.sockets ?? []) socket.destroy();
  silent?.server.close();
  silent = undefined;
});

/** What `promise` rejected with, failing the test when it resolved. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call resolved'),
    (error: unknown) => error,
  );
}

/** A TCP server that accepts connections and never answers: a Redis behind a network partition. */
async function silentServer(): Promise<string> {
  const sockets = new Set<Socket>();
  const listening = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  silent = { server: listening, sockets };
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const address = listening.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `redis://127.0.0.1:${address.port}`;
}

// Each test's own timeout is far below the ~70 s ioredis' defaults (20 retries, backoff up to 5 s)
// held a call for: a call that waits through them fails the test.
describe('a store opened from a Redis URL, while Redis is away', { timeout: 25_000 }, () => {
  it('fails a call with a retryable TransientError after Redis stopped, instead of waiting through 20 reconnection attempts', async () => {
    server = await startOwnRedis([]);
    store = redisScheduleStore({ connection: server.url, prefix: 'down:' });
    await expect(store.list({ limit: 1 })).resolves.toEqual([]);
    // The store's client says once that it lost its connection (code SMMKIT_BULLMQ_ERROR).
    const lost = new Promise<void>((resolve) => {
      const onWarning = (warning: Error): void => {
        if (!warning.message.includes('redisScheduleStore connection could not keep its connection')) return;
        process.off('warning', onWarning);
        resolve();
      };
      process.on('warning', onWarning);
    });
    server.stop();
    await lost;
    // A call that fails is what the docs promise: the scheduler's tick reports it and tries again.
    for (let call = 0; call < 3; call += 1) {
      const error = await rejection(store.list({ limit: 1 }));
      expect(TransientError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        retryable: true,
        message: expect.stringContaining('The Redis schedule store'),
      });
    }
  });

  it('fails a call with a retryable TransientError when Redis never answers (the connection stays open)', async () => {
    store = redisScheduleStore({ connection: await silentServer(), prefix: 'silent:' });
    const error = await rejection(store.get('entry-1'));
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      retryable: true,
      message: 'The Redis schedule store could not read the entry: Redis did not answer in time.',
      hint: expect.stringContaining('the command may still have run'),
    });
  });
});
