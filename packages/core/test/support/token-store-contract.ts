import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TokenSet } from '../../src/auth/token-provider.js';
import type { StoredTokenSet, TokenStore } from '../../src/auth/token-store.js';
import { TransientError } from '../../src/errors/transient-error.js';

/** A store as smmkit ships them: the contract, its lock, and what the authorization step uses. */
export interface ShippedTokenStore extends TokenStore {
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
  save(key: string, tokens: TokenSet): Promise<StoredTokenSet>;
  delete(key: string): Promise<void>;
}

/** Lock timing for one connection. */
export interface ConnectionOptions {
  readonly leaseMs?: number;
  readonly lockWaitMs?: number;
}

/** Opens connections to one backing store: each call is one more process. */
export interface TokenStoreHarness {
  /** A new connection; the suite closes it after the test. */
  connect(
    options?: ConnectionOptions,
  ): Promise<{ readonly store: ShippedTokenStore; close(): Promise<void> }>;
}

const full: TokenSet = {
  accessToken: 'access-1',
  expiresAt: new Date(Date.UTC(2026, 0, 1, 12, 0, 0, 123)),
  refreshToken: 'refresh-1',
  refreshTokenExpiresAt: new Date(Date.UTC(2026, 6, 1)),
  scopes: ['tweet.read', 'tweet.write', 'offline.access'],
};
const next: TokenSet = { accessToken: 'access-2', refreshToken: 'refresh-2' };

/** Lets other tasks (another connection's lock attempts) run. */
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

/**
 * The behaviour every shipped {@link TokenStore} owes `createRefreshingTokenProvider`, run
 * against one implementation: what is written is read back as it was, compare-and-swap writes
 * only over the version it was given, and the lock excludes other connections and ends by itself
 * when its holder is gone.
 */
