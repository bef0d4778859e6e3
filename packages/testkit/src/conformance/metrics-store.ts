import type { MetricSample } from '@smmkit/core';
import type { MetricsStore, PublishedPostRecord } from '@smmkit/core/app';
import { afterEach, describe, expect, it } from 'vitest';

/** Options of {@link describeMetricsStore}. */
export interface MetricsStoreSuiteOptions {
  /**
   * Opens another handle on the storage `store` uses, as another process would (a second
   * connection to the same SQLite file, another Redis client). The sharing cases then read
   * through it; without it they read through the same handle.
   */
  readonly connectAgain?: ((store: MetricsStore) => MetricsStore | Promise<MetricsStore>) | undefined;
}

const T0 = new Date('2026-05-01T07:00:00.000Z');
const HOUR = 3_600_000;
const at = (hours: number): Date => new Date(T0.getTime() + hours * HOUR);

const FULL_POST: PublishedPostRecord = {
  platform: 'x',
  accountId: '2244994945',
  platformPostId: '1850000000000000001',
  account: 'brand-x',
  url: 'https://x.com/brand/status/1850000000000000001',
  publishedAt: T0,
  timeZone: 'Europe/Berlin',
  campaign: 'spring-26',
  tags: ['launch', 'video'],
  variant: 'A',
  contentClass: 'promotion',
};

const BARE_POST: PublishedPostRecord = {
  platform: 'mastodon',
  accountId: '109',
  platformPostId: '111',
};

/** A post-scoped lifetime sample of `FULL_POST`. */
function postSample(metric: MetricSample['metric'], value: number, observedAt: Date): MetricSample {
  return {
    platform: 'x',
    accountId: '2244994945',
    scope: 'post',
    platformPostId: '1850000000000000001',
    metric,
    rawName: `public_metrics.${metric}`,
    value,
    observedAt,
    period: 'lifetime',
  };
}

/** An account-scoped sample of the X account. */
function accountSample(
  value: number,
  observedAt: Date,
  period: 'lifetime' | 'day' = 'lifetime',
  periodStart?: Date,
): MetricSample {
  return {
    platform: 'x',
    accountId: '2244994945',
    scope: 'account',
    metric: 'followers',
    rawName: 'followers_count',
    value,
    observedAt,
    period,
    ...(periodStart === undefined ? {} : { periodStart }),
  };
}

const byPostId = (a: PublishedPostRecord, b: PublishedPostRecord): number =>
  `${a.platform}/${a.accountId}/${a.platformPostId}`.localeCompare(
    `${b.platform}/${b.accountId}/${b.platformPostId}`,
  );

const bySampleKey = (a: MetricSample, b: MetricSample): number =>
  [a.scope, a.platformPostId ?? '', a.metric, a.period, a.periodStart?.getTime() ?? 0, a.observedAt.getTime()]
    .join('|')
    .localeCompare(
      [
        b.scope,
        b.platformPostId ?? '',
        b.metric,
        b.period,
        b.periodStart?.getTime() ?? 0,
        b.observedAt.getTime(),
      ].join('|'),
    );

/**
 * Registers the metrics store conformance suite with vitest: what every `MetricsStore` must do,
 * for the in-memory and SQLite stores and yours. A post record is given back whole (dates as
 * Dates, no field added) and replaced whole under its (platform, account, post id); samples keep
 * the latest `observedAt` per key (an older reading arriving later changes nothing, an equal one
 * replaces), `day` samples are kept per `periodStart` and account `lifetime` readings as a
 * history; later changes to objects handed in or out change nothing stored; another handle on
 * the same storage sees every write.
 *
 * @param name - the store's name in test titles
 * @param makeStore - makes a new, empty store; called once per test, and the store is closed after it
 * @param options - how to open a second handle on one store's storage
 *
 * @example
 * ```ts
 * import { describeMetricsStore } from '@smmkit/testkit/conformance';
 *
 * describeMetricsStore('myMetricsStore', () => myMetricsStore({ url: freshDatabaseUrl() }));
 * ```
 */
