import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/app/memory-store.js';
import type { MetricsRound } from '../../src/app/metrics-cadence.js';
import type { PublishedPostRecord } from '../../src/app/metrics-store.js';
import type { SmmkitStore } from '../../src/app/store.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { loopScenario } from './loop-scenario.js';
import { HOUR, START, useAppWorld } from './support.js';

const world = useAppWorld();
const { x, mastodon } = world;
const { onboard } = loopScenario(world);
const DAY = 24 * HOUR;

/** The error a promise rejects with. */
const refusal = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

const byPlatformThenTime = (a: PublishedPostRecord, b: PublishedPostRecord): number =>
  a.platform.localeCompare(b.platform) || (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0);

describe('createSmmkit with accounts connected while it runs', () => {
  it("gives an account connected later its 'next-slot' queue and inbox polling at once; disconnecting removes both", async () => {
    const { brandX, brandMastodon, xTokens, mastodonTokens, xUser, mastodonUser } = onboard();
    const smm = await world.smmkit(memoryStore());
    await smm.accounts.connect(brandX, xTokens);
    await smm.accounts.connect(brandMastodon, mastodonTokens);
    const scheduledIds: string[] = [];
    smm.scheduler.events.on('scheduled', ({ entry }) => scheduledIds.push(entry.id));

    // Monday 09:00 in Berlin, without a restart.
    const [entry] = await smm.schedule({ text: 'Monday tip' }, { to: ['brand-x'], at: 'next-slot' });
    expect(entry?.publishAt).toEqual(new Date('2026-11-23T08:00:00Z'));
    expect(scheduledIds).toEqual([entry?.id]);

    x.seedMentions(xUser.account.id, 2);
    mastodon.seedMentions(mastodonUser.account.id, 1);
    const first = await smm.inbox.poll();
    expect(first.added.map((item) => item.platform).sort()).toEqual(['mastodon', 'x', 'x']);

    expect(await smm.accounts.disconnect('brand-x')).toBe(true);
    const refused = await refusal(
      smm.scheduler.schedule(
        { text: 'No queue now' },
        [{ platform: 'x', accountId: xUser.account.id }],
        'next-slot',
      ),
    );
    expect(ValidationError.isInstance(refused)).toBe(true);
    x.seedMentions(xUser.account.id, 1);
    mastodon.seedMentions(mastodonUser.account.id, 1);
    const second = await smm.inbox.poll();
    expect(second.added.map((item) => item.platform)).toEqual(['mastodon']);
    await smm.shutdown();
  });

  it("gives an account another process connects on the store its 'next-slot' queue and inbox polling, without a restart", async () => {
    const { brandX, xTokens, xUser } = onboard();
    const store = memoryStore();
    const smm = await world.smmkit(store);
    const elsewhere = await world.smmkit(store); // another process's facade on the same store
    await elsewhere.accounts.connect(brandX, xTokens);

    const [entry] = await smm.schedule({ text: 'Monday tip' }, { to: ['brand-x'], at: 'next-slot' });
    expect(entry?.publishAt).toEqual(new Date('2026-11-23T08:00:00Z'));
    x.seedMentions(xUser.account.id, 1);
    expect((await smm.inbox.poll()).added.map((item) => item.platform)).toEqual(['x']);
    await smm.shutdown();
  });
});

