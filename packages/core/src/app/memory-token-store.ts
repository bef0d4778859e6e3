import type { TokenSet } from '../auth/token-provider.js';
import type { StoredTokenSet } from '../auth/token-store.js';
import type { AccountTokenStore } from './store.js';

/**
 * An {@link AccountTokenStore} in memory, for one process: versions are random, and the lock
 * queues the holders of one key, as a database lock queues processes.
 *
 * @returns an empty store
 */
export function memoryTokenStore(): AccountTokenStore {
  const rows = new Map<string, StoredTokenSet>();
  const queues = new Map<string, Promise<unknown>>();
  const put = (key: string, tokens: TokenSet): StoredTokenSet => {
    const stored = { tokens: { ...tokens }, version: globalThis.crypto.randomUUID() };
    rows.set(key, stored);
    return stored;
  };
  return {
    load: async (key) => rows.get(key),
    compareAndSwap: async (key, expectedVersion, next) =>
      rows.get(key)?.version === expectedVersion ? put(key, next) : undefined,
    save: async (key, tokens) => put(key, tokens),
    delete: async (key) => {
      rows.delete(key);
    },
    withLock: <T>(key: string, work: () => Promise<T>): Promise<T> => {
      const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
      queues.set(
        key,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}