export function describeMetricsStore(
  name: string,
  makeStore: () => MetricsStore | Promise<MetricsStore>,
  options: MetricsStoreSuiteOptions = {},
): void {
  describe(`${name} metrics store conformance`, () => {
    const opened: MetricsStore[] = [];
    afterEach(async () => {
      for (const store of opened.splice(0).reverse()) await store.close?.();
    });
    const open = async (): Promise<MetricsStore> => {
      const store = await makeStore();
      opened.push(store);
      return store;
    };
    const again = async (store: MetricsStore): Promise<MetricsStore> => {
      if (options.connectAgain === undefined) return store;
      const other = await options.connectAgain(store);
      opened.push(other);
      return other;
    };
    const sortedPosts = async (store: MetricsStore) => (await store.posts()).sort(byPostId);
    const sortedSamples = async (store: MetricsStore) => (await store.samples()).sort(bySampleKey);

    it('starts empty', async () => {
      const store = await open();
      expect(await store.posts()).toEqual([]);
      expect(await store.samples()).toEqual([]);
    });

    it('gives back a recorded post whole, and a bare one without fields it lacks', async () => {
      const store = await open();
      await store.recordPosts([FULL_POST, BARE_POST]);
      const posts = await sortedPosts(store);
      expect(posts).toEqual([BARE_POST, FULL_POST]);
      expect(posts[1]?.publishedAt).toBeInstanceOf(Date);
      expect(Object.keys(posts[0] ?? {}).sort()).toEqual(['accountId', 'platform', 'platformPostId']);
    });

    it('replaces a post recorded again whole, and keeps posts of other accounts apart', async () => {
      const store = await open();
      const otherAccount = { ...FULL_POST, accountId: '783214', account: 'brand-x-2' };
      await store.recordPosts([FULL_POST, otherAccount]);
      const again = {
        ...BARE_POST,
        platform: 'x',
        accountId: '2244994945',
        platformPostId: '1850000000000000001',
      };
      await store.recordPosts([{ ...again, campaign: 'summer-26' }]);
      expect(await sortedPosts(store)).toEqual([{ ...again, campaign: 'summer-26' }, otherAccount]);
    });

    it('is not changed by later changes to the objects recorded or handed out', async () => {
      const store = await open();
      const tags = ['launch'];
      const publishedAt = new Date(T0.getTime());
      const observedAt = new Date(T0.getTime());
      await store.recordPosts([{ ...BARE_POST, tags, publishedAt }]);
      await store.recordSamples([postSample('likes', 3, observedAt)]);
      tags.push('later');
      publishedAt.setTime(0);
      observedAt.setTime(0);
      const [post] = await store.posts();
      (post?.tags as string[] | undefined)?.push('handed-out');
      post?.publishedAt?.setTime(1);
      (await store.samples())[0]?.observedAt.setTime(1);
      expect(await store.posts()).toEqual([{ ...BARE_POST, tags: ['launch'], publishedAt: T0 }]);
      expect(await store.samples()).toEqual([postSample('likes', 3, T0)]);
    });

    it('gives back samples whole, with their dates as Dates', async () => {
      const store = await open();
      const day = accountSample(5, at(30), 'day', at(0));
      await store.recordSamples([postSample('impressions', 1200, at(1)), day]);
      const samples = await store.samples();
      expect(samples.sort(bySampleKey)).toEqual([day, postSample('impressions', 1200, at(1))]);
      expect(samples.find((sample) => sample.period === 'day')?.periodStart).toBeInstanceOf(Date);
    });

    it('keeps the latest reading of a post metric: a newer replaces, an older arriving later does not', async () => {
      const store = await open();
      await store.recordSamples([postSample('likes', 10, at(1)), postSample('impressions', 500, at(1))]);
      await store.recordSamples([postSample('likes', 14, at(3))]);
      await store.recordSamples([postSample('likes', 12, at(2))]);
      expect(await sortedSamples(store)).toEqual([
        postSample('impressions', 500, at(1)),
        postSample('likes', 14, at(3)),
      ]);
    });

    it('replaces a reading with the same observedAt (a re-read correction)', async () => {
      const store = await open();
      await store.recordSamples([postSample('likes', 10, at(1))]);
      await store.recordSamples([postSample('likes', 11, at(1))]);
      expect(await store.samples()).toEqual([postSample('likes', 11, at(1))]);
    });

    it('keeps the same post id on two accounts apart', async () => {
      const store = await open();
      const other = { ...postSample('likes', 7, at(1)), accountId: '783214' };
      await store.recordSamples([postSample('likes', 10, at(1)), other]);
      expect((await store.samples()).map((sample) => sample.value).sort((a, b) => a - b)).toEqual([7, 10]);
    });

    it('keeps day samples per periodStart, the latest reading of each day', async () => {
      const store = await open();
      await store.recordSamples([
        accountSample(3, at(25), 'day', at(0)),
        accountSample(4, at(49), 'day', at(24)),
        accountSample(5, at(26), 'day', at(0)),
      ]);
      expect(await sortedSamples(store)).toEqual([
        accountSample(5, at(26), 'day', at(0)),
        accountSample(4, at(49), 'day', at(24)),
      ]);
    });

    it('keeps account lifetime readings as a history, one per observedAt', async () => {
      const store = await open();
      await store.recordSamples([accountSample(100, at(0)), accountSample(104, at(24))]);
      await store.recordSamples([accountSample(104, at(24)), accountSample(109, at(48))]);
      expect((await sortedSamples(store)).map((sample) => sample.value)).toEqual([100, 104, 109]);
    });

    it('shares every write with another handle on the same storage', async () => {
      const store = await open();
      await store.recordPosts([FULL_POST]);
      await store.recordSamples([postSample('likes', 10, at(1))]);
      const other = await again(store);
      expect(await other.posts()).toEqual([FULL_POST]);
      await other.recordSamples([postSample('likes', 12, at(2))]);
      expect(await store.samples()).toEqual([postSample('likes', 12, at(2))]);
    });
  });
}
