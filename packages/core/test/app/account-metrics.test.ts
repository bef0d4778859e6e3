import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../src/adapter/capabilities.js';
import type { RequestContext } from '../../src/adapter/context.js';
import type { MetricsRunner } from '../../src/analytics/collect-metrics.js';
import { collectAccountMetrics } from '../../src/app/account-metrics.js';
import { staticTokenProvider } from '../../src/auth/static-token-provider.js';
import type { MetricSample } from '../../src/models/metric-sample.js';
import { fakeAdapter, fakeCapabilities } from '../fixtures/capabilities.js';

const observedAt = new Date('2026-11-22T12:00:00Z');

/** A runner that calls the task at once, recording which accounts it ran for. */
function directRunner() {
  const ran: string[] = [];
  const runner: MetricsRunner = {
    run: (account, _operation, task) => {
      ran.push(account.accountId);
      const context: RequestContext = { account, tokens: staticTokenProvider('token') };
      return task(context);
    },
  };
  return { runner, ran };
}

describe('collectAccountMetrics', () => {
  it('reads each account once, keeps the others going when one fails, and tells the failure with no refs', async () => {
    const capabilities: Capabilities = { ...fakeCapabilities, metrics: { post: [], account: ['followers'] } };
    const unreachable = new Error('platform down');
    const adapter = fakeAdapter({
      capabilities,
      getAccountMetrics: async (context) => {
        if (context.account.accountId === 'broken') throw unreachable;
        const sample: MetricSample = {
          platform: 'fake',
          accountId: context.account.accountId,
          scope: 'account',
          metric: 'followers',
          rawName: 'followers_count',
          period: 'lifetime',
          value: 42,
          observedAt,
        };
        return [sample];
      },
    });
    const { runner, ran } = directRunner();
    const ingested: MetricSample[] = [];
    const result = await collectAccountMetrics(
      [adapter, fakeAdapter({ platform: 'no-account-metrics' })],
      [
        { platform: 'fake', accountId: 'a' },
        { platform: 'fake', accountId: 'broken' },
        { platform: 'fake', accountId: 'a' },
        { platform: 'no-account-metrics', accountId: 'c' },
      ],
      { via: runner, into: { ingestSamples: (samples) => ingested.push(...samples) }, concurrency: 1 },
    );
    expect(ran).toEqual(['a', 'broken']);
    expect(ingested.map((sample) => [sample.accountId, sample.value])).toEqual([['a', 42]]);
    expect(result.samples).toEqual(ingested);
    expect(result.failures).toEqual([
      { platform: 'fake', accountId: 'broken', refs: [], error: unreachable },
    ]);
  });
});
