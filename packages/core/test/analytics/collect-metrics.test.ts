import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/adapter/context.js';
import { createAnalytics } from '../../src/analytics/analytics.js';
import { collectMetrics, type MetricsBatch } from '../../src/analytics/collect-metrics.js';
import { AbortedError } from '../../src/errors/aborted-error.js';
import { UnsupportedCapabilityError } from '../../src/errors/unsupported-capability-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { MetricSample } from '../../src/models/metric-sample.js';
import type { PostRef } from '../../src/models/post-ref.js';
import { fakeAdapter, fakeCapabilities } from '../fixtures/capabilities.js';

const context: RequestContext = {
  account: { platform: 'fake', accountId: 'acct-1' },
  tokens: { getAccessToken: () => Promise.resolve('test-token') },
};

function refs(count: number, accountId = 'acct-1'): PostRef[] {
  return Array.from({ length: count }, (_, i) => ({ platform: 'fake', accountId, platformPostId: `p${i}` }));
}

function sampleOf(ref: PostRef): MetricSample {
  return {
    platform: ref.platform,
    accountId: ref.accountId,
    scope: 'post',
    platformPostId: ref.platformPostId,
    metric: 'impressions',
    rawName: 'impression_count',
    value: 10,
    observedAt: new Date('2026-05-02T09:00:00Z'),
    period: 'lifetime',
  };
}

/** A fake adapter reading at most `max` posts per request, recording calls and peak concurrency. */
function metricsAdapter(max: number | undefined, fail?: (refs: readonly PostRef[]) => boolean) {
  const calls: (readonly PostRef[])[] = [];
  let inFlight = 0;
  let peak = 0;
  const adapter = fakeAdapter({
    capabilities: {
      ...fakeCapabilities,
      metrics:
        max === undefined
          ? { post: ['impressions'], account: [] }
          : { post: ['impressions'], account: [], maxPostsPerRequest: max },
    },
    getPostMetrics: async (batch) => {
      calls.push(batch);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      if (fail?.(batch)) throw new Error('platform down');
      return batch.map(sampleOf);
    },
  });
  return { adapter, calls, peak: () => peak };
}

