import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStore } from '@smmkit/core/sqlite';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type AppStorage, loopScenario } from '../../core/test/app/loop-scenario.js';
import { HOUR, START, useAppWorld } from '../../core/test/app/support.js';
import { redisStore } from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';

const filePrefix = testPrefix();
beforeEach(requireRedis);
afterAll(() => dropKeys(filePrefix));
const dir = mkdtempSync(join(tmpdir(), 'smmkit-redis-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How a test gets its storage: `open()` again is the same storage, as a restarted process sees it. */
let storages = 0;
const kinds: { readonly name: string; readonly storage: () => AppStorage }[] = [
  {
    name: 'sqliteStore(file)',
    storage: () => {
      storages += 1;
      const file = join(dir, `app-${storages}.db`);
      return { open: () => sqliteStore(file) };
    },
  },
  {
    name: 'redisStore({ connection })',
    storage: () => {
      storages += 1;
      const prefix = `${filePrefix}${storages}:`;
      return { open: () => redisStore({ connection: REDIS_URL, prefix }) };
    },
  },
];

const world = useAppWorld();
const { x } = world;
const scenario = loopScenario(world);

describe.each(kinds)('createSmmkit on $name', ({ storage }) => {
  it('runs the loop: connect, publish, schedule, poll the inbox, collect metrics, report', () =>
    scenario.runLoop(storage()));

  it('keeps accounts, tokens, the schedule and the inbox across a restart', () =>
    scenario.runRestart(storage()));
});

describe('createSmmkit on redisStore in two processes', () => {
  it('publishes an entry one of them scheduled once, and both refuse an account one found revoked', async () => {
    const prefix = `${filePrefix}two:`;
    const { brandX, xTokens, xUser } = scenario.onboard();
    const setup = await world.smmkit(redisStore({ connection: REDIS_URL, prefix }));
    await setup.accounts.connect(brandX, xTokens);
    await setup.shutdown();
    const [one, two] = await Promise.all([
      world.smmkit(redisStore({ connection: REDIS_URL, prefix })),
      world.smmkit(redisStore({ connection: REDIS_URL, prefix })),
    ]);

    await one.schedule({ text: 'Once' }, { to: ['brand-x'], at: new Date(START + HOUR) });
    world.time.set(START + HOUR);
    const rounds = await Promise.all([one.scheduler.tick(), two.scheduler.tick(), one.scheduler.tick()]);
    expect(rounds.flatMap((round) => round.finished.map((finished) => finished.status))).toEqual([
      'published',
    ]);
    expect(
      x.sim.posts.filter((post) => post.accountId === xUser.account.id).map((post) => post.text),
    ).toEqual(['Once']);

    x.sim.tokens.revoke({ accountId: xUser.account.id });
    const [refused] = await one.publish({ text: 'Anyone there?' }, { to: ['brand-x'] });
    expect(refused?.status).toBe('failed');
    expect((await two.accounts.get('brand-x'))?.status.state).toBe('needs_reauthorization');
    const sent = x.sim.log.entries.length;
    const [upFront] = await two.publish({ text: 'Still there?' }, { to: ['brand-x'] });
    expect(upFront?.status === 'failed' ? upFront.error.message : '').toMatch(
      /"brand-x" needs re-authorization/,
    );
    expect(x.sim.log.entries.length).toBe(sent);
    await Promise.all([one.shutdown(), two.shutdown()]);
  });
});

describe('redisStore', () => {
  it('keeps the registry, tokens, schedule, published posts and budgets under the prefix', async () => {
    const prefix = `${filePrefix}layout:`;
    const { brandX, xTokens } = scenario.onboard();
    const smm = await world.smmkit(redisStore({ connection: REDIS_URL, prefix }));
    await smm.accounts.connect(brandX, xTokens);
    await smm.publish({ text: 'Hello from Redis' }, { to: ['brand-x'] });
    await smm.schedule(
      { text: 'Later' },
      { to: ['brand-x'], at: new Date(Date.parse('2026-11-30T12:00:00Z')) },
    );
    await smm.shutdown();

    const redis = new Redis(REDIS_URL);
    const keys = (await redis.keys(`${prefix}*`)).map((key) => key.slice(prefix.length));
    await redis.quit();
    expect(keys).toEqual(expect.arrayContaining(['accounts', 'tokens:brand-x', 'entries', 'metrics:posts']));
    expect(keys.some((key) => key.startsWith('budget:'))).toBe(true);
  });

  it('leaves a client the app passed open', async () => {
    const redis = new Redis(REDIS_URL);
    const store = redisStore({ connection: redis, prefix: `${filePrefix}client:` });
    await store.close();
    await expect(redis.ping()).resolves.toBe('PONG');
    await redis.quit();
  });
});
