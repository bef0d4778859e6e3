import { ValidationError } from '@smmkit/core';
import type { AccountStore } from '@smmkit/core/app';
import { afterEach, describe, expect, it } from 'vitest';

/** Options of {@link describeAccountStore}. */
export interface AccountStoreSuiteOptions {
  /**
   * Opens another handle on the storage `store` uses, as another process would (a second
   * connection to the same SQLite file). The sharing cases then read through it; without it they
   * read through the same handle.
   */
  readonly connectAgain?: ((store: AccountStore) => AccountStore | Promise<AccountStore>) | undefined;
}

const T0 = new Date('2026-05-01T07:00:00.000Z');
const T1 = new Date('2026-05-02T08:30:00.000Z');
const BRAND_X = { id: 'brand-x', platform: 'x', accountId: '2244994945' } as const;

/**
 * Registers the account store conformance suite with vitest: what every `AccountStore` must do,
 * for the in-memory and SQLite stores and yours. An account is given back whole (extras
 * included, instants as Dates); one platform account has one id; marking it as needing
 * re-authorization keeps the first reason and time, and connecting it again clears it; a
 * disconnected account is gone; another handle on the same storage sees every write.
 *
 * @param name - the store's name in test titles
 * @param makeStore - makes a new, empty store; called once per test, and the store is closed after it
 * @param options - how to open a second handle on one store's storage
 *
 * @example
 * ```ts
 * import { describeAccountStore } from '@smmkit/testkit/conformance';
 *
 * describeAccountStore('myAccountStore', () => myAccountStore({ url: freshDatabaseUrl() }));
 * ```
 */
export function describeAccountStore(
  name: string,
  makeStore: () => AccountStore | Promise<AccountStore>,
  options: AccountStoreSuiteOptions = {},
): void {
  describe(`${name} account store conformance`, () => {
    const opened: AccountStore[] = [];
    afterEach(async () => {
      for (const store of opened.splice(0).reverse()) await store.close?.();
    });
    const open = async (): Promise<AccountStore> => {
      const store = await makeStore();
      opened.push(store);
      return store;
    };
    const again = async (store: AccountStore): Promise<AccountStore> => {
      if (options.connectAgain === undefined) return store;
      const other = await options.connectAgain(store);
      opened.push(other);
      return other;
    };

    it('gives back a connected account whole: its fields, extras, when and that it is active', async () => {
      const store = await open();
      const account = {
        ...BRAND_X,
        handle: 'brand',
        timeZone: 'Europe/Berlin',
        slots: ['Mon-Fri 09:00', '17:30'],
        author: 'urn:li:organization:42',
        nested: { list: [1, 'two', null], flag: false },
      };
      const expected = { ...account, connectedAt: T0, status: { state: 'active' } };
      expect(await store.connect(account, T0)).toEqual(expected);
      expect(await store.get('brand-x')).toEqual(expected);
      expect(await store.get('brand-li')).toBeUndefined();
    });

    it('is not changed by later changes to the object connected or handed out', async () => {
      const store = await open();
      const slots = ['Mon 09:00'];
      await store.connect({ ...BRAND_X, slots }, T0);
      slots.push('Tue 09:00');
      const got = await store.get('brand-x');
      (got?.slots as string[] | undefined)?.push('Wed 09:00');
      expect((await store.get('brand-x'))?.slots).toEqual(['Mon 09:00']);
    });

    it('lists every account by id', async () => {
      const store = await open();
      await store.connect({ id: 'c-mastodon', platform: 'mastodon', accountId: '109' }, T0);
      await store.connect(BRAND_X, T0);
      await store.connect({ id: 'b-li', platform: 'linkedin', accountId: 'urn:li:person:1' }, T0);
      expect((await store.list()).map((account) => account.id)).toEqual(['b-li', 'brand-x', 'c-mastodon']);
    });

    it('refuses an invalid account with every problem, and stores nothing', async () => {
      const store = await open();
      const refused = await store
        .connect({ id: '', platform: 'x', accountId: '', timeZone: 'Mars/Base' }, T0)
        .catch((error: unknown) => error);
      expect(ValidationError.isInstance(refused)).toBe(true);
      expect((refused as ValidationError).problems.map((problem) => problem.path.join('.')).sort()).toEqual([
        'accountId',
        'id',
        'timeZone',
      ]);
      expect(await store.list()).toEqual([]);
    });

    it('refuses a second id for a platform account another id holds', async () => {
      const store = await open();
      await store.connect(BRAND_X, T0);
      const refused = await store
        .connect({ ...BRAND_X, id: 'brand-x-2' }, T1)
        .catch((error: unknown) => error);
      expect(ValidationError.isInstance(refused)).toBe(true);
      expect((refused as ValidationError).problems[0]?.rule).toBe('account.taken');
      expect((await store.list()).map((account) => account.id)).toEqual(['brand-x']);
    });

    it('marks an account as needing re-authorization, keeping the first reason and time', async () => {
      const store = await open();
      await store.connect(BRAND_X, T0);
      const marked = await store.markNeedsReauthorization('brand-x', 'refresh token refused', T1);
      const status = { state: 'needs_reauthorization', reason: 'refresh token refused', since: T1 };
      expect(marked?.status).toEqual(status);
      await store.markNeedsReauthorization('brand-x', 'later reason', new Date(T1.getTime() + 60_000));
      expect((await store.get('brand-x'))?.status).toEqual(status);
      expect(await store.markNeedsReauthorization('nobody', 'why', T1)).toBeUndefined();
    });

    it('connecting again replaces the account and makes it active again', async () => {
      const store = await open();
      await store.connect(BRAND_X, T0);
      await store.markNeedsReauthorization('brand-x', 'refresh token refused', T0);
      const reconnected = await store.connect({ ...BRAND_X, handle: 'renamed' }, T1);
      expect(reconnected).toEqual({
        ...BRAND_X,
        handle: 'renamed',
        connectedAt: T1,
        status: { state: 'active' },
      });
      expect(await store.get('brand-x')).toEqual(reconnected);
    });

    it('disconnects an account: it is gone, and its platform account is free for another id', async () => {
      const store = await open();
      await store.connect(BRAND_X, T0);
      expect(await store.disconnect('brand-x')).toBe(true);
      expect(await store.disconnect('brand-x')).toBe(false);
      expect(await store.get('brand-x')).toBeUndefined();
      await store.connect({ ...BRAND_X, id: 'brand-x-2' }, T1);
      expect((await store.list()).map((account) => account.id)).toEqual(['brand-x-2']);
    });

    it('shows every write through another handle on the same storage', async () => {
      const store = await open();
      const other = await again(store);
      await store.connect(BRAND_X, T0);
      expect((await other.get('brand-x'))?.connectedAt).toEqual(T0);
      await other.markNeedsReauthorization('brand-x', 'revoked', T1);
      expect((await store.get('brand-x'))?.status.state).toBe('needs_reauthorization');
      const refused = await other
        .connect({ ...BRAND_X, id: 'brand-x-2' }, T1)
        .catch((error: unknown) => error);
      expect(ValidationError.isInstance(refused)).toBe(true);
      await other.disconnect('brand-x');
      expect(await store.list()).toEqual([]);
    });
  });
}
