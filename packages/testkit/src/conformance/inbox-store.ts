import type { InboxStore } from '@smmkit/core/inbox';
import { afterEach, describe } from 'vitest';
import { describeCursorCases } from './inbox-store-cursors.js';
import type { InboxStoreHarness } from './inbox-store-harness.js';
import { describeItemCases } from './inbox-store-items.js';
import { describeUpdateCases } from './inbox-store-updates.js';

/** Options of {@link describeInboxStore}. */
export interface InboxStoreSuiteOptions {
  /**
   * Opens another handle on the storage `store` uses, as another process would (a second
   * connection to the same SQLite file, another Redis client). The racing cases then race the
   * two handles; without it they race calls on one handle.
   */
  readonly connectAgain?: ((store: InboxStore) => InboxStore | Promise<InboxStore>) | undefined;
}

/**
 * Registers the inbox store conformance suite with vitest: what every `InboxStore` must do, for
 * the in-memory and SQLite stores and yours. Items are added once per platform, account and id
 * (of racing adds, exactly one gets each back) and read back whole; lists come newest first,
 * narrow by every filter and page without repeats; patches apply atomically (two changes at once
 * both stay); a page's cursor is saved with it or not at all; seen ids are handed out once, and
 * moved from a time for exactly one of several callers.
 *
 * @param name - the store's name in test titles
 * @param makeStore - makes a new, empty store; called once per test, and the store is closed after it
 * @param options - how to open a second handle on one store's storage
 *
 * @example
 * ```ts
 * // test/my-inbox-store.test.ts
 * import { describeInboxStore } from '@smmkit/testkit/conformance';
 *
 * describeInboxStore('myInboxStore', () => myInboxStore({ url: freshDatabaseUrl() }));
 * ```
 */
export function describeInboxStore(
  name: string,
  makeStore: () => InboxStore | Promise<InboxStore>,
  options: InboxStoreSuiteOptions = {},
): void {
  describe(`${name} inbox store conformance`, () => {
    const opened: InboxStore[] = [];
    afterEach(async () => {
      // The second handles first, then the stores they were opened on.
      for (const store of opened.splice(0).reverse()) await store.close?.();
    });

    const open = async (): Promise<InboxStore> => {
      const store = await makeStore();
      opened.push(store);
      return store;
    };
    const harness: InboxStoreHarness = {
      store: open,
      pair: async () => {
        const store = await open();
        if (options.connectAgain === undefined) return [store, store];
        const again = await options.connectAgain(store);
        opened.push(again);
        return [store, again];
      },
    };

    describeItemCases(harness);
    describeUpdateCases(harness);
    describeCursorCases(harness);
  });
}
