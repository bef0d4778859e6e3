import type { Clock } from '@smmkit/core';
import { claimsTargets, type Scheduler, type ScheduleStore, type TargetJob } from '@smmkit/core/scheduler';
import { fastForwardClock, manualClock } from '@smmkit/testkit';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { doomedWorker } from '../../core/test/scheduler/support/crash.js';
import { HOUR, MINUTE, START, useWorld } from '../../core/test/scheduler/support/world.js';
import {
  type BullmqWakeups,
  bullmqWakeups,
  planWakeups,
  redisScheduleStore,
  startWakeupWorker,
  targetJobId,
  type WakeupWorker,
} from '../src/index.js';
import { dropKeys, REDIS_URL, requireRedis, testPrefix } from './support/redis.js';

// Store keys and BullMQ keys of this file under one prefix of its own.
const filePrefix = testPrefix();
const bullPrefix = `${filePrefix}bull`;
beforeEach(requireRedis);
afterAll(() => dropKeys(filePrefix));

let tests = 0;
let storePrefix = '';
let queueName = '';
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});
const world = useWorld(() => {
  tests += 1;
  storePrefix = `${filePrefix}${tests}:`;
  queueName = `wakeups-${tests}`;
  return redisScheduleStore({ connection: REDIS_URL, prefix: storePrefix });
});
const connection = (): ScheduleStore => {
  const store = redisScheduleStore({ connection: REDIS_URL, prefix: storePrefix });
  opened.push({ close: async () => store.close?.() });
  return store;
};
const wakeups = (clock: Clock = world.clock): BullmqWakeups => {
  const planner = bullmqWakeups({ connection: REDIS_URL, prefix: bullPrefix, queueName, clock });
  opened.push(planner);
  return planner;
};
const wakeupWorker = async (
  scheduler: Parameters<typeof startWakeupWorker>[0]['scheduler'],
  sweepEveryMs = 0,
): Promise<WakeupWorker> => {
  const worker = await startWakeupWorker({
    connection: REDIS_URL,
    prefix: bullPrefix,
    queueName,
    scheduler,
    sweepEveryMs,
    clock: world.clock,
  });
  opened.push(worker);
  return worker;
};

/**
 * Wraps a scheduler so that each `publishTarget` waits at `gate` until `parties` calls (from any
 * of the wrapped schedulers) have arrived, and records which worker ran which target.
 */
function meetingAt(parties: number) {
  const ran: { worker: string; target: string }[] = [];
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const wrap = (scheduler: Scheduler): Parameters<typeof startWakeupWorker>[0]['scheduler'] => ({
    tick: (options) => scheduler.tick(options),
    publishTarget: async (job: TargetJob) => {
      ran.push({ worker: scheduler.workerId, target: job.target.platform });
      if (ran.length >= parties) open();
      await gate;
      return scheduler.publishTarget(job);
    },
  });
  return { ran, wrap };
}

