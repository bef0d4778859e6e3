import { describe, expect, it } from 'vitest';
import { sqliteScheduleStore } from '../../src/sqlite/sqlite-schedule-store.js';
import { HOUR, names, START, useWorld } from './support/world.js';

const world = useWorld();

describe('scheduler.publishTarget: one target of one occurrence at a time', () => {
  it('publishes each target from its own worker; the last one settles the entry', async () => {
    const one = world.scheduler({ workerId: 'worker-1' });
    const two = world.scheduler({ workerId: 'worker-2' });
    const [entry] = await one.schedule(
      { text: 'Two targets, two workers' },
      [world.xTarget, world.mastodonTarget],
      new Date(START + HOUR),
    );
    if (entry === undefined) throw new Error('nothing scheduled');
    const job = (target: typeof world.xTarget) => ({ entryId: entry.id, publishAt: entry.publishAt, target });

    await expect(one.publishTarget(job(world.xTarget))).resolves.toEqual({ outcome: 'early' });
    world.time.set(START + HOUR);
    const [onX, onMastodon] = await Promise.all([
      one.publishTarget(job(world.xTarget)),
      two.publishTarget(job(world.mastodonTarget)),
    ]);
    expect([onX?.outcome, onMastodon?.outcome]).toEqual(['published', 'published']);
    const finished = onX?.finished ?? onMastodon?.finished;
    expect([onX?.finished, onMastodon?.finished].filter(Boolean)).toHaveLength(1);
    expect(finished).toMatchObject({ status: 'published', attempts: 1 });
    expect(finished?.results?.map((r) => [r.platform, r.status])).toEqual([
      ['x', 'published'],
      ['mastodon', 'published'],
    ]);
    await expect(one.get(entry.id)).resolves.toEqual(finished);
    expect(world.xPosts().map((p) => p.text)).toEqual(['Two targets, two workers']);
    expect(world.mastodonPosts()).toHaveLength(1);
    // The worker that started the entry announced it; the one that settled it, its outcome.
    expect([...names(one), ...names(two)].filter((name) => name === 'due')).toHaveLength(1);
    expect([...names(one), ...names(two)].filter((name) => name === 'published')).toHaveLength(1);

    // Run again (a retried job): nothing is sent twice.
    await expect(two.publishTarget(job(world.xTarget))).resolves.toEqual({ outcome: 'settled' });
    expect(world.xPosts()).toHaveLength(1);
  });

  it("leaves target jobs in flight out of a round's room, so a sweep still claims what is due", async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // X's create waits at the gate: the target job stays in flight while the round runs.
    const held: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST' && new URL(request.url).pathname === '/2/tweets') await gate;
      return world.clock.fetch(request);
    };
    const scheduler = world.scheduler({ batchSize: 1, fetch: held });
    const [orphan] = await scheduler.schedule(
      { text: 'No job carries me' },
      [world.mastodonTarget],
      new Date(START + HOUR),
    );
    const [carried] = await scheduler.schedule(
      { text: 'A job carries me' },
      [world.xTarget],
      new Date(START + HOUR + 1),
    );
    if (orphan === undefined || carried === undefined) throw new Error('nothing scheduled');
    world.time.set(START + HOUR + 1);
    const job = scheduler.publishTarget({
      entryId: carried.id,
      publishAt: carried.publishAt,
      target: world.xTarget,
    });
    const { finished } = await scheduler.tick();
    expect(finished.map((entry) => [entry.id, entry.status])).toEqual([[orphan.id, 'published']]);
    release();
    await expect(job).resolves.toMatchObject({ outcome: 'published' });
    expect(world.xPosts().map((post) => post.text)).toEqual(['A job carries me']);
  });

  it('refuses a job planned for a time the entry no longer has', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule({ text: 'Moved' }, [world.xTarget], new Date(START + HOUR));
    if (entry === undefined) throw new Error('nothing scheduled');
    await scheduler.reschedule(entry.id, new Date(START + 2 * HOUR));
    world.time.set(START + 2 * HOUR);
    await expect(
      scheduler.publishTarget({ entryId: entry.id, publishAt: entry.publishAt, target: world.xTarget }),
    ).resolves.toEqual({ outcome: 'stale' });
    expect(world.xPosts()).toEqual([]);
  });

  it('does not bring back a cancelled series when a later target is claimed after the next occurrence’s time', async () => {
    const scheduler = world.scheduler();
    const hourly = { rrule: 'FREQ=DAILY;BYHOUR=13,14,15,16', start: { at: '2026-11-22T13:00', zone: 'UTC' } };
    const [entry] = await scheduler.schedule(
      { text: 'Hourly tip' },
      [world.xTarget, world.mastodonTarget],
      hourly,
    );
    if (entry === undefined) throw new Error('nothing scheduled');
    const job = (target: typeof world.xTarget) => ({ entryId: entry.id, publishAt: entry.publishAt, target });
    world.time.set(START + HOUR);
    await scheduler.publishTarget(job(world.xTarget));
    const [next] = await scheduler.list({ statuses: ['scheduled'] });
    await scheduler.cancel(next?.id ?? '', { series: true });
    world.time.set(START + 2.5 * HOUR);
    await scheduler.publishTarget(job(world.mastodonTarget));
    expect(await scheduler.list({ statuses: ['scheduled'] })).toEqual([]);
  });

  it('adds the next occurrence of a series when its first target is claimed', async () => {
    const scheduler = world.scheduler();
    const [first] = await scheduler.schedule({ text: 'Daily' }, [world.xTarget, world.mastodonTarget], {
      rrule: 'FREQ=DAILY',
      start: { at: '2026-11-22T13:00', zone: 'UTC' },
    });
    if (first === undefined) throw new Error('nothing scheduled');
    world.time.set(first.publishAt.getTime());
    const run = await scheduler.publishTarget({
      entryId: first.id,
      publishAt: first.publishAt,
      target: world.xTarget,
    });
    expect(run.outcome).toBe('published');
    const series = await scheduler.list({ seriesId: first.id });
    expect(series.map((e) => [e.publishAt.toISOString(), e.status])).toEqual([
      ['2026-11-23T13:00:00.000Z', 'scheduled'],
    ]);
    await expect(scheduler.get(first.id)).resolves.toMatchObject({ status: 'publishing' });
  });

  it('fails an entry still awaiting approval at its time, as a round would', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule(
      { text: 'Unapproved' },
      [world.xTarget],
      new Date(START + HOUR),
      {
        approval: 'required',
      },
    );
    if (entry === undefined) throw new Error('nothing scheduled');
    world.time.set(START + HOUR);
    await expect(
      scheduler.publishTarget({ entryId: entry.id, publishAt: entry.publishAt, target: world.xTarget }),
    ).resolves.toEqual({ outcome: 'waiting' });
    await expect(scheduler.get(entry.id)).resolves.toMatchObject({
      status: 'failed',
      error: { code: 'not_approved' },
    });
    expect(world.xPosts()).toEqual([]);
  });

  it('says so when the store claims whole entries only (SQLite)', async () => {
    const store = sqliteScheduleStore(':memory:');
    const scheduler = world.scheduler({ store });
    await expect(
      scheduler.publishTarget({ entryId: 'any', publishAt: new Date(START), target: world.xTarget }),
    ).rejects.toThrow(/store that claims target by target/);
    await store.close();
  });
});
