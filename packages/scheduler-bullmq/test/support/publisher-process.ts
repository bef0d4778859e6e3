/**
 * One worker process of the shared-account tests: publishes to the X simulator (served over
 * loopback HTTP by the test) for one account whose tokens live in a shared store, as a real
 * worker would. Started by worker.ts with `node --import source-hooks.ts`; talks over IPC.
 *
 * Environment: STORE (`sqlite` or `redis`), STORE_AT (file or URL), STORE_PREFIX (Redis),
 * LEASE_MS, LOCK_WAIT_MS, TOKEN_KEY, X_BASE_URL, X_CLIENT_ID, X_USER_ID, X_USERNAME.
 */

import { createXAdapter, refreshXToken } from '@smmkit/adapter-x';
import {
  createRefreshingTokenProvider,
  parsePost,
  SmmkitError,
  type TokenSet,
  type TokenStore,
} from '@smmkit/core';
import { sqliteTokenStore } from '@smmkit/core/sqlite';
import { redisTokenStore } from '@smmkit/scheduler-bullmq';
import type { ParentMessage, WorkerMessage } from './worker-messages.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const lock = { leaseMs: Number(env('LEASE_MS')), lockWaitMs: Number(env('LOCK_WAIT_MS')) };
const store =
  env('STORE') === 'sqlite'
    ? sqliteTokenStore(env('STORE_AT'), lock)
    : redisTokenStore(env('STORE_AT'), { prefix: env('STORE_PREFIX'), ...lock });
const baseUrl = env('X_BASE_URL');

/** When armed, the process dies (SIGKILL: no cleanup, no lease release) at that point of its next refresh. */
let crash: 'before-write' | 'after-write' | undefined;
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

const crashingStore: TokenStore = {
  load: (key) => store.load(key),
  withLock: (key, work) => store.withLock(key, work),
  compareAndSwap: async (key, expectedVersion, next) => {
    const written = await store.compareAndSwap(key, expectedVersion, next);
    if (crash === 'after-write') die();
    return written;
  },
};

const tokens = createRefreshingTokenProvider({
  platform: 'x',
  store: crashingStore,
  key: env('TOKEN_KEY'),
  refresh: async (refreshToken): Promise<TokenSet> => {
    const next = await refreshXToken({ clientId: env('X_CLIENT_ID'), refreshToken, baseUrl });
    // The platform has rotated the refresh token; nothing is written yet.
    if (crash === 'before-write') die();
    return next;
  },
});
const adapter = createXAdapter({ baseUrl });
const account = { platform: 'x', accountId: env('X_USER_ID'), handle: env('X_USERNAME') } as const;

async function publish(text: string): Promise<WorkerMessage> {
  try {
    const result = await adapter.publish(parsePost({ text }), { account, tokens });
    return { type: 'published', id: result.ref.platformPostId };
  } catch (error) {
    if (!SmmkitError.isInstance(error)) throw error;
    return { type: 'failed', name: error.name, code: error.code };
  }
}

process.on('message', (received) => {
  const message = received as ParentMessage;
  if (message.type === 'publish') {
    void publish(message.text).then((answer) => process.send?.(answer));
  } else if (message.type === 'crash-on-next-refresh') {
    crash = message.when;
    process.send?.({ type: 'armed' } satisfies WorkerMessage);
  } else {
    void Promise.resolve(store.close()).finally(() => process.exit(0));
  }
});
process.send?.({ type: 'ready' } satisfies WorkerMessage);
