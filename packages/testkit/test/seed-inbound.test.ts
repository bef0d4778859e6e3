import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { bearerToken } from '../src/simulator/platform-dialect.js';
import { PlatformSimulator } from '../src/simulator/platform-simulator.js';
import { seedInbound } from '../src/simulator/seed-inbound.js';
import { manualClock } from '../src/simulator/sim-clock.js';

describe('seedInbound', () => {
  it('has a pool of fans write spaced items, newest at now, each recorded as engagement under its post id', () => {
    const sim = new PlatformSimulator({
      platform: 'seeded',
      baseUrl: 'https://api.seeded.test',
      clock: manualClock(10_000_000),
      dialect: {
        extractToken: bearerToken,
        unauthorized: () => HttpResponse.json({}, { status: 401 }),
        rateLimited: () => HttpResponse.json({}, { status: 429 }),
        serverError: () => HttpResponse.json({}, { status: 500 }),
      },
    });
    const ana = sim.addAccount({ handle: 'ana' });
    const seeded = seedInbound(sim, {
      count: 4,
      author: (handle) => sim.accounts.filter((a) => a.handle === handle)[0] ?? sim.addAccount({ handle }),
      item: (author, index) => ({
        kind: 'mention',
        text: `@ana ${index} from ${author.handle}`,
        addressee: ana.id,
      }),
      store: (author, item, createdAt) => sim.addPost({ accountId: author.id, text: item.text, createdAt }),
    });
    expect(seeded.map((e) => e.authorHandle)).toEqual(['fan_1', 'fan_2', 'fan_3', 'fan_1']);
    expect(seeded.map((e) => e.createdAt)).toEqual([9_820_000, 9_880_000, 9_940_000, 10_000_000]);
    expect(seeded.every((e) => sim.posts.get(e.id)?.text === e.text && e.accountId === ana.id)).toBe(true);
    expect(sim.engagements.size).toBe(4);
  });
});
