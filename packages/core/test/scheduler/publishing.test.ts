import { describe, expect, it, vi } from 'vitest';
import { HOUR, MINUTE, names, START, useWorld } from './support/world.js';

const world = useWorld();

describe('scheduler: publishing on time', () => {
  it('publishes a due entry to every target, not before its time, with one result per target', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule(
      { text: 'Launch in one hour' },
      [world.xTarget, world.mastodonTarget],
      new Date(START + HOUR),
    );
    expect(entry?.status).toBe('scheduled');

    world.time.set(START + HOUR - 1);
    expect((await scheduler.tick()).claimed).toEqual([]);
    expect(world.xPosts()).toEqual([]);

    world.time.set(START + HOUR);
    const { finished } = await scheduler.tick();
    expect(finished.map((e) => [e.id, e.status])).toEqual([[entry?.id, 'published']]);
    expect(world.xPosts().map((p) => [p.text, p.createdAt])).toEqual([['Launch in one hour', START + HOUR]]);
    expect(world.mastodonPosts()).toHaveLength(1);

    const stored = await scheduler.get(entry?.id ?? '');
    expect(stored?.status).toBe('published');
    expect(stored?.results?.map((r) => [r.platform, r.status])).toEqual([
      ['x', 'published'],
      ['mastodon', 'published'],
    ]);
    expect(stored?.results?.[0]?.url).toMatch(/^https:\/\//);
    expect(names(scheduler)).toEqual(['scheduled', 'due', 'published']);
  });

  it('publishes and records the outcome though an app listener throws, reporting it on listener-error', async () => {
    const scheduler = world.scheduler();
    const broken = new Error('the app logger broke');
    scheduler.events.on('due', () => {
      throw broken;
    });
    scheduler.events.on('published', () => {
      throw broken;
    });
    const [entry] = await scheduler.schedule(
      { text: 'Logged by a broken logger' },
      [world.xTarget],
      new Date(START),
    );
    const { finished } = await scheduler.tick();
    expect(finished.map((e) => [e.id, e.status])).toEqual([[entry?.id, 'published']]);
    expect(world.xPosts()).toHaveLength(1);
    expect((await scheduler.get(entry?.id ?? ''))?.status).toBe('published');
    expect(
      scheduler.seen.filter((event) => event.name === 'listener-error').map((event) => event.payload),
    ).toEqual([
      { error: broken, event: 'due' },
      { error: broken, event: 'published' },
    ]);
  });

  it('refuses an entry that lists one account twice, storing nothing', async () => {
    const scheduler = world.scheduler();
    await expect(
      scheduler.schedule(
        { text: 'Feed version' },
        [world.xTarget, { ...world.xTarget, overrides: { text: 'Second version' } }],
        new Date(START + HOUR),
      ),
    ).rejects.toMatchObject({ problems: [{ path: [1], rule: 'target.repeated_account' }] });
    expect(await scheduler.list()).toEqual([]);
  });

  it('takes an ISO instant or a wall time in a zone', async () => {
    const scheduler = world.scheduler();
    const [iso] = await scheduler.schedule({ text: 'ISO' }, [world.xTarget], '2026-11-23T08:00:00+01:00');
    const [local] = await scheduler.schedule({ text: 'Local' }, [world.xTarget], {
      at: '2026-11-23T09:00',
      zone: 'America/New_York',
    });
    expect(iso?.publishAt).toEqual(new Date('2026-11-23T07:00:00Z'));
    expect(iso?.timeZone).toBe('UTC');
    expect(local?.publishAt).toEqual(new Date('2026-11-23T14:00:00Z'));
    expect(local?.timeZone).toBe('America/New_York');
  });

  it('refuses a time without an offset, naming what to give instead', async () => {
    const scheduler = world.scheduler();
    await expect(scheduler.schedule({ text: 'x' }, [world.xTarget], '2026-11-23T09:00')).rejects.toThrow(
      /ISO 8601 instant with Z or an offset .* for a wall time give \{ at, zone \}/,
    );
    expect(await scheduler.list()).toEqual([]);
  });

  it('records a target the platform refused as failed, with its code, and the others as published', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule(
      { text: 'Refused by X: its token expired' },
      [world.xTarget, world.mastodonTarget],
      new Date(START),
    );
    world.x.sim.faults.inject({ kind: 'expired_token', route: 'POST /2/tweets' });
    const [done] = (await scheduler.tick()).finished;
    expect(done?.status).toBe('failed');
    expect(done?.results?.map((r) => [r.platform, r.status, r.error?.code])).toEqual([
      ['x', 'failed', 'auth_expired'],
      ['mastodon', 'published', undefined],
    ]);
    expect(done?.error?.message).toMatch(/^1 of 2 targets failed: x /);
    expect(entry?.id).toBe(done?.id);
    expect(names(scheduler).at(-1)).toBe('failed');
  });

  it('runs on its own once started, and stops', async () => {
    const scheduler = world.scheduler({ pollIntervalMs: 15_000 });
    const [entry] = await scheduler.schedule(
      { text: 'From the loop' },
      [world.xTarget],
      new Date(START + 10 * MINUTE),
    );
    scheduler.start();
    await vi.waitFor(async () => expect((await scheduler.get(entry?.id ?? ''))?.status).toBe('published'), {
      timeout: 5_000,
    });
    await scheduler.stop();
    const [post] = world.xPosts();
    // Not before its time, and within one poll interval of it.
    expect(post?.createdAt).toBeGreaterThanOrEqual(START + 10 * MINUTE);
    expect(post?.createdAt).toBeLessThanOrEqual(START + 10 * MINUTE + 15_000);
  });

  it('never publishes an entry twice when two schedulers share one store', async () => {
    const one = world.scheduler({ workerId: 'one', batchSize: 4 });
    const two = world.scheduler({ workerId: 'two', batchSize: 4 });
    const ids: string[] = [];
    for (let n = 0; n < 12; n += 1) {
      const [entry] = await one.schedule(
        { text: `Post number ${n}` },
        [world.xTarget, world.mastodonTarget],
        new Date(START + n * 1000),
      );
      ids.push(entry?.id ?? '');
    }
    world.time.set(START + MINUTE);
    const rounds = await Promise.all([
      one.tick(),
      two.tick(),
      one.tick(),
      two.tick(),
      one.tick(),
      two.tick(),
    ]);
    const claimed = rounds.flatMap((round) => round.claimed.map((e) => e.id));
    expect([...claimed].sort()).toEqual([...ids].sort());
    expect(
      world
        .xPosts()
        .map((p) => p.text)
        .sort(),
    ).toEqual(ids.map((_, n) => `Post number ${n}`).sort());
    expect(world.mastodonPosts()).toHaveLength(12);
    const entries = await one.list();
    expect(entries.every((e) => e.status === 'published' && e.attempts === 1)).toBe(true);
  });
});
