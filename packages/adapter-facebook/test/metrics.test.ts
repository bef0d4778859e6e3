import { describe, expect, it } from 'vitest';
import { useFacebook } from './support/harness.js';

const h = useFacebook();

describe('metrics', () => {
  it('reads a post’s shares, comments and reactions, which grow after publishing', async () => {
    const adapter = h.adapter();
    const { ref } = await adapter.publish({ text: 'Counted' }, h.context());
    h.clock.advance(3_600_000);
    const hourLater = await adapter.getPostMetrics([ref], h.context());
    expect(hourLater.map((sample) => sample.metric).sort()).toEqual(['comments', 'reactions', 'shares']);
    for (const sample of hourLater) expect(sample.platformPostId).toBe(ref.platformPostId);
    h.clock.advance(24 * 3_600_000);
    const dayLater = await adapter.getPostMetrics([ref], h.context());
    const reactions = (samples: typeof hourLater) =>
      samples.find((s) => s.metric === 'reactions')?.value ?? -1;
    expect(reactions(dayLater)).toBeGreaterThan(reactions(hourLater));
  });

  it('reads the Page’s followers', async () => {
    const page = h.facebook.addPage('followed', { followers: 1_234 });
    const samples = await h.adapter().getAccountMetrics(h.context({}, page));
    expect(samples.map(({ metric, value, rawName }) => ({ metric, value, rawName }))).toEqual([
      { metric: 'followers', value: 1_234, rawName: 'followers_count' },
    ]);
  });
});
