import type { SqliteScheduleStore } from '@smmkit/core/sqlite';

/** A store whose `claimDue` calls are timed. */
export interface TimedStore {
  /** The store to hand to the scheduler (and, as outbox, to the publisher). */
  readonly store: SqliteScheduleStore;
  /** Entries claimed so far. */
  claimed(): number;
  /** Real milliseconds spent inside `claimDue` so far (empty claims included). */
  claimMs(): number;
}

/**
 * Wraps a store so that the real time of each `claimDue` (one `BEGIN IMMEDIATE` transaction
 * reading and leasing the due entries) is added up, with the entries it returned.
 *
 * @param store - the SQLite store
 */
export function timedStore(store: SqliteScheduleStore): TimedStore {
  let claimed = 0;
  let claimMs = 0;
  return {
    store: {
      ...store,
      claimDue: async (request) => {
        const started = performance.now();
        const claims = await store.claimDue(request);
        claimMs += performance.now() - started;
        claimed += claims.length;
        return claims;
      },
    },
    claimed: () => claimed,
    claimMs: () => claimMs,
  };
}
