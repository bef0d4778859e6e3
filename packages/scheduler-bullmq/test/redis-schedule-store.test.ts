import { parseScheduleEntry, type ScheduleEntry, ValidationError } from '@smmkit/core';
import type { ScheduleStore } from '@smmkit/core/scheduler';
import { describeScheduleStore } from '@smmkit/testkit/conformance';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { redisScheduleStore } from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';

const filePrefix = testPrefix();
beforeEach(requireRedis);
afterAll(() => dropKeys(filePrefix));

// Each store gets a prefix of its own; a second handle is a second connection on that prefix.
let stores = 0;
const prefixOf = new WeakMap<ScheduleStore, string>();
const newStore = (): ScheduleStore => {
  stores += 1;
  const prefix = `${filePrefix}${stores}:`;
  const store = redisScheduleStore({ connection: REDIS_URL, prefix });
  prefixOf.set(store, prefix);
  return store;
};

describeScheduleStore('redisScheduleStore', newStore, {
  connectAgain: (store) => {
    const prefix = prefixOf.get(store);
    if (prefix === undefined) throw new Error('not a store this test opened');
    return redisScheduleStore({ connection: REDIS_URL, prefix });
  },
  targetClaims: true,
  slotClaims: true,
});

const entry = (id: string, fields: Readonly<Record<string, unknown>> = {}): ScheduleEntry =>
  parseScheduleEntry({
    id,
    post: { text: `Post ${id}` },
    targets: [{ platform: 'x', accountId: '2244994945' }],
    publishAt: '2026-05-01T07:00:00Z',
    timeZone: 'Europe/Berlin',
    status: 'scheduled',
    ...fields,
  });
const now = new Date('2026-05-01T07:00:00Z');

describe('redisScheduleStore: Redis', () => {
  it('keeps its keys under the prefix, and leaves a client the app passed open', async () => {
    const redis = new Redis(REDIS_URL);
    const prefix = `${filePrefix}layout:`;
    const store = redisScheduleStore({ connection: redis, prefix });
    await store.add([entry('one')]);
    await store.begin({ key: 'one:x:2244994945', platform: 'x', accountId: '2244994945', startedAt: now });

    const keys = (await redis.keys(`${prefix}*`)).sort();
    expect(keys).toEqual(
      [
        'account:["x","2244994945"]',
        'entries',
        'entry:one',
        'outbox-unresolved',
        'outbox:one:x:2244994945',
        'status:scheduled',
      ].map((key) => `${prefix}${key}`),
    );
    await store.close();
    await expect(redis.ping()).resolves.toBe('PONG');
    await redis.quit();
  });

  it('refuses media held as bytes or a stream, saying which source to use, and stores nothing of the call', async () => {
    const store = newStore();
    const withBytes = entry('bytes', {
      post: {
        text: 'A photo',
        media: [
          { kind: 'image', mimeType: 'image/png', source: { type: 'bytes', bytes: new Uint8Array([1, 2]) } },
        ],
      },
    });
    const error = await store.add([entry('fine'), withBytes]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      expect.objectContaining({
        rule: 'schedule.media_source',
        path: ['post', 'media', 0, 'source', 'bytes'],
      }),
    ]);
    await expect(store.get('fine')).resolves.toBeUndefined();
    await store.close?.();
  });

  it('of eight connections claiming 200 due entries at once, each entry goes to exactly one claim', async () => {
    const prefix = `${filePrefix}race:`;
    const workers = Array.from({ length: 8 }, () => redisScheduleStore({ connection: REDIS_URL, prefix }));
    const ids = Array.from({ length: 200 }, (_, index) => `entry-${String(index).padStart(3, '0')}`);
    await workers[0]?.add(ids.map((id) => entry(id)));
    const claims = await Promise.all(
      workers.map((store, index) =>
        store.claimDue({ now, limit: 40, worker: `worker-${index}`, leaseMs: 60_000 }),
      ),
    );
    const claimed = claims.flat().map((claim) => claim.entry.id);
    expect(claimed).toHaveLength(200);
    expect(new Set(claimed).size).toBe(200);
    await Promise.all(workers.map((store) => store.close()));
  });

  it('never overwrites a write that came between reading an entry and writing it back', async () => {
    const prefix = `${filePrefix}edits:`;
    const other = redisScheduleStore({ connection: REDIS_URL, prefix });
    await other.add([entry('edited')]);
    // A client whose first read of the entry lets another worker change it before the read returns.
    const redis = new Redis(REDIS_URL);
    const read = redis.hgetall.bind(redis);
    let interfered = false;
    redis.hgetall = (async (key: string) => {
      const hash = await read(key);
      if (!interfered) {
        interfered = true;
        await other.transition('edited', ['scheduled'], { timeZone: 'America/New_York' }, now);
      }
      return hash;
    }) as typeof redis.hgetall;
    const store = redisScheduleStore({ connection: redis, prefix });

    const updated = await store.transition('edited', ['scheduled'], { attempts: 3 }, now);
    expect(interfered).toBe(true);
    expect(updated).toMatchObject({ attempts: 3, timeZone: 'America/New_York' });
    await expect(other.get('edited')).resolves.toMatchObject({ attempts: 3, timeZone: 'America/New_York' });
    await Promise.all([store.close(), other.close()]);
    await redis.quit();
  });
});
