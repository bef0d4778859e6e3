import type { ScheduleStore } from '@smmkit/core/scheduler';
import { afterEach, describe } from 'vitest';
import { describeOutboxCases } from './outbox-cases.js';
import { describeClaimCases } from './schedule-store-claims.js';
import { describeEntryCases } from './schedule-store-entries.js';
import type { StoreHarness } from './schedule-store-harness.js';
import { describeSlotClaimCases } from './schedule-store-slots.js';
import { describeTargetClaimCases } from './schedule-store-targets.js';

/** Options of {@link describeScheduleStore}. */
export interface ScheduleStoreSuiteOptions {
  /**
   * Opens another handle on the storage `store` uses, as another process would (a second
   * connection to the same SQLite file, another Redis client). The concurrency cases then race
   * the two handles; without it they race calls on one handle.
   */
  readonly connectAgain?: ((store: ScheduleStore) => ScheduleStore | Promise<ScheduleStore>) | undefined;
  /**
   * The store claims target by target (`TargetClaimStore`: `claimTarget`, `renewTargetLease`,
   * `settleTarget`): adds the cases on per-target claims and how they meet whole-entry claims.
   */
  readonly targetClaims?: boolean | undefined;
  /**
   * The store claims queue slots atomically (`addIfSlotsFree`, `transitionIfSlotFree`): adds the
   * cases on them, among them two schedulers on the two handles planning and rescheduling to
   * `'next-slot'` for one account at once, which must never take one slot.
   */
  readonly slotClaims?: boolean | undefined;
}

/**
 * Registers the schedule store conformance suite with vitest: what every `ScheduleStore`
 * (and so every `Outbox`) must do, for the in-memory, SQLite and BullMQ stores and yours.
 * Entries are added and read back whole, listed in order and by filter, changed only by a
 * compare-and-set on their state; due entries are claimed by exactly one of several racing
 * workers, and a claim whose lease ran out is recovered; the outbox records each create once.
 * With `targetClaims`, also what a store that claims target by target must do; with
 * `slotClaims`, that queue slots are claimed atomically.
 * Time is passed in (no timers), and concurrent cases race calls with `Promise.all`.
 *
 * @param name - the store's name in test titles
 * @param makeStore - makes a new, empty store; called once per test, and the store is closed after it
 * @param options - how to open a second handle on one store's storage, and which optional parts the store has
 *
 * @example
 * ```ts
 * // test/my-schedule-store.test.ts
 * import { describeScheduleStore } from '@smmkit/testkit/conformance';
 *
 * describeScheduleStore('myScheduleStore', () => myScheduleStore({ url: freshDatabaseUrl() }));
 * ```
 */
export function describeScheduleStore(
  name: string,
  makeStore: () => ScheduleStore | Promise<ScheduleStore>,
  options: ScheduleStoreSuiteOptions = {},
): void {
  describe(`${name} schedule store conformance`, () => {
    const opened: ScheduleStore[] = [];
    afterEach(async () => {
      // The second handles first, then the stores they were opened on.
      for (const store of opened.splice(0).reverse()) await store.close?.();
    });

    const open = async (): Promise<ScheduleStore> => {
      const store = await makeStore();
      opened.push(store);
      return store;
    };
    const harness: StoreHarness = {
      store: open,
      pair: async () => {
        const store = await open();
        if (options.connectAgain === undefined) return [store, store];
        const again = await options.connectAgain(store);
        opened.push(again);
        return [store, again];
      },
    };

    describeEntryCases(harness);
    describeClaimCases(harness);
    if (options.targetClaims === true) describeTargetClaimCases(harness);
    if (options.slotClaims === true) describeSlotClaimCases(harness);
    describeOutboxCases(harness);
  });
}
