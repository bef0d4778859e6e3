import { randomUUID } from 'node:crypto';
import { parseScheduleEntry, type ScheduleEntry, ValidationError } from '@smmkit/core';
import type { ScheduleStore } from '@smmkit/core/scheduler';
import { describeScheduleStore } from '@smmkit/testkit/conformance';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
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

describe('redisScheduleStore: entries whose stored form cannot be read', () => {
  const lease = { worker: 'w1', leaseMs: 60_000 };
  const due = new Date('2026-05-01T07:01:00Z');

  /** A store with four due entries, two of them damaged in Redis as a hand edit or another version would. */
  async function withDamage() {
    const prefix = `${filePrefix}damaged-${randomUUID()}:`;
    const store = redisScheduleStore({ connection: REDIS_URL, prefix });
    const redis = new Redis(REDIS_URL);
    await store.add([
      entry('a-no-targets', { publishAt: '2026-05-01T07:00:00Z' }),
      entry('b-healthy', { publishAt: '2026-05-01T07:00:01Z' }),
      entry('c-not-json', { publishAt: '2026-05-01T07:00:02Z' }),
      entry('d-healthy', { publishAt: '2026-05-01T07:00:03Z' }),
    ]);
    const body = JSON.parse((await redis.hget(`${prefix}entry:a-no-targets`, 'body')) ?? '{}');
    delete body.targets;
    await redis.hset(`${prefix}entry:a-no-targets`, 'body', JSON.stringify(body));
    await redis.hset(`${prefix}entry:c-not-json`, 'body', '{"id": "c-not-json", "post": ');
    const close = async () => {
      await store.close();
      await redis.quit();
    };
    return { prefix, store, redis, close };
  }

  it('claims the healthy entries around damaged ones, and sets those aside as failed instead of claiming them every round', async () => {
    const { prefix, store, redis, close } = await withDamage();
    const warnings = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const first = await store.claimDue({ now: due, limit: 10, ...lease });
      expect(first.map((claim) => claim.entry.id)).toEqual(['b-healthy', 'd-healthy']);
      for (const id of ['a-no-targets', 'c-not-json']) {
        const hash = await redis.hgetall(`${prefix}entry:${id}`);
        expect(hash).toMatchObject({ status: 'failed' });
        expect(hash.lease_holder).toBeUndefined();
        expect(hash.damage).toContain('Invalid');
      }
      await expect(redis.zrange(`${prefix}status:failed`, 0, -1)).resolves.toEqual([
        'a-no-targets',
        'c-not-json',
      ]);
      await expect(redis.zrange(`${prefix}status:publishing`, 0, -1)).resolves.toEqual([
        'b-healthy',
        'd-healthy',
      ]);
      expect(warnings).toHaveBeenCalledWith(
        expect.stringContaining('"c-not-json"'),
        expect.objectContaining({ code: 'SMMKIT_DAMAGED_ENTRY' }),
      );

      // Once the leases ran out, the healthy ones are recovered; the damaged ones stay aside.
      const later = new Date(due.getTime() + 2 * lease.leaseMs);
      const second = await store.claimDue({ now: later, limit: 10, ...lease, worker: 'w2' });
      expect(second.map((claim) => [claim.entry.id, claim.recovered])).toEqual([
        ['b-healthy', true],
        ['d-healthy', true],
      ]);
    } finally {
      warnings.mockRestore();
      await close();
    }
  });

  it('lists the others, leaving a damaged entry out with a warning, and get throws a ValidationError for it', async () => {
    const { store, close } = await withDamage();
    const warnings = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      await expect(store.list()).resolves.toEqual([
        expect.objectContaining({ id: 'b-healthy' }),
        expect.objectContaining({ id: 'd-healthy' }),
      ]);
      expect(warnings.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringContaining('"a-no-targets" cannot be read'),
        expect.stringContaining('"c-not-json" cannot be read'),
      ]);
      const error = await store.get('c-not-json').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems).toEqual([
        expect.objectContaining({ path: ['body'], rule: 'schedule.stored_json' }),
      ]);
    } finally {
      warnings.mockRestore();
      await close();
    }
  });

  it('answers a target claim on a damaged entry as settled and sets the entry aside, whether Lua or only the schema cannot read it', async () => {
    const { prefix, store, redis, close } = await withDamage();
    // Its targets are fine (the claim script reads them), its post is gone (the schema refuses it).
    await store.add([entry('e-no-post')]);
    const body = JSON.parse((await redis.hget(`${prefix}entry:e-no-post`, 'body')) ?? '{}');
    delete body.post;
    await redis.hset(`${prefix}entry:e-no-post`, 'body', JSON.stringify(body));
    const warnings = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const target = { platform: 'x', accountId: '2244994945' };
      for (const [id, publishAt] of [
        ['a-no-targets', '2026-05-01T07:00:00Z'],
        ['c-not-json', '2026-05-01T07:00:02Z'],
        ['e-no-post', '2026-05-01T07:00:00Z'],
      ] as const) {
        const claim = await store.claimTarget({
          entryId: id,
          publishAt: new Date(publishAt),
          target,
          now: due,
          ...lease,
        });
        expect(claim).toEqual({ refused: 'settled' });
        await expect(redis.hget(`${prefix}entry:${id}`, 'status')).resolves.toBe('failed');
        // Its job run again later (a retry, another worker) finds it ended.
        const again = await store.claimTarget({
          entryId: id,
          publishAt: new Date(publishAt),
          target,
          now: due,
          ...lease,
          worker: 'w2',
        });
        expect(again).toEqual({ refused: 'settled' });
      }
      await expect(redis.exists(`${prefix}targets:e-no-post`)).resolves.toBe(0);
      await expect(redis.zrange(`${prefix}status:publishing`, 0, -1)).resolves.toEqual([]);
    } finally {
      warnings.mockRestore();
      await close();
    }
  });
});

