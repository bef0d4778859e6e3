import { createXAdapter } from '@smmkit/adapter-x';
import { describe, expect, it } from 'vitest';
import { createAnalytics } from '../../../src/analytics/analytics.js';
import { collectMetrics } from '../../../src/analytics/collect-metrics.js';
import type { PostRef } from '../../../src/models/post-ref.js';
import { useSimulators } from './world.js';

const sims = useSimulators();
const LOOKUP = 'GET /2/tweets';

describe('collecting metrics through the publisher', () => {
  it("reads through the account's rate-limited queue: a 429 pauses it, the retry succeeds, samples are ingested", async () => {
    const publisher = sims.publisher();
    const outcomes = await Promise.all(
      [1, 2, 3].map((n) => publisher.publish({ text: `Metrics post ${n}` }, [sims.xTarget])),
    );
    const refs: PostRef[] = outcomes.flat().flatMap((o) => (o.status === 'published' ? [o.result.ref] : []));
    expect(refs).toHaveLength(3);
    sims.x.sim.faults.inject({ kind: 'rate_limit', route: LOOKUP });
    sims.time.advance(3_600_000);

    const analytics = createAnalytics();
    const result = await collectMetrics([createXAdapter({ baseUrl: sims.x.baseUrl })], refs, undefined, {
      via: publisher,
      into: analytics,
    });

    expect(result.failures).toEqual([]);
    expect(new Set(result.samples.map((s) => s.platformPostId))).toEqual(
      new Set(refs.map((r) => r.platformPostId)),
    );
    expect(sims.x.sim.log.forRoute(LOOKUP).map((entry) => entry.status)).toEqual([429, 200]);
    expect(publisher.seen.some((event) => event.name === 'rate-limited')).toBe(true);
    expect(analytics.rollup({ by: ['platform'] })[0]?.posts).toBe(3);
  });

  it('refuses to run without a context or a publisher', async () => {
    await expect(collectMetrics([], [], undefined)).rejects.toThrow(TypeError);
  });
});