describe('createSmmkit records what it publishes', () => {
  it('keeps every published post with its metadata and URL, direct or scheduled after approval', async () => {
    const { brandX, brandMastodon, xTokens, mastodonTokens, xUser, mastodonUser } = onboard();
    const store = memoryStore();
    const smm = await world.smmkit(store);
    await smm.accounts.connect(brandX, xTokens);
    await smm.accounts.connect(brandMastodon, mastodonTokens);

    const labels = {
      campaign: 'winter-26',
      tags: ['launch'],
      variant: 'A',
      contentClass: 'promotion' as const,
    };
    const outcomes = await smm.publish(
      { text: 'Winter is here', ...labels },
      { to: ['brand-x', 'brand-mastodon'] },
    );
    const [entry] = await smm.schedule(
      { text: 'Tomorrow, with approval', campaign: 'winter-26' },
      { to: ['brand-x'], at: new Date(START + DAY), approval: 'required' },
    );
    const approved = await smm.approve(entry?.id ?? '', { by: 'maria' });
    expect([approved.status, approved.approval?.decidedBy]).toEqual(['scheduled', 'maria']);
    world.time.set(START + DAY);
    expect((await smm.scheduler.tick()).finished.map((finished) => finished.status)).toEqual(['published']);

    const [xNow, xTomorrow] = x.sim.posts.filter((post) => post.accountId === xUser.account.id);
    const [toot] = mastodon.sim.posts.filter((post) => post.accountId === mastodonUser.account.id);
    const tootUrl = outcomes[1]?.status === 'published' ? outcomes[1].result.url : undefined;
    expect(tootUrl).toBeDefined();
    expect((await store.metrics.posts()).sort(byPlatformThenTime)).toEqual([
      {
        platform: 'mastodon',
        accountId: mastodonUser.account.id,
        platformPostId: toot?.id,
        account: 'brand-mastodon',
        url: tootUrl,
        publishedAt: new Date(START),
        timeZone: 'America/New_York',
        ...labels,
      },
      {
        platform: 'x',
        accountId: xUser.account.id,
        platformPostId: xNow?.id,
        account: 'brand-x',
        url: `https://x.com/${brandX.handle}/status/${xNow?.id}`,
        publishedAt: new Date(START),
        timeZone: 'Europe/Berlin',
        ...labels,
      },
      {
        platform: 'x',
        accountId: xUser.account.id,
        platformPostId: xTomorrow?.id,
        account: 'brand-x',
        url: `https://x.com/${brandX.handle}/status/${xTomorrow?.id}`,
        publishedAt: new Date(START + DAY),
        timeZone: 'Europe/Berlin',
        campaign: 'winter-26',
      },
    ]);
    await smm.shutdown();
  });

  it('publishes with per-account overrides, the target carrying the very overrides given', async () => {
    const { brandX, brandMastodon, xTokens, mastodonTokens, xUser, mastodonUser } = onboard();
    const smm = await world.smmkit(memoryStore());
    await smm.accounts.connect(brandX, xTokens);
    await smm.accounts.connect(brandMastodon, mastodonTokens);
    const short = { text: 'Short for X' };
    const queued: unknown[] = [];
    smm.publisher.events.on('queued', ({ target }) => queued.push(target.overrides));
    const outcomes = await smm.publish(
      { text: 'The long version, for Mastodon' },
      { to: [{ account: 'brand-x', overrides: short }, 'brand-mastodon'] },
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['published', 'published']);
    expect(
      x.sim.posts.filter((post) => post.accountId === xUser.account.id).map((post) => post.text),
    ).toEqual(['Short for X']);
    expect(
      mastodon.sim.posts
        .filter((post) => post.accountId === mastodonUser.account.id)
        .map((post) => post.text),
    ).toEqual(['The long version, for Mastodon']);
    expect(queued[0]).toBe(short);
    await smm.shutdown();
  });

  it('never fails a publish for a metrics store that cannot write: the record is written at the next read', async () => {
    const { brandX, xTokens } = onboard();
    const bundle = memoryStore();
    let full = true;
    const metrics = {
      ...bundle.metrics,
      recordPosts: async (posts: readonly PublishedPostRecord[]) => {
        if (full) throw new Error('disk full');
        await bundle.metrics.recordPosts(posts);
      },
    };
    const smm = await world.smmkit({ ...bundle, metrics });
    await smm.accounts.connect(brandX, xTokens);
    const outcomes = await smm.publish({ text: 'Despite the disk' }, { to: ['brand-x'] });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['published']);
    expect(await bundle.metrics.posts()).toEqual([]);
    await expect(smm.collectMetrics()).rejects.toThrow('disk full');
    full = false;
    const collected = await smm.collectMetrics();
    expect(collected.failures).toEqual([]);
    expect((await bundle.metrics.posts()).map((post) => post.account)).toEqual(['brand-x']);
    await smm.shutdown();
  });

  it("reports the inbox's response times from the facade's report", async () => {
    const { brandX, xTokens, xUser } = onboard();
    const smm = await world.smmkit(memoryStore());
    await smm.accounts.connect(brandX, xTokens);
    await smm.publish({ text: 'Ask us anything' }, { to: ['brand-x'] });
    x.seedMentions(xUser.account.id, 2);
    const { added } = await smm.inbox.poll();
    const answered = added[0];
    if (answered === undefined) throw new Error('no mention was polled');
    world.time.set(answered.createdAt.getTime() + 30 * 60_000);
    await smm.inbox.reply(answered, 'Thanks for asking!');
    await smm.collectMetrics();

    const { input } = smm.report({
      since: new Date(START - DAY),
      until: new Date(START + DAY),
      sla: { targetMs: HOUR },
    });
    expect(input.sla?.overall).toMatchObject({
      inbound: 2,
      answered: 1,
      firstResponseMedianMs: 30 * 60_000,
      responseRate: 0.5,
      withinTargetShare: 0.5,
    });
    await smm.shutdown();
  });
});

describe('createSmmkit collects metrics on a cadence', () => {
  it('reads each platform from start() once per interval, keeps the samples, and stops on shutdown', async () => {
    const { brandX, brandMastodon, xTokens, mastodonTokens, xUser } = onboard();
    const store: SmmkitStore = memoryStore();
    const rounds: (MetricsRound & { readonly at: number })[] = [];
    let third: () => void = () => {};
    const thirdXRound = new Promise<void>((resolve) => {
      third = resolve;
    });
    const smm = await world.smmkit(store, {
      metrics: {
        every: HOUR,
        onRound: (round) => {
          rounds.push({ ...round, at: world.time.now() });
          if (rounds.filter((one) => one.platform === 'x').length === 3) third();
        },
      },
      scheduler: { pollIntervalMs: DAY },
      inbox: { pollIntervalMs: DAY },
    });
    await smm.accounts.connect(brandX, xTokens);
    await smm.accounts.connect(brandMastodon, mastodonTokens);
    await smm.publish({ text: 'Measured hourly' }, { to: ['brand-x', 'brand-mastodon'] });

    smm.start();
    await thirdXRound;
    await smm.shutdown();

    const xRounds = rounds.filter((round) => round.platform === 'x');
    expect(xRounds.map((round) => [round.at - START, round.nextInMs, round.result?.failures])).toEqual([
      [0, HOUR, []],
      [HOUR, HOUR, []],
      [2 * HOUR, HOUR, []],
    ]);
    expect(rounds.some((round) => round.platform === 'mastodon' && round.result?.samples.length)).toBe(true);
    const [xPost] = x.sim.posts.filter((post) => post.accountId === xUser.account.id);
    expect(
      (await store.metrics.samples()).some(
        (sample) => sample.platform === 'x' && sample.platformPostId === xPost?.id,
      ),
    ).toBe(true);
    const told = rounds.length;
    world.time.set(START + 10 * HOUR);
    expect(rounds).toHaveLength(told);
  });
});
