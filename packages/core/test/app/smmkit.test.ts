import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCOPES } from '@smmkit/adapter-x/mocks';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/app/memory-store.js';
import { AuthError } from '../../src/errors/auth-error.js';
import { sqliteStore } from '../../src/sqlite/sqlite-store.js';
import { type AppStorage, loopScenario } from './loop-scenario.js';
import { HOUR, START, useAppWorld } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'smmkit-app-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** How a test gets its storage. */
interface StoreKind {
  readonly name: string;
  readonly storage: () => AppStorage;
}

const kinds: StoreKind[] = [
  {
    name: 'memoryStore()',
    storage: () => {
      const store = memoryStore();
      return { open: () => store };
    },
  },
  {
    name: 'sqliteStore(file)',
    storage: () => {
      files += 1;
      const file = join(dir, `app-${files}.db`);
      return { open: () => sqliteStore(file) };
    },
  },
];

const world = useAppWorld();
const { x } = world;

const { onboard, runLoop, runRestart } = loopScenario(world);

describe.each(kinds)('createSmmkit on $name', ({ storage }) => {
  it('runs the loop: connect, publish, schedule, poll the inbox, collect metrics, report', () =>
    runLoop(storage()));

  it('marks an account whose refresh token was revoked, and refuses its later publishes up front', async () => {
    const files = storage();
    const { brandX, xTokens, xUser } = onboard();
    const smm = await world.smmkit(files.open());
    await smm.accounts.connect(brandX, xTokens);

    // The user removes the app on X: every token of the account is dead.
    x.sim.tokens.revoke({ accountId: xUser.account.id });
    const [first] = await smm.publish({ text: 'Anyone there?' }, { to: ['brand-x'] });
    expect(first?.status).toBe('failed');
    const [status] = await smm.accounts.status();
    expect(status?.status).toMatchObject({ state: 'needs_reauthorization', since: new Date(START) });

    const sent = x.sim.log.entries.length;
    const [second] = await smm.publish({ text: 'Still there?' }, { to: ['brand-x'] });
    expect(second?.status).toBe('failed');
    const error = second?.status === 'failed' ? second.error : undefined;
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error?.message).toMatch(/"brand-x" needs re-authorization/);
    expect(second?.status === 'failed' ? second.hint : '').toMatch(/Connect the account again/);
    expect(x.sim.log.entries.length).toBe(sent);

    // A new authorization: connecting again clears it.
    const fresh = x.sim.tokens.issue(xUser.account.id, {
      expiresInMs: 2 * HOUR,
      refreshable: true,
      scopes: DEFAULT_SCOPES,
    });
    await smm.accounts.connect(brandX, { accessToken: fresh.accessToken, refreshToken: fresh.refreshToken });
    expect((await smm.accounts.get('brand-x'))?.status).toEqual({ state: 'active' });
    const [third] = await smm.publish({ text: 'Back again' }, { to: ['brand-x'] });
    expect(third?.status).toBe('published');
    await smm.shutdown();
  });

  it('publishes with the new tokens once an id is connected again, in this process and in another', async () => {
    const files = storage();
    const { brandX, xTokens, xUser } = onboard();
    const worker = await world.smmkit(files.open());
    const admin = await world.smmkit(files.open());
    await admin.accounts.connect(brandX, xTokens);
    expect((await worker.publish({ text: 'From the first account' }, { to: ['brand-x'] }))[0]?.status).toBe(
      'published',
    );

    // The id is connected to another X account: here, then from another process an hour later.
    const second = onboard();
    await worker.accounts.connect({ ...brandX, accountId: second.xUser.account.id }, second.xTokens);
    await worker.publish({ text: 'From the second account' }, { to: ['brand-x'] });
    const third = onboard();
    world.time.set(START + HOUR);
    await admin.accounts.connect({ ...brandX, accountId: third.xUser.account.id }, third.xTokens);
    await worker.publish({ text: 'From the third account' }, { to: ['brand-x'] });

    const textsOf = (accountId: string) =>
      x.sim.posts.filter((post) => post.accountId === accountId).map((post) => post.text);
    expect(textsOf(xUser.account.id)).toEqual(['From the first account']);
    expect(textsOf(second.xUser.account.id)).toEqual(['From the second account']);
    expect(textsOf(third.xUser.account.id)).toEqual(['From the third account']);
    await worker.shutdown();
    await admin.shutdown();
  });

  it("keeps an id's tokens when connecting it to a platform account another id holds is refused", async () => {
    const smm = await world.smmkit(storage().open());
    const mine = onboard();
    const theirs = onboard();
    await smm.accounts.connect(mine.brandX, mine.xTokens);
    await smm.accounts.connect({ ...theirs.brandX, id: 'other-x' }, theirs.xTokens);
    await expect(
      smm.accounts.connect({ ...mine.brandX, accountId: theirs.xUser.account.id }, theirs.xTokens),
    ).rejects.toMatchObject({ problems: [{ rule: 'account.taken' }] });
    await smm.publish({ text: 'Still mine' }, { to: ['brand-x'] });
    expect(x.sim.posts.filter(() => true).map((post) => [post.accountId, post.text])).toEqual([
      [mine.xUser.account.id, 'Still mine'],
    ]);
    await smm.shutdown();
  });

  it('refuses ids that are not connected, sending nothing', async () => {
    const smm = await world.smmkit(storage().open());
    await expect(smm.publish({ text: 'Hi' }, { to: ['nobody'] })).rejects.toThrow(/no account "nobody"/);
    expect(x.sim.log.entries).toEqual([]);
    await smm.shutdown();
  });

  it('refuses a declared account with a bad queue slot when it is made, and stores nothing', async () => {
    const store = storage().open();
    const { brandX } = onboard();
    await expect(
      world.smmkit(store, { accounts: [{ ...brandX, slots: ['Mon-Fri 25:00'] }] }),
    ).rejects.toMatchObject({ problems: [{ path: ['accounts', 0, 'slots', 0] }] });
    expect(await store.accounts.list()).toEqual([]);
    await store.close();
  });
});

describe('createSmmkit after a restart on the same SQLite file', () => {
  it('keeps accounts, tokens, the schedule and the inbox', () =>
    runRestart({ open: () => sqliteStore(join(dir, 'restart.db')) }));
});
