import type { TokenSet } from '../../src/auth/token-provider.js';
import type { StoredTokenSet, TokenStore } from '../../src/auth/token-store.js';

/** An in-memory {@link TokenStore} for tests, standing in for a database several processes share. */
export interface MemoryTokenStore extends TokenStore {
  /** Stores `tokens` under `key` whatever is there (an authorization). */
  save(key: string, tokens: TokenSet): StoredTokenSet;
  /** How many times compare-and-swap wrote. */
  readonly writes: number;
}

/**
 * A store whose lock (when `lock` is on) queues the holders of one key, as a database lock would
 * queue processes.
 */
export function memoryTokenStore(options: { readonly lock?: boolean } = {}): MemoryTokenStore {
  const rows = new Map<string, StoredTokenSet>();
  const queues = new Map<string, Promise<unknown>>();
  let counter = 0;
  let writes = 0;
  const put = (key: string, tokens: TokenSet): StoredTokenSet => {
    counter += 1;
    const stored = { tokens, version: String(counter) };
    rows.set(key, stored);
    return stored;
  };
  const withLock = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
    queues.set(
      key,
      run.catch(() => undefined),
    );
    return run;
  };
  return {
    get writes() {
      return writes;
    },
    load: async (key) => rows.get(key),
    compareAndSwap: async (key, expectedVersion, next) => {
      if (rows.get(key)?.version !== expectedVersion) return undefined;
      writes += 1;
      return put(key, next);
    },
    save: put,
    ...(options.lock === false ? {} : { withLock }),
  };
}
