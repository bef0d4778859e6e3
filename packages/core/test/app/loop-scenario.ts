/**
 * The whole loop as one scenario, run on every store bundle: core's tests run it on memoryStore
 * and sqliteStore, @smmkit/scheduler-bullmq's on sqliteStore and redisStore, so each bundle is
 * held to the same steps and the same outcomes.
 */
import { expect } from 'vitest';
import type { SmmkitStore } from '../../src/app/store.js';
import type { MetricSample } from '../../src/models/metric-sample.js';
import { HOUR, START, type useAppWorld } from './support.js';

/** How many distinct posts `samples` measure. */
const postsMeasured = (samples: readonly MetricSample[]): number =>
  new Set(
    samples
      .filter((sample) => sample.scope === 'post')
      .map((sample) => `${sample.platform}/${sample.platformPostId}`),
  ).size;

/** The accounts whose followers `samples` read, as `platform/accountId`, sorted. */
const followerReadings = (samples: readonly MetricSample[]): string[] =>
  samples
    .filter((sample) => sample.scope === 'account' && sample.metric === 'followers')
    .map((sample) => `${sample.platform}/${sample.accountId}`)
    .sort();

/** The world `useAppWorld()` made: simulators on one clock, and facades over them. */
export type AppWorld = ReturnType<typeof useAppWorld>;

/** A test's storage: `open()` again is the same storage, as a restarted process sees it. */
export interface AppStorage {
  open(): SmmkitStore;
}

/**
 * The scenario over `world`. Simulator accounts outlive a reset, so each onboarding makes
 * handles of its own (mentions find them by handle): make one scenario per test file.
 */
export function loopScenario(world: AppWorld) {
  const { x, mastodon } = world;
  let brands = 0;

  /** Both accounts, as the OAuth exchanges and user lookups would give them. */
  const onboard = () => {
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
      xTokens: {
        accessToken: xUser.accessToken,
        refreshToken: xUser.refreshToken,
        expiresAt: xUser.expiresAt,
      },
      mastodonTokens: { accessToken: mastodonUser.accessToken },
    };
  };

  /** Connect, publish, schedule and run, poll the inbox, collect metrics, report. */
  const runLoop = async (storage: AppStorage): Promise<void> => {
    const { brandX, brandMastodon, xTokens, mastodonTokens, xUser, mastodonUser } = onboard();

    // Onboarding: the accounts are connected with their tokens; the next start wires them in.
    const setup = await world.smmkit(storage.open());
    await setup.accounts.connect(brandX, xTokens);
    await setup.accounts.connect(brandMastodon, mastodonTokens);
    await setup.shutdown();

    const smm = await world.smmkit(storage.open());
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
    expect(postsMeasured(collected.samples)).toBe(3);
    // Each connected account's followers are read too, once.
    expect(followerReadings(collected.samples)).toEqual([
      `mastodon/${mastodonUser.account.id}`,
      `x/${xUser.account.id}`,
    ]);

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
  };

  /** A facade made again on the same storage keeps accounts, tokens, the schedule and the inbox. */
  const runRestart = async (storage: AppStorage): Promise<void> => {
    const { brandX, brandMastodon, xTokens, mastodonTokens, xUser, mastodonUser } = onboard();
    const setup = await world.smmkit(storage.open());
    await setup.accounts.connect(brandX, xTokens);
    await setup.accounts.connect(brandMastodon, mastodonTokens);
    await setup.shutdown();

    const before = await world.smmkit(storage.open());
    const [entry] = await before.schedule(
      { text: 'Tomorrow' },
      { to: ['brand-x', 'brand-mastodon'], at: new Date(START + 24 * HOUR) },
    );
    mastodon.seedMentions(mastodonUser.account.id, 1);
    await before.inbox.poll();
    await before.publish({ text: 'Before the restart', campaign: 'autumn-26' }, { to: ['brand-x'] });
    expect((await before.collectMetrics()).samples.length).toBeGreaterThan(0);
    await before.shutdown();

    const after = await world.smmkit(storage.open());
    expect((await after.accounts.list()).map((account) => account.id)).toEqual(['brand-mastodon', 'brand-x']);
    // The post published and measured before the restart is in the report without a new read.
    const kept = after.report({
      since: new Date(START - HOUR),
      until: new Date(START + HOUR),
      breakdowns: ['campaign'],
    });
    expect(kept.input.breakdowns?.[0]?.rows.map((row) => [row.dimensions.campaign, row.posts])).toEqual([
      ['autumn-26', 1],
    ]);
    expect(after.analytics.stats().postValues).toBeGreaterThan(0);
    expect((await after.scheduler.get(entry?.id ?? ''))?.status).toBe('scheduled');
    const items: string[] = [];
    for await (const item of after.inbox.items()) items.push(item.platform);
    expect(items).toEqual(['mastodon']);
    // A day later the X access token has expired: the stored refresh token renews it.
    world.time.set(START + 24 * HOUR);
    const round = await after.scheduler.tick();
    expect(round.finished.map((finished) => finished.status)).toEqual(['published']);
    expect(
      x.sim.posts.filter((stored) => stored.accountId === xUser.account.id).map((stored) => stored.text),
    ).toEqual(['Before the restart', 'Tomorrow']);
    // Metrics are read for the posts of before the restart as well as the new ones.
    const collected = await after.collectMetrics();
    expect(collected.failures).toEqual([]);
    expect(postsMeasured(collected.samples)).toBe(3);
    await after.shutdown();
  };

  return { onboard, runLoop, runRestart };
}
