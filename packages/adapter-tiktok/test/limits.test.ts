import { staticTokenProvider } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
import { describe, expect, it } from 'vitest';
import { TIKTOK_BUCKETS } from '../src/index.js';
import { publicOptions, ROUTES, START, useTikTok, video } from './support/harness.js';

const h = useTikTok({ processingMs: 0 });
const { tiktok, acme } = h;

describe('declared limits', () => {
  it('declares per-minute budgets per endpoint and the daily post cap, with no rate-limit headers', () => {
    const { rateLimits, engagement, nativeScheduling, delete: canDelete } = h.adapter().capabilities;
    expect(rateLimits.headers).toBe(false);
    expect(rateLimits.budgets.map((budget) => [budget.bucket, budget.limit, budget.windowSec])).toEqual([
      [TIKTOK_BUCKETS.creatorInfo, 20, 60],
      [TIKTOK_BUCKETS.init, 6, 60],
      [TIKTOK_BUCKETS.status, 30, 60],
      [TIKTOK_BUCKETS.display, 600, 60],
      [TIKTOK_BUCKETS.dailyPosts, 15, 86_400],
    ]);
    expect(rateLimits.operations?.publish).toEqual([
      TIKTOK_BUCKETS.init,
      TIKTOK_BUCKETS.creatorInfo,
      TIKTOK_BUCKETS.status,
      TIKTOK_BUCKETS.dailyPosts,
    ]);
    expect(h.adapter({ dailyPostsPerCreator: 5 }).capabilities.rateLimits.budgets.at(-1)?.limit).toBe(5);
    // No comment API, no native scheduling, no delete.
    expect(engagement).toEqual({
      read: [],
      reply: false,
      hide: false,
      delete: false,
      like: false,
      search: false,
    });
    expect(nativeScheduling).toBe(false);
    expect(canDelete).toBe(false);
  });

  it('lets the publisher pace a creator’s posts by the init budget: the seventh waits a minute, TikTok never answers 429', async () => {
    const sent: number[] = [];
    const recording: typeof fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/video/init/'))
        sent.push(h.clock.now());
      return fetch(input, init);
    };
    const publisher = createPublisher({
      adapters: [h.adapter({ fetch: recording })],
      tokens: () => staticTokenProvider(acme.accessToken),
      clock: h.adapterClock,
    });
    const target = { platform: 'tiktok', accountId: acme.account.id };
    const statuses: string[] = [];
    for (let n = 1; n <= 8; n += 1) {
      const [outcome] = await publisher.publish(
        { text: `Clip ${n}`, media: [video()], options: publicOptions() },
        [target],
      );
      statuses.push(outcome?.status ?? 'none');
    }
    expect(statuses).toEqual(Array(8).fill('published'));
    expect(tiktok.sim.log.forRoute(ROUTES.videoInit).every((entry) => entry.status === 200)).toBe(true);
    expect(sent).toHaveLength(8);
    expect(sent[0]).toBe(START);
    expect(sent[6]).toBeGreaterThanOrEqual(START + 60_000);
  });
});
