import { redisFailure } from './redis-failure.js';

// The same wrapper as core's SQLite stores use (packages/core/src/sqlite/guarded-store.ts), kept
// here as a copy: core does not export its store internals, and an API for store authors is not
// settled yet.

/**
 * For every method of a store, what it does in the words of an error after "could not"
 * (`claim due entries`), or `null` for a method that types its own Redis failures (`withLock`,
 * whose `work` is the app's and must fail as it failed). Every method must be listed, so a
 * method added to a store without words does not compile.
 */
export type StoreOperations<T> = {
  readonly [K in keyof T as NonNullable<T[K]> extends (...args: never[]) => unknown ? K : never]-?:
    | string
    | null;
};

/**
 * The store with each listed method's Redis failures typed ({@link redisFailure}): a copy of
 * `store` whose methods call the originals and turn what they throw or reject with. Other
 * properties are copied as they are.
 *
 * @param name - the store, after "The Redis" (`schedule store`)
 * @param operations - what each method does, see {@link StoreOperations}
 * @param store - the store whose methods talk to Redis
 * @returns the guarded store
 *
 * @example
 * ```ts
 * return guardRedisStore('metrics store', METRICS_OPERATIONS, { recordPosts, posts, close });
 * ```
 */
export function guardRedisStore<T extends object>(name: string, operations: StoreOperations<T>, store: T): T {
  const guarded = { ...store } as Record<string, unknown>;
  for (const [method, operation] of Object.entries(operations) as [string, string | null][]) {
    const original: unknown = guarded[method];
    if (operation === null || typeof original !== 'function') continue;
    const fail = (error: unknown): unknown => redisFailure(error, { store: name, operation });
    guarded[method] = (...args: unknown[]): unknown => {
      try {
        const result: unknown = Reflect.apply(original, store, args);
        return result instanceof Promise
          ? result.catch((error: unknown) => {
              throw fail(error);
            })
          : result;
      } catch (error) {
        throw fail(error);
      }
    };
  }
  return guarded as T;
}
