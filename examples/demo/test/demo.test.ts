import type { FaultKind } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_POSTS } from '../src/campaign.ts';
import { main } from '../src/demo.ts';
import { PLATFORMS } from '../src/platforms.ts';

/** Why Facebook leaves posts out: a Page post has no threads, polls or documents. */
const FACEBOOK_SKIPS: Readonly<Record<string, RegExp>> = {
  thread: /^thread: Facebook has no threads$/,
  poll: /^poll: /,
};

/** TikTok takes a video or photos: text-only posts (threads and polls too) are left out. */
const TIKTOK_SKIP = /^media: TikTok needs at least one image or video/;

describe('pnpm demo', () => {
  it('cross-posts the campaign through every injected fault, exactly once, and summarises the metrics', async () => {
    const lines: string[] = [];
    const report = await main({ print: (line) => lines.push(line), color: false });
    const output = lines.join('\n');

    // What a platform cannot take is left out, with the adapter's reason: Instagram needs an image
    // or a video, only LinkedIn posts documents, LinkedIn has no threads, Facebook has neither
    // threads nor polls, and TikTok needs a video or photos.
    expect(report.skipped.map(({ post, platform }) => `${post}@${platform}`).sort()).toEqual([
      'announcement@instagram',
      'announcement@tiktok',
      'deck@facebook',
      'deck@instagram',
      'deck@mastodon',
      'deck@tiktok',
      'deck@x',
      'poll@facebook',
      'poll@instagram',
      'poll@tiktok',
      'thread@facebook',
      'thread@instagram',
      'thread@linkedin',
      'thread@tiktok',
    ]);
    for (const skip of report.skipped) {
      const reason =
        skip.post === 'deck'
          ? /^media\.0\.kind: \w+ does not take document media/
          : skip.platform === 'linkedin'
            ? /^thread: LinkedIn has no threads$/
            : skip.platform === 'facebook'
              ? (FACEBOOK_SKIPS[skip.post] ?? /^no Facebook skip expected$/)
              : skip.platform === 'tiktok'
                ? TIKTOK_SKIP
                : /^media: .*image or video/;
      expect(skip.reason).toMatch(reason);
    }
    const sentTo = (platform: string) =>
      CAMPAIGN_POSTS.filter(
        ({ label }) => !report.skipped.some((s) => s.post === label && s.platform === platform),
      );

    // Every other target has an outcome, and none is lost.
    expect(report.outcomes).toHaveLength(CAMPAIGN_POSTS.length * PLATFORMS.length - report.skipped.length);
    for (const { post, platform, outcome } of report.outcomes) {
      expect({ post, platform, status: outcome.status }).toEqual({ post, platform, status: 'published' });
    }
    const pairs = report.outcomes.map(({ post, platform }) => `${post}@${platform}`);
    expect(new Set(pairs).size).toBe(pairs.length);

    // No post twice on any platform: every text sent there (posts and thread parts) once.
    for (const platform of report.platforms) {
      const texts = sentTo(platform.id).flatMap(({ post }) => [
        post.text ?? '',
        ...(post.thread ?? []).map((part) => part.text ?? ''),
      ]);
      const stored = platform.sim.posts.filter((p) => p.accountId === platform.accountId).map((p) => p.text);
      expect(new Set(stored).size, `${platform.id}: duplicate posts`).toBe(stored.length);
      expect(stored, platform.id).toHaveLength(texts.length);
      for (const text of texts)
        expect(
          stored.some((s) => s?.startsWith(text)),
          `${platform.id}: ${text}`,
        ).toBe(true);
    }

    // The injected faults were hit, and the publisher made them visible.
    const injected = (kind: FaultKind) =>
      report.platforms.reduce((sum, p) => sum + (p.sim.faults.injected.get(kind) ?? 0), 0);
    expect(injected('rate_limit')).toBeGreaterThanOrEqual(1);
    expect(injected('server_error')).toBeGreaterThanOrEqual(1);
    expect(injected('accepted_then_lost')).toBeGreaterThanOrEqual(1);
    expect(report.events.retry).toBeGreaterThanOrEqual(2);
    expect(report.events['rate-limited']).toBeGreaterThanOrEqual(2);
    expect(
      report.outcomes.some(
        (o) =>
          o.outcome.status === 'published' && o.outcome.result.warnings.some((w) => w.code === 'reconciled'),
      ),
    ).toBe(true);
    // The rate limit was waited out on simulated time.
    expect(report.simulatedMs).toBeGreaterThanOrEqual(15 * 60_000);

    // A summary row per platform, with metrics grown since publishing.
    expect(report.summary.map((row) => row.dimensions.platform).sort()).toEqual(
      PLATFORMS.map((p) => p.id).sort(),
    );
    for (const row of report.summary) {
      expect(row.posts).toBe(sentTo(row.dimensions.platform ?? '').length);
      expect(row.kpis.engagementCount).toBeGreaterThan(0);
      expect(row.kpis.engagementRateByFollowers).toBeGreaterThan(0);
    }

    // Output: progress, outcomes with URLs, the table; no colour codes when captured.
    expect(output).toContain('rate-limited');
    expect(output).toMatch(/published\s+x\s+thread\s+https:\/\/x\.com\/ana\/status\/\d+/);
    expect(output).toMatch(/published\s+mastodon\s+video\s+https:\/\/mastodon\.example\/@ana\/\d+/);
    expect(output).toMatch(/published\s+instagram\s+lookbook\s+https:\/\/www\.instagram\.com\/p\/\w+\//);
    expect(output).toMatch(/published\s+instagram\s+video\s+https:\/\/www\.instagram\.com\/reel\/\w+\//);
    expect(output).toMatch(
      /published\s+linkedin\s+deck\s+https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:share:\d+\//,
    );
    expect(output).toMatch(
      /published\s+linkedin\s+poll\s+https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:share:\d+\//,
    );
    expect(output).toMatch(/published\s+facebook\s+lookbook\s+https:\/\/www\.facebook\.com\/\d+_\d+/);
    expect(output).toMatch(/published\s+tiktok\s+video\s+publish \S+ \(public_id_pending\)/);
    expect(output).toMatch(/not sent\s+instagram\s+thread/);
    expect(output).toMatch(/^\s+platform\s+posts/m);
    expect(output).not.toContain('\u001b[');
  });
});
