import type { SpikeAlert } from '@smmkit/core/inbox';
import { describe, expect, it } from 'vitest';
import { BRAND_TAG, CRISIS_TEXTS, MORNING, runMorningInbox } from '../src/morning-inbox.ts';

describe('pnpm demo: the morning inbox', () => {
  it('brings every platform into one inbox, alerts on the negative spike and answers from it', async () => {
    const lines: string[] = [];
    const report = await runMorningInbox({ print: (line) => lines.push(line) });
    const output = lines.join('\n');

    // One stream across platforms: X, Mastodon and Instagram polled, Facebook by webhook.
    const overnight = report.items.filter((item) => item.createdAt.getTime() > MORNING - 3 * 3_600_000);
    expect(new Set(overnight.map((item) => item.platform))).toEqual(
      new Set(['x', 'mastodon', 'instagram', 'facebook']),
    );
    expect(report.items.filter((item) => item.platform === 'facebook')).toHaveLength(1);
    // Newest first, every platform interleaved.
    const times = report.items.map((item) => item.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // The spike: the overnight complaints on X, against a week with one complaint a day.
    const spikes = report.alerts.filter((alert): alert is SpikeAlert => alert.type === 'spike');
    expect(spikes).toHaveLength(1);
    const [spike] = spikes;
    expect(spike?.account).toEqual(report.accounts.x);
    expect(spike?.count).toBeGreaterThanOrEqual(5);
    expect(spike?.baseline).toBeLessThan(1);
    expect(spike?.engagements.every((item) => CRISIS_TEXTS.some((text) => item.text.endsWith(text)))).toBe(
      true,
    );
    expect(output).toMatch(/ALERT crisis: \d+ negative items on x within an hour/);
    // Those mentions carry the team's tag now.
    const tagged = report.items.filter((item) => item.tags.includes('checkout-outage'));
    expect(tagged.map((item) => item.id).sort()).toEqual(spike?.engagements.map((item) => item.id).sort());

    // Three replies, one per platform, each stored by its platform and recorded in the inbox.
    expect(report.replies.map((reply) => reply.item.platform)).toEqual(['x', 'mastodon', 'instagram']);
    for (const reply of report.replies) {
      const item = report.items.find((stored) => stored.id === reply.item.id);
      expect(item?.assignee).toBe('maria');
      expect(item?.firstResponseAt).toBeInstanceOf(Date);
      expect(item?.status).toBe(reply.item.platform === 'x' ? 'resolved' : 'replied');
    }
    expect(report.repliesOnPlatforms.x).toHaveLength(1);
    expect(report.repliesOnPlatforms.mastodon).toHaveLength(1);
    expect(output).toContain('Replies and likes sent from the inbox');

    // Brand search on X found the fans who did not tag the account; they and the kind Mastodon
    // mentions were liked, and each platform recorded the account's like.
    const brand = report.items.filter((item) => item.text.includes(BRAND_TAG));
    expect(brand.map((item) => [item.platform, item.kind])).toEqual([
      ['x', 'mention'],
      ['x', 'mention'],
    ]);
    expect(report.liked.map((item) => item.platform).sort()).toEqual(['mastodon', 'mastodon', 'x', 'x']);
    expect(report.likedOnPlatforms).toEqual([true, true, true, true]);
    expect(output).toMatch(/SLA since yesterday 08:00: \d+ items, 3 answered/);
  });
});