// BullMQ runs on real time: jobs are awaited (vi.waitFor), within a test timeout above those waits.
describe('BullMQ jobs per entry, occurrence and target', { timeout: 20_000 }, () => {
  it('plans one delayed job per target with ids of the entry, its time and the target; planning again is a no-op', async () => {
    const time = fastForwardClock(manualClock(START));
    const planner = wakeups(time);
    const entry = {
      id: 'series@2026-11-22T13:00:00.000Z',
      publishAt: new Date(START + 60 * MINUTE),
      targets: [world.xTarget, world.mastodonTarget],
    };
    const ids = await planner.plan(entry);
    await planner.plan(entry);
    await wakeups(time).plan(entry); // another process plans it too
    const moved = await planner.plan({ ...entry, publishAt: new Date(START + 90 * MINUTE) });

    const escapedId = 'series%402026-11-22T13%3A00%3A00.000Z';
    expect(ids).toEqual([
      `target@${START + 60 * MINUTE}@${escapedId}@x@${world.xTarget.accountId}`,
      `target@${START + 60 * MINUTE}@${escapedId}@mastodon@${world.mastodonTarget.accountId}`,
    ]);
    expect(ids).toEqual(entry.targets.map((target) => targetJobId(entry, target)));
    expect(moved.some((id) => ids.includes(id))).toBe(false);
    await expect(planner.queue.getDelayedCount()).resolves.toBe(4);
    const job = await planner.queue.getJob(ids[1] ?? '');
    expect(job?.opts.delay).toBe(60 * MINUTE);
    expect(job?.data).toEqual({
      entryId: entry.id,
      publishAt: START + 60 * MINUTE,
      platform: 'mastodon',
      accountId: world.mastodonTarget.accountId,
    });
  });

  it('keeps ids apart that only differ where BullMQ forbids characters or where the parts meet', () => {
    const at = new Date(START);
    const x = { platform: 'x', accountId: '1' };
    const ids = [
      targetJobId({ id: 'a:b', publishAt: at }, x),
      targetJobId({ id: 'a%3Ab', publishAt: at }, x),
      targetJobId({ id: '123', publishAt: at }, x),
      targetJobId({ id: 'a%b', publishAt: at }, x),
      targetJobId({ id: 'a@x', publishAt: at }, { platform: 'x', accountId: '1' }),
      targetJobId({ id: 'a', publishAt: at }, { platform: 'x@x', accountId: '1' }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => !id.includes(':') && Number.isNaN(Number(id)))).toBe(true);
  });

  it('has two workers publish the two targets of one entry at once; it settles once, and a second enqueue does nothing', async () => {
    const planner = wakeups();
    const planning = world.scheduler({ workerId: 'planner' });
    const planned = planWakeups(planning.events, planner);
    const [entry] = await planning.schedule(
      { text: 'One entry, two workers' },
      [world.xTarget, world.mastodonTarget],
      new Date(START),
    );
    if (entry === undefined) throw new Error('no entry');
    await planned.settled();
    await expect(planner.queue.getJobCounts('wait', 'delayed')).resolves.toEqual({ wait: 2, delayed: 0 });

    // Each worker runs one job at a time, and each job waits until both have started: the two
    // targets can only go out through two workers, at once.
    const meeting = meetingAt(2);
    const workers = ['one', 'two'].map((workerId) => world.scheduler({ workerId, store: connection() }));
    for (const scheduler of workers) await wakeupWorker(meeting.wrap(scheduler));
    await vi.waitFor(async () => expect(await planner.queue.getCompletedCount()).toBe(2), {
      timeout: 10_000,
    });

    expect(new Set(meeting.ran.map((run) => run.worker))).toEqual(new Set(['one', 'two']));
    expect(meeting.ran.map((run) => run.target).sort()).toEqual(['mastodon', 'x']);
    const stored = await world.store().get(entry.id);
    expect(stored).toMatchObject({ status: 'published', attempts: 1 });
    expect(stored?.results?.map((result) => [result.platform, result.status])).toEqual([
      ['x', 'published'],
      ['mastodon', 'published'],
    ]);
    expect(world.xPosts()).toHaveLength(1);
    expect(world.mastodonPosts()).toHaveLength(1);
    const announced = workers.flatMap((scheduler) => scheduler.seen.map((event) => event.name));
    expect(announced.filter((name) => name === 'due')).toHaveLength(1);
    expect(announced.filter((name) => name === 'published')).toHaveLength(1);

    // Planned again after it ran (a retried request, another process): no new job, nothing sent.
    await planner.plan(entry);
    await expect(planner.queue.getJobCounts('wait', 'delayed', 'active', 'completed')).resolves.toEqual({
      wait: 0,
      delayed: 0,
      active: 0,
      completed: 2,
    });
    expect(world.xPosts()).toHaveLength(1);
  });

  it('plans a live job again for an entry moved back to a time whose job already ran, with no sweep', async () => {
    const planner = wakeups();
    const planning = world.scheduler({ workerId: 'planner' });
    const planned = planWakeups(planning.events, planner);
    const [entry] = await planning.schedule({ text: 'Back to its time' }, [world.xTarget], new Date(START));
    if (entry === undefined) throw new Error('no entry');
    // Moved an hour on before its job ran: that job, at its first time, finds it elsewhere.
    await planning.reschedule(entry.id, new Date(START + HOUR));
    await planned.settled();
    const firstJob = targetJobId(entry, world.xTarget);
    await wakeupWorker(world.scheduler({ workerId: 'worker', store: connection() })); // no sweep
    await vi.waitFor(async () => expect(await planner.queue.getJobState(firstJob)).toBe('completed'), {
      timeout: 10_000,
    });
    await expect(planner.queue.getJob(firstJob)).resolves.toMatchObject({ returnvalue: 'stale' });

    // Moved back to its first time, now past: due, so a job must run it (no sweep would).
    world.time.set(START + MINUTE);
    const movedBack = await planning.reschedule(entry.id, new Date(START));
    await planned.settled();
    await vi.waitFor(
      async () => expect(await world.store().get(entry.id)).toMatchObject({ status: 'published' }),
      { timeout: 10_000 },
    );
    expect(world.xPosts()).toHaveLength(1);
    // The same plan again (a retried request) adds nothing.
    await planner.plan(movedBack);
    await expect(planner.queue.getJobCounts('wait', 'delayed', 'active')).resolves.toEqual({
      wait: 0,
      delayed: 1, // the job at START + 1 h, which finds the entry published
      active: 0,
    });
  });

  it('publishes entries planned on two connections once per target', async () => {
    const planner = wakeups();
    const planning = world.scheduler({ workerId: 'planner' });
    const planned = planWakeups(planning.events, planner);
    const entries = [];
    for (let n = 0; n < 6; n += 1) {
      entries.push(
        ...(await planning.schedule(
          { text: `Due now ${n}` },
          [world.xTarget, world.mastodonTarget],
          new Date(START),
        )),
      );
    }
    await planned.settled();
    // Planned twice (say, by a retried request): still one job per entry and target.
    for (const entry of entries) await planner.plan(entry);
    await expect(planner.queue.getJobCounts('wait', 'delayed', 'active', 'completed')).resolves.toSatisfy(
      (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0) === 12,
    );

    for (const workerId of ['one', 'two']) {
      await wakeupWorker(world.scheduler({ workerId, batchSize: 2, store: connection() }));
    }
    await vi.waitFor(async () => expect(await planner.queue.getCompletedCount()).toBe(12), {
      timeout: 10_000,
    });
    expect(world.xPosts()).toHaveLength(6);
    expect(world.mastodonPosts()).toHaveLength(6);
    expect((await world.store().list()).map((entry) => [entry.status, entry.attempts])).toEqual(
      Array.from({ length: 6 }, () => ['published', 1]),
    );
  });

  it('takes over a target whose worker died mid-publish, through the outbox, when its job runs again', async () => {
    const [entry] = await world
      .scheduler()
      .schedule({ text: 'Survives a crash' }, [world.xTarget, world.mastodonTarget], new Date(START));
    if (entry === undefined) throw new Error('no entry');
    const doomed = doomedWorker(connection(), world.clock, {
      afterRequest: (method, url) => method === 'POST' && url.pathname === '/2/tweets',
    });
    void world
      .scheduler({
        store: doomed.store,
        fetch: doomed.fetch,
        clock: doomed.clock,
        workerId: 'doomed',
        leaseMs: MINUTE,
      })
      .publishTarget({ entryId: entry.id, publishAt: entry.publishAt, target: world.xTarget });
    await vi.waitFor(() => expect(doomed.dead()).toBe(true), { timeout: 5_000 });
    expect(world.xPosts()).toHaveLength(1);
    // Its lease has surely run out one lease length after it died.
    world.time.set(world.time.now() + MINUTE);

    const planner = wakeups();
    await planner.plan(entry); // the jobs BullMQ runs again after the worker's death
    const rescuer = world.scheduler({ workerId: 'rescuer', leaseMs: MINUTE, store: connection() });
    await wakeupWorker(rescuer);
    await vi.waitFor(async () => expect(await planner.queue.getCompletedCount()).toBe(2), {
      timeout: 10_000,
    });
    const stored = await world.store().get(entry.id);
    expect(stored).toMatchObject({ status: 'published', attempts: 2 });
    expect(world.xPosts()).toHaveLength(1);
    expect(world.mastodonPosts()).toHaveLength(1);
    expect(rescuer.seen.filter((event) => event.name === 'recovered')).toHaveLength(1);
  });

  it('puts back a job whose target another worker holds, until that lease ends, and then finds it settled', async () => {
    const [entry] = await world
      .scheduler()
      .schedule({ text: 'Held elsewhere' }, [world.xTarget], new Date(START));
    if (entry === undefined) throw new Error('no entry');
    const holder = world.store();
    if (!claimsTargets(holder)) throw new Error('the Redis store claims target by target');
    // Another worker holds the target for one more second of the scheduler's time.
    const claim = await holder.claimTarget({
      entryId: entry.id,
      publishAt: entry.publishAt,
      target: world.xTarget,
      now: new Date(world.time.now()),
      worker: 'elsewhere',
      leaseMs: 1_000,
    });
    expect('claimed' in claim).toBe(true);

    const planner = wakeups();
    const [jobId = ''] = await planner.plan(entry);
    await wakeupWorker(world.scheduler({ workerId: 'waiting', store: connection() }));
    await vi.waitFor(async () => expect(await planner.queue.getJobState(jobId)).toBe('delayed'), {
      timeout: 10_000,
    });
    // The holder finishes meanwhile; the job, back when the lease ends, finds the target settled.
    await holder.settleTarget({
      entryId: entry.id,
      target: world.xTarget,
      worker: 'elsewhere',
      result: { ...world.xTarget, status: 'failed', error: { code: 'platform_refused', message: 'No.' } },
      at: new Date(world.time.now()),
      leaseMs: 1_000,
    });
    await vi.waitFor(async () => expect(await planner.queue.getJobState(jobId)).toBe('completed'), {
      timeout: 10_000,
    });
    await expect(planner.queue.getJob(jobId)).resolves.toMatchObject({ returnvalue: 'settled' });
    expect(world.xPosts()).toEqual([]);
    await expect(world.store().get(entry.id)).resolves.toMatchObject({ status: 'failed' });
  });

  it('puts back a job that fires before its entry is due by the scheduler’s clock', async () => {
    // The planner's clock runs ten minutes ahead of the scheduler's: its job fires at once.
    const ahead = fastForwardClock(manualClock(START + 10 * MINUTE));
    const planner = wakeups(ahead);
    const [entry] = await world
      .scheduler()
      .schedule({ text: 'Not yet' }, [world.xTarget], new Date(START + 5 * MINUTE));
    if (entry === undefined) throw new Error('no entry');
    const [jobId = ''] = await planner.plan(entry);
    await wakeupWorker(world.scheduler({ workerId: 'early', store: connection() }));

    await vi.waitFor(async () => expect(await planner.queue.getJobState(jobId)).toBe('delayed'), {
      timeout: 10_000,
    });
    expect(world.xPosts()).toHaveLength(0);
    await expect(world.store().get(entry.id)).resolves.toMatchObject({ status: 'scheduled' });
  });

  it('sweeps up an entry whose worker died holding it, once its lease ran out, through the outbox', async () => {
    const [entry] = await world
      .scheduler()
      .schedule({ text: 'Survives a crash' }, [world.xTarget], new Date(START));
    const doomed = doomedWorker(connection(), world.clock, {
      afterRequest: (method, url) => method === 'POST' && url.pathname === '/2/tweets',
    });
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
    world.time.set(world.time.now() + MINUTE);

    const rescuer = world.scheduler({ workerId: 'rescuer', leaseMs: MINUTE, store: connection() });
    await wakeupWorker(rescuer, 50);
    await vi.waitFor(
      async () => expect(await world.store().get(entry?.id ?? '')).toMatchObject({ status: 'published' }),
      {
        timeout: 10_000,
      },
    );
    expect(rescuer.seen.map((event) => event.name)).toEqual(['due', 'recovered', 'published']);
    expect(world.xPosts()).toHaveLength(1);
  });

  it('gives each store prefix its own default queue, so two deployments on one Redis never take each other’s jobs', async () => {
    const planners = ['tenant-a:', 'tenant-b:'].map((storePrefix) => {
      const planner = bullmqWakeups({
        connection: REDIS_URL,
        prefix: bullPrefix,
        storePrefix,
        clock: world.clock,
      });
      opened.push(planner);
      return planner;
    });
    const [tenantA, tenantB] = planners;
    if (tenantA === undefined || tenantB === undefined) throw new Error('no planners');
    const [jobId = ''] = await tenantA.plan({
      id: 'tenant-a-post',
      publishAt: new Date(START),
      targets: [world.xTarget],
    });
    // Tenant B's worker listens on B's queue, which never holds A's job.
    const workerB = await startWakeupWorker({
      connection: REDIS_URL,
      prefix: bullPrefix,
      storePrefix: 'tenant-b:',
      scheduler: world.scheduler({ workerId: 'tenant-b' }),
      sweepEveryMs: 0,
    });
    opened.push(workerB);
    expect(workerB.worker.name).toBe(tenantB.queue.name);
    expect(tenantA.queue.name).not.toBe(tenantB.queue.name);
    await expect(tenantB.queue.getJob(jobId)).resolves.toBeUndefined();
    await expect(tenantA.queue.getJobState(jobId)).resolves.toBe('waiting');
    // The default prefix keeps the queue existing deployments have.
    const byDefault = bullmqWakeups({ connection: REDIS_URL, prefix: bullPrefix });
    opened.push(byDefault);
    expect(byDefault.queue.name).toBe('smmkit-wakeups');
  });

  it('warns when a worker takes a job for an entry its store does not hold: two store prefixes sharing one queue', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    opened.push({ close: async () => void process.off('warning', onWarning) });
    // Deployment B: its own store prefix, but the default queue (no storePrefix given).
    const storeB = redisScheduleStore({ connection: REDIS_URL, prefix: `${storePrefix}b:` });
    opened.push({ close: () => storeB.close() });
    const [entry] = await world
      .scheduler({ store: storeB })
      .schedule({ text: 'Deployment B' }, [world.xTarget], new Date(START));
    if (entry === undefined) throw new Error('no entry');
    const plannerB = bullmqWakeups({ connection: REDIS_URL, prefix: bullPrefix, clock: world.clock });
    opened.push(plannerB);
    const [jobId = ''] = await plannerB.plan(entry);
    // Deployment A's worker, on the default queue too, takes it.
    const workerA = await startWakeupWorker({
      connection: REDIS_URL,
      prefix: bullPrefix,
      scheduler: world.scheduler({ workerId: 'deployment-a', store: connection() }),
      sweepEveryMs: 0,
      clock: world.clock,
    });
    opened.push(workerA);
    await vi.waitFor(async () => expect(await plannerB.queue.getJobState(jobId)).toBe('completed'), {
      timeout: 10_000,
    });
    await expect(plannerB.queue.getJob(jobId)).resolves.toMatchObject({ returnvalue: 'missing' });
    await vi.waitFor(() =>
      expect(
        warnings.filter((warning) => 'code' in warning && warning.code === 'SMMKIT_WAKEUP_UNKNOWN_ENTRY'),
      ).toEqual([
        expect.objectContaining({
          message: expect.stringContaining(
            `a job on the BullMQ queue "smmkit-wakeups" names schedule entry "${entry.id}", which this worker's store does not hold`,
          ),
          detail: expect.stringContaining("the store's prefix as `storePrefix`"),
        }),
      ]),
    );
    expect(world.xPosts()).toEqual([]);
  });

  it('runs a worker on one shared ioredis client with default settings, leaving that client failing fast for the stores', async () => {
    const shared = new Redis(REDIS_URL); // ioredis' default: a command fails after 20 retries
    opened.push({ close: async () => void (await shared.quit()) });
    const [entry] = await world
      .scheduler()
      .schedule({ text: 'On a shared client' }, [world.xTarget], new Date(START));
    if (entry === undefined) throw new Error('no entry');
    const planner = bullmqWakeups({ connection: shared, prefix: bullPrefix, queueName, clock: world.clock });
    opened.push(planner);
    const [jobId = ''] = await planner.plan(entry);
    const worker = await startWakeupWorker({
      connection: shared,
      prefix: bullPrefix,
      queueName,
      scheduler: world.scheduler({ workerId: 'shared', store: connection() }),
      sweepEveryMs: 0,
      clock: world.clock,
    });
    opened.push(worker);
    await vi.waitFor(async () => expect(await planner.queue.getJobState(jobId)).toBe('completed'), {
      timeout: 10_000,
    });
    expect(world.xPosts()).toHaveLength(1);
    await worker.close();
    expect(shared.options.maxRetriesPerRequest).toBe(20);
    await expect(shared.ping()).resolves.toBe('PONG');
  });
});
