import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/app/memory-store.js';
import type { MetricsRound } from '../../src/app/metrics-cadence.js';
import type { MetricSample } from '../../src/models/metric-sample.js';
import type { PublishOutcome } from '../../src/publisher/outcome.js';
import { loopScenario } from './loop-scenario.js';
import { HOUR, START, useAppWorld } from './support.js';

const world = useAppWorld();
const { onboard } = loopScenario(world);
const DAY = 24 * HOUR;

/** The platform's id of the post a one-target publish made. */
const idOf = (outcomes: readonly PublishOutcome[]): string => {
  const [outcome] = outcomes;
  if (outcome?.status !== 'published') throw new Error('the post was not published');
  return outcome.result.ref.platformPostId;
};

/** The ids of the posts `samples` measure, sorted. */
const postsRead = (samples: readonly MetricSample[]): string[] =>
  [
    ...new Set(
      samples.flatMap((sample) =>
        sample.scope === 'post' && sample.platformPostId !== undefined ? [sample.platformPostId] : [],
      ),
    ),
  ].sort();

describe('createSmmkit reads the metrics of recent posts only', () => {
  it('reads the posts of the last 30 days by default; `since` moves the window', async () => {
    const { brandX, xTokens } = onboard();
    const smm = await world.smmkit(memoryStore());
    await smm.accounts.connect(brandX, xTokens);
    const old = idOf(await smm.publish({ text: 'A month ago' }, { to: ['brand-x'] }));
    world.time.set(START + 31 * DAY);
    const recent = idOf(await smm.publish({ text: 'Today' }, { to: ['brand-x'] }));

    const byDefault = await smm.collectMetrics();
    expect(byDefault.failures).toEqual([]);
    expect(postsRead(byDefault.samples)).toEqual([recent]);

    const everything = await smm.collectMetrics({ since: new Date(START) });
    expect(postsRead(everything.samples)).toEqual([old, recent].sort());
    // A Date made in another realm (a vm context, as report({ since }) takes it) is a Date too.
    const foreign = runInNewContext(`new Date(${START})`) as Date;
    expect(postsRead((await smm.collectMetrics({ since: foreign })).samples)).toEqual([old, recent].sort());
    await smm.shutdown();
  });

  it('reads on a cadence only the posts younger than `metrics.maxPostAgeMs`', async () => {
    const { brandX, xTokens } = onboard();
    let firstX: (round: MetricsRound) => void = () => {};
    const round = new Promise<MetricsRound>((resolve) => {
      firstX = resolve;
    });
    const smm = await world.smmkit(memoryStore(), {
      metrics: {
        every: HOUR,
        maxPostAgeMs: DAY,
        onRound: (told) => {
          if (told.platform === 'x') firstX(told);
        },
      },
      scheduler: { pollIntervalMs: 10 * DAY },
      inbox: { pollIntervalMs: 10 * DAY },
    });
    await smm.accounts.connect(brandX, xTokens);
    await smm.publish({ text: 'Two days ago' }, { to: ['brand-x'] });
    world.time.set(START + 2 * DAY);
    const recent = idOf(await smm.publish({ text: 'Today' }, { to: ['brand-x'] }));

    smm.start();
    const { result } = await round;
    await smm.shutdown();
    expect(result?.failures).toEqual([]);
    expect(postsRead(result?.samples ?? [])).toEqual([recent]);
  });
});

describe("createSmmkit reads each connected account's own metrics", () => {
  it('keeps every account’s followers in the store and the analytics, once per collection', async () => {
    const { brandX, brandMastodon, xTokens, mastodonTokens, xUser, mastodonUser } = onboard();
    const store = memoryStore();
    const smm = await world.smmkit(store);
    await smm.accounts.connect(brandX, xTokens);
    await smm.accounts.connect(brandMastodon, mastodonTokens);

    const { samples, failures } = await smm.collectMetrics();
    expect(failures).toEqual([]);
    const followers = samples.filter((sample) => sample.scope === 'account' && sample.metric === 'followers');
    expect(followers.map((sample) => `${sample.platform}/${sample.accountId}`).sort()).toEqual([
      `mastodon/${mastodonUser.account.id}`,
      `x/${xUser.account.id}`,
    ]);
    const kept = (await store.metrics.samples()).filter(
      (sample) => sample.scope === 'account' && sample.metric === 'followers',
    );
    expect(kept).toHaveLength(2);
    const rows = smm.analytics.rollup({ by: ['platform'] });
    const followersOf = (platform: string) =>
      rows.find((row) => row.dimensions.platform === platform)?.accountMetrics.followers;
    for (const sample of followers) expect(followersOf(sample.platform)).toBe(sample.value);
    await smm.shutdown();
  });
});
