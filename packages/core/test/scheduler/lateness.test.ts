import { describe, expect, it, vi } from 'vitest';
import { claimsTargets } from '../../src/scheduler/target-claims.js';
import { doomedWorker, type KillPoint } from './support/crash.js';
import { HOUR, MINUTE, names, START, useWorld } from './support/world.js';
import { catchValidation } from './time/catch-validation.js';

const world = useWorld();

const createsTweet = (method: string, url: URL) => method === 'POST' && url.pathname === '/2/tweets';

/** An entry for X due at START, claimed by a worker that dies at `kill`, with the lease it held. */
async function workerDiesMidPublish(text: string, kill: KillPoint): Promise<void> {
  const [entry] = await world.scheduler().schedule({ text }, [world.xTarget], new Date(START));
  if (entry === undefined) throw new Error('nothing scheduled');
  const doomed = doomedWorker(world.store(), world.clock, kill);
  void world
    .scheduler({
      store: doomed.store,
      fetch: doomed.fetch,
      clock: doomed.clock,
      workerId: 'doomed',
      leaseMs: MINUTE,
    })
    .tick();
  await vi.waitFor(() => expect(doomed.dead()).toBe(true), { timeout: 5_000 });
}

describe('scheduler: maxLatenessMs', () => {
  it('does not publish an entry reached later than the limit: every target fails with missed, saying what to do', async () => {
    const scheduler = world.scheduler({ maxLatenessMs: 2 * HOUR });
    const [entry] = await scheduler.schedule(
      { text: 'Happy Monday' },
      [world.xTarget, world.mastodonTarget],
      new Date(START + HOUR),
    );

    // No worker ran until three hours after the entry's time.
    world.time.set(START + 4 * HOUR);
    const { finished } = await scheduler.tick();

    expect(finished.map((e) => [e.id, e.status])).toEqual([[entry?.id, 'failed']]);
    expect(finished[0]?.results?.map((r) => [r.platform, r.status, r.error?.code])).toEqual([
      ['x', 'failed', 'missed'],
      ['mastodon', 'failed', 'missed'],
    ]);
    expect(finished[0]?.error?.code).toBe('missed');
    expect(finished[0]?.error?.message).toContain(
      "it was due at 2026-11-22T13:00:00.000Z and no worker reached it until 2026-11-22T16:00:00.000Z, 3 h late, past the scheduler's maxLatenessMs of 2 h",
    );
    expect(finished[0]?.error?.message).toMatch(/Reschedule it/);
    expect(world.xPosts()).toEqual([]);
    expect(world.mastodonPosts()).toEqual([]);
    expect(names(scheduler)).toEqual(['scheduled', 'due', 'failed']);
  });

  it('publishes an entry reached within the limit, and any entry however late without one', async () => {
    const strict = world.scheduler({ maxLatenessMs: 2 * HOUR });
    await strict.schedule({ text: 'Two hours late, still in time' }, [world.xTarget], new Date(START));
    world.time.set(START + 2 * HOUR);
    expect((await strict.tick()).finished.map((e) => e.status)).toEqual(['published']);

    const lenient = world.scheduler();
    await lenient.schedule({ text: 'Three days late' }, [world.xTarget], new Date(START + 3 * HOUR));
    world.time.set(START + 3 * HOUR + 3 * 24 * HOUR);
    expect((await lenient.tick()).finished.map((e) => e.status)).toEqual(['published']);
    expect(world.xPosts().map((p) => p.text)).toEqual(['Two hours late, still in time', 'Three days late']);
  });

  it('goes on with a series after a missed occurrence, and sends a missed entry once it is rescheduled', async () => {
    const scheduler = world.scheduler({ maxLatenessMs: 30 * MINUTE });
    const [first] = await scheduler.schedule({ text: 'Daily tip' }, [world.xTarget], {
      rrule: 'FREQ=DAILY',
      start: { at: '2026-11-22T13:00', zone: 'UTC' },
    });
    if (first === undefined) throw new Error('nothing scheduled');

    world.time.set(START + 5 * HOUR);
    const [missed] = (await scheduler.tick()).finished;
    expect(missed?.error?.code).toBe('missed');
    const next = (await scheduler.list({ statuses: ['scheduled'] })).map((e) => e.publishAt.toISOString());
    expect(next).toEqual(['2026-11-23T13:00:00.000Z']);

    const moved = await scheduler.reschedule(first.id, new Date(START + 6 * HOUR));
    expect([moved.status, moved.error]).toEqual(['scheduled', undefined]);
    world.time.set(START + 6 * HOUR);
    expect((await scheduler.tick()).finished.map((e) => [e.id, e.status])).toEqual([[first.id, 'published']]);
    expect(world.xPosts().map((p) => p.text)).toEqual(['Daily tip']);
  });

  it('applies to per-target jobs: a job run past the limit fails its target without sending it', async () => {
    const scheduler = world.scheduler({ maxLatenessMs: HOUR });
    const [entry] = await scheduler.schedule({ text: 'Per target' }, [world.xTarget], new Date(START));
    if (entry === undefined) throw new Error('nothing scheduled');

    world.time.set(START + 2 * HOUR);
    const run = await scheduler.publishTarget({
      entryId: entry.id,
      publishAt: entry.publishAt,
      target: world.xTarget,
    });

    expect(run.outcome).toBe('failed');
    expect(run.result?.error?.code).toBe('missed');
    expect(run.finished?.status).toBe('failed');
    expect(world.xPosts()).toEqual([]);
  });

  it('finishes an entry taken over from a dead worker whatever the hour: it was started in time', async () => {
    await workerDiesMidPublish('Started in time', { afterRequest: createsTweet });

    // The rescuer comes up a day later, with a limit far shorter than that.
    world.time.set(START + 24 * HOUR);
    const rescuer = world.scheduler({ workerId: 'rescuer', maxLatenessMs: MINUTE, leaseMs: MINUTE });
    const { finished } = await rescuer.tick();

    expect(finished.map((e) => e.status)).toEqual(['published']);
    expect(names(rescuer)).toEqual(['due', 'recovered', 'published']);
    expect(world.xPosts().map((p) => p.text)).toEqual(['Started in time']);
  });

  it('does not publish late a target a dead worker claimed but never started', async () => {
    await workerDiesMidPublish('Happy Monday', { afterStoreCall: 'claimDue' });

    world.time.set(START + 24 * HOUR);
    const rescuer = world.scheduler({ workerId: 'rescuer', maxLatenessMs: MINUTE, leaseMs: MINUTE });
    const { finished } = await rescuer.tick();

    expect(finished.map((e) => [e.status, e.error?.code])).toEqual([['failed', 'missed']]);
    expect(world.xPosts()).toEqual([]);
  });

  it('finishes a started target through the outbox when the outbox cannot be read at once', async () => {
    await workerDiesMidPublish('Started in time', { afterRequest: createsTweet });

    const store = world.store();
    let failures = 1;
    const flaky = new Proxy(store, {
      get(target, name, receiver) {
        if (name === 'record' && failures > 0) {
          failures -= 1;
          return async () => {
            throw new Error('database is locked');
          };
        }
        const value: unknown = Reflect.get(target, name, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    world.time.set(START + 24 * HOUR);
    const rescuer = world.scheduler({
      store: flaky,
      workerId: 'rescuer',
      maxLatenessMs: MINUTE,
      leaseMs: MINUTE,
    });
    const { finished } = await rescuer.tick();
    expect(finished.map((e) => e.status)).toEqual(['published']);
    expect(world.xPosts()).toHaveLength(1);
  });

  it('does not publish late a taken-over target whose create surely failed', async () => {
    const scheduler = world.scheduler({ maxLatenessMs: HOUR, leaseMs: MINUTE });
    const [entry] = await scheduler.schedule({ text: 'Happy Monday' }, [world.xTarget], new Date(START));
    if (entry === undefined) throw new Error('nothing scheduled');
    const store = world.store();
    const key = `${entry.id}:x:${world.xTarget.accountId}`;
    // A worker claimed it on time, its create failed for sure, and it died before writing the entry.
    expect(
      (await store.claimDue({ now: new Date(START), limit: 1, worker: 'dead', leaseMs: MINUTE })).length,
    ).toBe(1);
    await store.begin({ key, platform: 'x', accountId: world.xTarget.accountId, startedAt: new Date(START) });
    await store.settle(key, {
      status: 'failed',
      error: { code: 'transient', message: 'X answered 503' },
      settledAt: new Date(START),
    });

    world.time.set(START + 4 * HOUR);
    const { finished } = await scheduler.tick();
    expect(finished.map((e) => [e.status, e.error?.code])).toEqual([['failed', 'missed']]);
    expect(world.xPosts()).toEqual([]);
  });

  it('does not publish a target settled missed when the entry is then taken over whole', async () => {
    const scheduler = world.scheduler({ maxLatenessMs: HOUR, leaseMs: MINUTE });
    const [entry] = await scheduler.schedule(
      { text: 'Happy Monday' },
      [world.xTarget, world.mastodonTarget],
      new Date(START + HOUR),
    );
    if (entry === undefined) throw new Error('nothing scheduled');
    // Mastodon's job claims its target on time, and its worker dies before it starts.
    const store = world.store();
    if (!claimsTargets(store)) throw new Error('the memory store claims targets');
    world.time.set(START + HOUR);
    const job = {
      entryId: entry.id,
      publishAt: entry.publishAt,
      now: new Date(START + HOUR),
      leaseMs: MINUTE,
    };
    expect(
      'claimed' in (await store.claimTarget({ ...job, target: world.mastodonTarget, worker: 'dead' })),
    ).toBe(true);
    // X's job comes three hours late: missed.
    world.time.set(START + 4 * HOUR);
    const x = await scheduler.publishTarget({ ...job, target: world.xTarget });
    expect(x.result?.error?.code).toBe('missed');
    // A round takes the whole entry over once the leases ran out.
    world.time.set(START + 5 * HOUR);
    const { finished } = await scheduler.tick();
    expect(finished[0]?.results?.map((r) => [r.platform, r.status, r.error?.code])).toEqual([
      ['x', 'failed', 'missed'],
      ['mastodon', 'failed', 'missed'],
    ]);
    expect(world.xPosts()).toEqual([]);
    expect(world.mastodonPosts()).toEqual([]);
  });

  it.each([0, -1, Number.NaN])('refuses maxLatenessMs %s when the scheduler is made', (maxLatenessMs) => {
    const error = catchValidation(() => world.scheduler({ maxLatenessMs }));
    expect(error.problems.map((problem) => problem.path)).toEqual([['maxLatenessMs']]);
    expect(error.message).toContain('must be a number above 0');
  });
});
