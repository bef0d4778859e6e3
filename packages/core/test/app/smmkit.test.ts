import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCOPES } from '@smmkit/adapter-x/mocks';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/app/memory-store.js';
import type { SmmkitStore } from '../../src/app/store.js';
import { AuthError } from '../../src/errors/auth-error.js';
import { sqliteStore } from '../../src/sqlite/sqlite-store.js';
import { HOUR, START, useAppWorld } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'smmkit-app-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** How a test gets its storage: `open()` again is the same storage, as a restarted process sees it. */
interface StoreKind {
  readonly name: string;
  readonly storage: () => { open(): SmmkitStore };
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
const { x, mastodon } = world;

/** Both accounts, as the OAuth exchanges and user lookups would give them. */
let brands = 0;
function onboard() {
  // Simulator accounts outlive a reset: each test gets handles of its own, as mentions find them by handle.
  brands += 1;
  const xUser = x.addAccount(`brand${brands}`);
  const mastodonUser = mastodon.addAccount(`brand${brands}`);
  return {
    xUser,
    mastodonUser,
    brandX: {
      id: 'brand-x',
      platform: 'x',
      accountId: xUser.account.id,
      handle: `brand${brands}`,
      timeZone: 'Europe/Berlin',
      slots: ['Mon-Fri 09:00'],
    },
    brandMastodon: {
      id: 'brand-mastodon',
      platform: 'mastodon',
      accountId: mastodonUser.account.id,
      timeZone: 'America/New_York',
    },
    xTokens: { accessToken: xUser.accessToken, refreshToken: xUser.refreshToken, expiresAt: xUser.expiresAt },
    mastodonTokens: { accessToken: mastodonUser.accessToken },
  };
}

describe.each(kinds)('createSmmkit on $name', ({ storage }) => {
  it('runs the loop: connect, publish, schedule, poll the inbox, collect metrics, report', async () => {
    const files = storage();
    const { brandX, brandMastodon, xTokens, mastodonTokens, xUser, mastodonUser } = onboard();

    // Onboarding: the accounts are connected with their tokens; the next start wires them in.
    const setup = await world.smmkit(files.open());
    await setup.accounts.connect(brandX, xTokens);
    await setup.accounts.connect(brandMastodon, mastodonTokens);
    await setup.shutdown();

    const smm = await world.smmkit(files.open());
    expect(await smm.accounts.status()).toEqual([
      {
        id: 'brand-mastodon',
        platform: 'mastodon',
        accountId: mastodonUser.account.id,
        status: { state: 'active' },
      },
      { id: 'brand-x', platform: 'x', accountId: xUser.account.id, status: { state: 'active' } },
    ]);

    const post = { text: 'Our winter collection is live', campaign: 'winter-26', tags: ['launch'] };
    const outcomes = await smm.publish(post, { to: ['brand-x', 'brand-mastodon'] });
    expect(outcomes.map((outcome) => [outcome.target.platform, outcome.status])).toEqual([
      ['x', 'published'],
      ['mastodon', 'published'],
    ]);

    // The next slot is Monday 09:00 in Berlin (08:00Z); the worker publishes it then.
    const [entry] = await smm.schedule(
      { text: 'Monday tip', campaign: 'winter-26' },
      { to: ['brand-x'], at: 'next-slot' },
    );
    expect(entry?.publishAt).toEqual(new Date('2026-11-23T08:00:00Z'));
    world.time.set(Date.parse('2026-11-23T08:00:00Z'));
    const round = await smm.scheduler.tick();
    expect(round.finished.map((finished) => finished.status)).toEqual(['published']);
    expect(
      x.sim.posts.filter((stored) => stored.accountId === xUser.account.id).map((stored) => stored.text),
    ).toEqual(['Our winter collection is live', 'Monday tip']);

    x.seedMentions(xUser.account.id, 2);
    mastodon.seedMentions(mastodonUser.account.id, 1);
    const polled = await smm.inbox.poll();
    expect(polled.failures).toEqual([]);
    const items: string[] = [];
    for await (const item of smm.inbox.items()) items.push(item.platform);
    expect(items.sort()).toEqual(['mastodon', 'x', 'x']);

    world.time.set(Date.parse('2026-11-24T12:00:00Z'));
    const collected = await smm.collectMetrics();
    expect(collected.failures).toEqual([]);
    expect(
      new Set(collected.samples.map((sample) => `${sample.platform}/${sample.platformPostId}`)).size,
    ).toBe(3);

    const { html, input } = smm.report({
      since: new Date(START - HOUR),
      until: new Date('2026-11-25T00:00:00Z'),
      timeZone: 'Europe/Berlin',
      breakdowns: ['campaign'],
      title: 'Winter launch',
    });
    expect(input.postsWithoutMeta ?? 0).toBe(0);
    expect(
      Object.fromEntries(input.platformComparison.map((row) => [row.dimensions.platform, row.posts])),
    ).toEqual({ x: 2, mastodon: 1 });
    expect(input.breakdowns?.[0]?.rows.map((row) => [row.dimensions.campaign, row.posts])).toEqual([
      ['winter-26', 3],
    ]);
    expect(html).toContain('Winter launch');
    await smm.shutdown();
  });

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

  it('refuses ids that are not connected, sending nothing', async () => {
    const smm = await world.smmkit(storage().open());
    await expect(smm.publish({ text: 'Hi' }, { to: ['nobody'] })).rejects.toThrow(/no account "nobody"/);
    expect(x.sim.log.entries).toEqual([]);
    await smm.shutdown();
  });
});

describe('createSmmkit after a restart on the same SQLite file', () => {
  it('keeps accounts, tokens, the schedule and the inbox', async () => {
    const file = join(dir, 'restart.db');
    const { brandX, brandMastodon, xTokens, mastodonTokens, xUser, mastodonUser } = onboard();
    const setup = await world.smmkit(sqliteStore(file));
    await setup.accounts.connect(brandX, xTokens);
    await setup.accounts.connect(brandMastodon, mastodonTokens);
    await setup.shutdown();

    const before = await world.smmkit(sqliteStore(file));
    const [entry] = await before.schedule(
      { text: 'Tomorrow' },
      { to: ['brand-x', 'brand-mastodon'], at: new Date(START + 24 * HOUR) },
    );
    mastodon.seedMentions(mastodonUser.account.id, 1);
    await before.inbox.poll();
    await before.shutdown();

    const after = await world.smmkit(sqliteStore(file));
    expect((await after.accounts.list()).map((account) => account.id)).toEqual(['brand-mastodon', 'brand-x']);
    expect((await after.scheduler.get(entry?.id ?? ''))?.status).toBe('scheduled');
    const items: string[] = [];
    for await (const item of after.inbox.items()) items.push(item.platform);
    expect(items).toEqual(['mastodon']);
    // Three hours later the X access token has expired: the stored refresh token renews it.
    world.time.set(START + 24 * HOUR);
    const round = await after.scheduler.tick();
    expect(round.finished.map((finished) => finished.status)).toEqual(['published']);
    expect(
      x.sim.posts.filter((stored) => stored.accountId === xUser.account.id).map((stored) => stored.text),
    ).toEqual(['Tomorrow']);
    await after.shutdown();
  });
});