describe('redisScheduleStore: text with a lone UTF-16 surrogate', () => {
  // Text cut inside an emoji: JSON.stringify keeps the half as `\ud83d`, which Lua's cjson refuses.
  const text = 'Launch day 🚀🚀'.slice(0, 12);
  const x = { platform: 'x', accountId: '2244994945' };
  const mastodon = { platform: 'mastodon', accountId: '109' };

  it('claims and settles its targets one by one, and keeps the text as it was', async () => {
    const store = redisScheduleStore({ connection: REDIS_URL, prefix: `${filePrefix}surrogate:` });
    await store.add([entry('cut', { post: { text }, targets: [x, mastodon] })]);
    const publishAt = new Date('2026-05-01T07:00:00Z');
    const at = new Date('2026-05-01T07:00:01Z');
    for (const [worker, target] of [
      ['w1', x],
      ['w2', mastodon],
    ] as const) {
      const claim = await store.claimTarget({
        entryId: 'cut',
        publishAt,
        target,
        now: at,
        worker,
        leaseMs: 60_000,
      });
      if (!('claimed' in claim)) throw new Error(`not claimed: ${JSON.stringify(claim)}`);
      expect(claim.claimed.entry.post.text).toBe(text);
    }
    await store.settleTarget({
      entryId: 'cut',
      target: x,
      worker: 'w1',
      result: { ...x, status: 'published' },
      at,
      leaseMs: 60_000,
    });
    const settled = await store.settleTarget({
      entryId: 'cut',
      target: mastodon,
      worker: 'w2',
      result: { ...mastodon, status: 'published' },
      at,
      leaseMs: 60_000,
    });
    expect(settled.finished).toMatchObject({ status: 'published', post: { text } });
    await store.close();
  });

  it('claims the targets of such an entry stored before its target keys were kept beside its JSON', async () => {
    const prefix = `${filePrefix}surrogate-old:`;
    const store = redisScheduleStore({ connection: REDIS_URL, prefix });
    const redis = new Redis(REDIS_URL);
    await store.add([entry('old', { post: { text }, targets: [x] })]);
    await redis.hdel(`${prefix}entry:old`, 'target_keys'); // as an earlier version wrote it
    const claim = await store.claimTarget({
      entryId: 'old',
      publishAt: new Date('2026-05-01T07:00:00Z'),
      target: x,
      now: new Date('2026-05-01T07:00:01Z'),
      worker: 'w1',
      leaseMs: 60_000,
    });
    expect(claim).toMatchObject({ claimed: { entry: { id: 'old', post: { text } }, first: true } });
    await store.close();
    await redis.quit();
  });
});