describe('collectMetrics', () => {
  it('batches per account by maxPostsPerRequest with bounded concurrency and feeds the aggregator', async () => {
    const { adapter, calls, peak } = metricsAdapter(20);
    const analytics = createAnalytics();
    const result = await collectMetrics([adapter], [...refs(45), ...refs(5, 'acct-2')], context, {
      concurrency: 2,
      into: analytics,
    });
    expect(calls.map((batch) => batch.length).sort((a, b) => a - b)).toEqual([5, 5, 20, 20]);
    expect(calls.every((batch) => new Set(batch.map((ref) => ref.accountId)).size === 1)).toBe(true);
    expect(peak()).toBeLessThanOrEqual(2);
    expect(result.samples).toHaveLength(50);
    expect(result.failures).toEqual([]);
    expect(analytics.stats().posts).toBe(50);
  });

  it('hands all of an account’s posts to an adapter that declares no maximum', async () => {
    const { adapter, calls } = metricsAdapter(undefined);
    await collectMetrics(new Map([['fake', adapter]]), refs(7), context);
    expect(calls.map((batch) => batch.length)).toEqual([7]);
  });

  it('runs every request through the injected scheduler, with a context per account', async () => {
    const { adapter } = metricsAdapter(2);
    const scheduled: MetricsBatch[] = [];
    const accounts: string[] = [];
    await collectMetrics(
      [adapter],
      [...refs(3), ...refs(1, 'acct-2')],
      (account) => {
        accounts.push(account.accountId);
        return { ...context, account: { platform: account.platform, accountId: account.accountId } };
      },
      {
        schedule: (task, batch) => {
          scheduled.push(batch);
          return task();
        },
      },
    );
    expect(scheduled.map((batch) => batch.refs.length)).toEqual([2, 1, 1]);
    expect(accounts.sort()).toEqual(['acct-1', 'acct-1', 'acct-2']);
  });

  it('reports failing batches and platforms without post metrics, and goes on with the rest', async () => {
    const { adapter } = metricsAdapter(2, (batch) => batch[0]?.platformPostId === 'p2');
    const unknown: PostRef = { platform: 'mastodon', accountId: 'm1', platformPostId: '1' };
    const result = await collectMetrics([adapter], [...refs(4), unknown], context);
    expect(result.samples).toHaveLength(2);
    expect(result.failures).toHaveLength(2);
    const down = result.failures.find((failure) => failure.platform === 'fake');
    expect(down?.refs.map((ref) => ref.platformPostId)).toEqual(['p2', 'p3']);
    expect(down?.error).toEqual(new Error('platform down'));
    const missing = result.failures.find((failure) => failure.platform === 'mastodon');
    expect(UnsupportedCapabilityError.isInstance(missing?.error)).toBe(true);
  });

  it('stops starting requests when the signal aborts', async () => {
    const { adapter, calls } = metricsAdapter(1);
    const controller = new AbortController();
    const pending = collectMetrics([adapter], refs(10), context, {
      concurrency: 1,
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toThrow(AbortedError);
    expect(calls.length).toBeLessThan(10);
  });

  it('hands the metadata of posts given as PostMeta to the aggregator with their samples, and only refs to the adapter', async () => {
    const { adapter, calls } = metricsAdapter(2, (batch) => batch[0]?.platformPostId === 'p2');
    const analytics = createAnalytics();
    const posts = refs(4).map((ref, i) =>
      i === 3 ? ref : { ...ref, publishedAt: new Date(`2026-05-0${i + 1}T09:00:00Z`), campaign: 'spring' },
    );

    const result = await collectMetrics([adapter], posts, context, { into: analytics });

    // The adapter sees refs, never the labels.
    expect(
      calls.flat().every((ref) => Object.keys(ref).sort().join() === 'accountId,platform,platformPostId'),
    ).toBe(true);
    // p0 and p1 arrived with their metadata; p2's batch failed, so neither its metrics nor its metadata are in.
    expect(analytics.postMeta({ platform: 'fake', accountId: 'acct-1', platformPostId: 'p1' })).toEqual({
      platform: 'fake',
      accountId: 'acct-1',
      platformPostId: 'p1',
      publishedAt: new Date('2026-05-02T09:00:00Z'),
      campaign: 'spring',
    });
    expect(
      analytics.postMeta({ platform: 'fake', accountId: 'acct-1', platformPostId: 'p2' }),
    ).toBeUndefined();
    expect(result.failures.map((failure) => failure.refs.map((ref) => ref.platformPostId))).toEqual([
      ['p2', 'p3'],
    ]);
    expect(analytics.rollup({ by: ['campaign'] })).toEqual([
      expect.objectContaining({ dimensions: { campaign: 'spring' }, posts: 2 }),
    ]);
  });

  it('refuses invalid metadata before any request, naming the post by its position', async () => {
    const { adapter, calls } = metricsAdapter(5);
    const invalid = {
      platform: 'fake',
      accountId: 'acct-1',
      platformPostId: 'p9',
      publishedAt: new Date(Number.NaN),
    };
    const attempt = collectMetrics([adapter], [...refs(2), invalid], context, { into: createAnalytics() });
    await expect(attempt).rejects.toThrow(ValidationError);
    await attempt.catch((error: ValidationError) => {
      expect(error.problems.map((problem) => problem.path)).toEqual([[2, 'publishedAt']]);
    });
    expect(calls).toEqual([]);
  });

  it('does nothing for no refs', async () => {
    const { adapter, calls } = metricsAdapter(5);
    expect(await collectMetrics([adapter], [], context)).toEqual({ samples: [], failures: [] });
    expect(calls).toEqual([]);
  });
});