export function describeTokenStoreContract(name: string, harness: TokenStoreHarness): void {
  describe(`${name}: the TokenStore contract`, () => {
    const open: Array<{ close(): Promise<void> }> = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((connection) => connection.close()));
    });
    const connect = async (options?: ConnectionOptions): Promise<ShippedTokenStore> => {
      const connection = await harness.connect(options);
      open.push(connection);
      return connection.store;
    };
    // Every test has keys of its own, so stores that outlive a test (a Redis server) start empty.
    const freshKey = (): string => `x:${randomUUID()}`;

    it('loads nothing for a key that was never written', async () => {
      const store = await connect();
      await expect(store.load(freshKey())).resolves.toBeUndefined();
    });

    it('reads back every field as it was written, dates to the millisecond, and adds none', async () => {
      const store = await connect();
      const [a, b] = [freshKey(), freshKey()];
      const written = await store.compareAndSwap(a, undefined, full);
      expect(written?.tokens).toStrictEqual(full);
      await expect(store.load(a)).resolves.toStrictEqual(written);
      await store.compareAndSwap(b, undefined, { accessToken: 'only-access' });
      await expect(store.load(b)).resolves.toMatchObject({ tokens: { accessToken: 'only-access' } });
      expect((await store.load(b))?.tokens).toStrictEqual({ accessToken: 'only-access' });
    });

    it('writes over the version it was given, and refuses a stale or missing one without writing', async () => {
      const store = await connect();
      const key = freshKey();
      const first = await store.compareAndSwap(key, undefined, full);
      expect(first).toBeDefined();
      await expect(store.compareAndSwap(key, undefined, next)).resolves.toBeUndefined();

      const second = await store.compareAndSwap(key, first?.version, next);
      expect(second?.version).not.toBe(first?.version);
      await expect(store.compareAndSwap(key, first?.version, full)).resolves.toBeUndefined();
      await expect(store.load(key)).resolves.toStrictEqual(second);
    });

    it('shows one connection what another wrote', async () => {
      const [one, other] = [await connect(), await connect()];
      const key = freshKey();
      const written = await one.compareAndSwap(key, undefined, full);
      await expect(other.load(key)).resolves.toStrictEqual(written);
      await expect(other.compareAndSwap(key, written?.version, next)).resolves.toBeDefined();
      await expect(one.compareAndSwap(key, written?.version, full)).resolves.toBeUndefined();
    });

    it('saves over whatever is stored (a new authorization), and a version from before no longer writes', async () => {
      const store = await connect();
      const key = freshKey();
      const before = await store.compareAndSwap(key, undefined, full);
      const saved = await store.save(key, next);
      await expect(store.load(key)).resolves.toStrictEqual(saved);
      await expect(store.compareAndSwap(key, before?.version, full)).resolves.toBeUndefined();
    });

    it('forgets deleted tokens, and a version from before the delete never writes over new ones', async () => {
      const store = await connect();
      const key = freshKey();
      const before = await store.compareAndSwap(key, undefined, full);
      await store.delete(key);
      await expect(store.load(key)).resolves.toBeUndefined();
      const again = await store.compareAndSwap(key, undefined, next);
      await expect(store.compareAndSwap(key, before?.version, full)).resolves.toBeUndefined();
      await expect(store.load(key)).resolves.toStrictEqual(again);
    });

    it("hands back the lock work's result or error, and releases the lock after either", async () => {
      const [one, other] = [await connect(), await connect()];
      const key = freshKey();
      await expect(one.withLock(key, async () => 'done')).resolves.toBe('done');
      const failure = new Error('refresh failed');
      await expect(
        one.withLock(key, async () => {
          throw failure;
        }),
      ).rejects.toBe(failure);
      await expect(other.withLock(key, async () => 'free again')).resolves.toBe('free again');
    });

    it('lets one holder at a time run, across connections', async () => {
      const connections = [await connect(), await connect()];
      const key = freshKey();
      let active = 0;
      let most = 0;
      const runs: number[] = [];
      await Promise.all(
        connections.flatMap((store, index) =>
          Array.from({ length: 4 }, () =>
            store.withLock(key, async () => {
              active += 1;
              most = Math.max(most, active);
              await tick();
              await tick();
              runs.push(index);
              active -= 1;
            }),
          ),
        ),
      );
      expect(most).toBe(1);
      expect(runs).toHaveLength(8);
    });

    it('locks each key on its own', async () => {
      const [one, other] = [await connect(), await connect()];
      const [a, b] = [freshKey(), freshKey()];
      await expect(one.withLock(a, () => other.withLock(b, async () => 'both held'))).resolves.toBe(
        'both held',
      );
    });

    it('lets another connection take the lock once the lease of a holder that never released it ends', async () => {
      const crashed = await connect({ leaseMs: 150 });
      const survivor = await connect({ leaseMs: 150, lockWaitMs: 10_000 });
      const key = freshKey();
      let entered!: () => void;
      const holding = new Promise<void>((resolve) => {
        entered = resolve;
      });
      // The holder takes the lock and never finishes: a process that died mid-refresh.
      void crashed.withLock(key, () => {
        entered();
        return new Promise<never>(() => {});
      });
      await holding;
      await expect(survivor.withLock(key, async () => 'taken over')).resolves.toBe('taken over');
    });

    it('gives up waiting with a retryable TransientError while the lock stays taken', async () => {
      const holder = await connect({ leaseMs: 60_000 });
      const waiter = await connect({ leaseMs: 60_000, lockWaitMs: 50 });
      const key = freshKey();
      let entered!: () => void;
      const holding = new Promise<void>((resolve) => {
        entered = resolve;
      });
      let release!: () => void;
      const held = holder.withLock(
        key,
        () =>
          new Promise<void>((resolve) => {
            release = resolve;
            entered();
          }),
      );
      await holding;
      const error = await waiter.withLock(key, async () => 'never').catch((e: unknown) => e);
      expect(TransientError.isInstance(error) && error.retryable).toBe(true);
      release();
      await held;
    });
  });
}
