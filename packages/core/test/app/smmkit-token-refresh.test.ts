import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refreshXToken } from '@smmkit/adapter-x';
import { afterAll, describe, expect, it } from 'vitest';
import type { RefreshTokens } from '../../src/app/account-tokens.js';
import { memoryStore } from '../../src/app/memory-store.js';
import type { SmmkitStore } from '../../src/app/store.js';
import { AuthError } from '../../src/errors/auth-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { sqliteStore } from '../../src/sqlite/sqlite-store.js';
import { HOUR, START, useAppWorld } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'smmkit-refresh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const world = useAppWorld();
const { x, time, clock } = world;
let handles = 0;

/** A promise with its resolve function. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** An X account on the simulator, connected as `brand-x` in `store`; its token lives `ttlMs`. */
async function connectX(store: SmmkitStore, ttlMs: number) {
  handles += 1;
  const added = x.addAccount(`refresh${handles}`, { accessTokenTtlMs: ttlMs });
  const tokens = {
    accessToken: added.accessToken,
    refreshToken: added.refreshToken,
    expiresAt: added.expiresAt,
  };
  await store.tokens.save('brand-x', tokens);
  await store.accounts.connect(
    { id: 'brand-x', platform: 'x', accountId: added.account.id },
    new Date(START),
  );
  return tokens;
}

/** X's refresh call against the simulator. */
const refreshX: RefreshTokens = (refreshToken) =>
  refreshXToken({ clientId: 'smmkit-tests', refreshToken, baseUrl: x.baseUrl, fetch: clock.fetch, clock });

/**
 * X's refresh call whose answer, once the platform has rotated the tokens, is held back until
 * `release` resolves (a slow network); `answered` resolves when the platform has answered.
 */
function slowRefresh() {
  const answered = deferred();
  const release = deferred();
  const refresh: RefreshTokens = async (refreshToken, options) => {
    const answer = await refreshX(refreshToken, options);
    answered.resolve();
    await release.promise;
    return answer;
  };
  return { refresh, answered, release };
}

/** `store`, telling whether `close` was called. */
function watchClose(store: SmmkitStore) {
  const watched = { store, closed: false };
  watched.store = {
    ...store,
    close: async () => {
      watched.closed = true;
      await store.close();
    },
  };
  return watched;
}

/** A publish cancelled while its refresh waits for the platform's answer, then `shutdown()`. */
async function cancelMidRefreshThenShutDown(store: SmmkitStore, beforeAnswer: () => void = () => {}) {
  const watched = watchClose(store);
  const slow = slowRefresh();
  const smm = await world.smmkit(watched.store, { refresh: { x: slow.refresh } });
  const controller = new AbortController();
  const publishing = smm.publish({ text: 'Cancelled' }, { to: ['brand-x'], signal: controller.signal });
  await slow.answered.promise;
  controller.abort();
  const [outcome] = await publishing;
  expect(outcome?.status).toBe('failed');
  const stopping = smm.shutdown();
  stopping.catch(() => {});
  // The answer arrives late: give shutdown every chance to close the store first.
  for (let turn = 0; turn < 200 && !watched.closed; turn += 1) {
    await new Promise((done) => setImmediate(done));
  }
  beforeAnswer();
  slow.release.resolve();
  return { stopping, watched };
}

describe('createSmmkit shutting down while a cancelled publish still refreshes', () => {
  it('stores the rotated tokens before closing the store, so the next process can still post', async () => {
    const file = join(dir, 'shutdown.db');
    const setup = sqliteStore(file);
    const original = await connectX(setup, 30_000);
    await setup.close();

    const { stopping } = await cancelMidRefreshThenShutDown(sqliteStore(file));
    await stopping;

    const reader = sqliteStore(file);
    const stored = await reader.tokens.load('brand-x');
    await reader.close();
    expect(stored?.tokens.refreshToken).not.toBe(original.refreshToken);

    // The next process: the refresh token the platform issued last is the stored one.
    time.set(START + 3 * HOUR);
    const next = await world.smmkit(sqliteStore(file), { refresh: { x: refreshX } });
    const [outcome] = await next.publish({ text: 'After the restart' }, { to: ['brand-x'] });
    expect(outcome?.status).toBe('published');
    expect((await next.accounts.get('brand-x'))?.status).toEqual({ state: 'active' });
    await next.shutdown();
  });

  it('rejects shutdown with an AuthError naming the account when the rotated tokens cannot be stored', async () => {
    const store = memoryStore();
    await connectX(store, 30_000);
    let writesFail = false;
    const failing: SmmkitStore = {
      ...store,
      tokens: {
        ...store.tokens,
        compareAndSwap: (key, expected, next) =>
          writesFail
            ? Promise.reject(new Error('disk full'))
            : store.tokens.compareAndSwap(key, expected, next),
      },
    };

    const { stopping, watched } = await cancelMidRefreshThenShutDown(failing, () => {
      writesFail = true;
    });
    const error = await stopping.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'auth_expired', platform: 'x' });
    expect((error as AuthError).message).toMatch(/x account "brand-x"/);
    expect((error as AuthError).hint).toMatch(/connect the account again/);
    expect(watched.closed).toBe(true);
  });
});

describe('createSmmkit in a process without a refresh call for a platform', () => {
  it('fails the publish with a ValidationError naming the option, and leaves the shared account as it was', async () => {
    const store = memoryStore();
    const original = await connectX(store, 1_000);
    time.set(START + HOUR); // the access token has expired
    const sent = x.sim.log.entries.length;

    const withoutRefresh = await world.smmkit(store, { refresh: {} });
    const [outcome] = await withoutRefresh.publish({ text: 'From A' }, { to: ['brand-x'] });
    expect(outcome?.status).toBe('failed');
    const error = outcome?.status === 'failed' ? outcome.error : undefined;
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ problems: [{ path: ['refresh', 'x'], rule: 'refresh.missing' }] });
    expect(error?.hint).toMatch(/refresh: \{ x:/);
    expect(x.sim.log.entries.length).toBe(sent);
    expect((await withoutRefresh.accounts.get('brand-x'))?.status).toEqual({ state: 'active' });
    expect((await store.tokens.load('brand-x'))?.tokens).toEqual(original);

    // Another process on the store, with the refresh call, posts for the account.
    const withRefresh = await world.smmkit(store, { refresh: { x: refreshX } });
    const [posted] = await withRefresh.publish({ text: 'From B' }, { to: ['brand-x'] });
    expect(posted?.status).toBe('published');
    await withoutRefresh.shutdown();
    await withRefresh.shutdown();
  });

  it('still posts with an access token that is due for a refresh but not expired', async () => {
    const store = memoryStore();
    await connectX(store, 30_000); // within the one-minute refresh margin
    const smm = await world.smmkit(store, { refresh: {} });
    const [outcome] = await smm.publish({ text: 'Still valid' }, { to: ['brand-x'] });
    expect(outcome?.status).toBe('published');
    expect((await smm.accounts.get('brand-x'))?.status).toEqual({ state: 'active' });
    await smm.shutdown();
  });
});
