import { type FastForwardClock, fastForwardClock, manualClock } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import type { Adapter, RecentPost } from '../../src/adapter/adapter.js';
import { staticTokenProvider } from '../../src/auth/static-token-provider.js';
import type { Target } from '../../src/models/target.js';
import { createPublisher } from '../../src/publisher/publisher.js';
import { memoryScheduleStore } from '../../src/scheduler/memory-schedule-store.js';
import type { ScheduleStore } from '../../src/scheduler/schedule-store.js';
import { createScheduler, type Scheduler } from '../../src/scheduler/scheduler.js';
import type { TargetClaimStore } from '../../src/scheduler/target-claims.js';
import { fakeAdapter, fakeCapabilities } from '../fixtures/capabilities.js';

const START = Date.parse('2026-11-22T12:00:00.000Z');
const LEASE_MS = 60_000;
/** The fake platform's rate-limit window. */
const WINDOW_MS = 15 * 60_000;

/** A post on the fake platform, and which worker's publisher made it. */
interface MadePost {
  readonly accountId: string;
  readonly text: string;
  readonly by: string;
  readonly createdAt: number;
  readonly id: string;
}

/**
 * A fake platform with an app-wide budget of one post per rolling 15 minutes (every account of
 * the app spends it), whose listing shows every post as soon as it is
 * made (`readAfterWrite`). `hold` keeps a create of one worker open until it resolves.
 */
function fakePlatform(clock: FastForwardClock) {
  const posts: MadePost[] = [];
  const holds = new Map<string, Promise<void>>();
  const adapterFor = (worker: string): Adapter =>
    fakeAdapter({
      capabilities: {
        ...fakeCapabilities,
        reconciliation: {
          idempotencyKey: false,
          findRecentPosts: true,
          duplicateSignal: false,
          readAfterWrite: true,
        },
        rateLimits: {
          headers: false,
          budgets: [{ bucket: 'publish', limit: 1, windowSec: 900, scope: 'app', resets: 'rolling' }],
        },
      },
      publish: async (checked, ctx) => {
        const { accountId } = ctx.account;
        await holds.get(`${worker}/${accountId}`);
        const id = `post-${posts.length + 1}`;
        posts.push({ accountId, text: checked.post.text ?? '', by: worker, createdAt: clock.now(), id });
        return { ref: { platform: 'fake', accountId, platformPostId: id }, warnings: [] };
      },
      findRecentPosts: async (query, ctx): Promise<RecentPost[]> =>
        posts
          .filter(
            (post) =>
              post.accountId === ctx.account.accountId &&
              post.text === query.text &&
              post.createdAt >= query.since.getTime(),
          )
          .map((post) => ({
            ref: { platform: 'fake', accountId: post.accountId, platformPostId: post.id },
            text: post.text,
            createdAt: new Date(post.createdAt),
          })),
    });
  return {
    posts,
    adapterFor,
    /** Holds `worker`'s creates on `accountId` until `until` resolves. */
    hold: (worker: string, accountId: string, until: Promise<void>) =>
      holds.set(`${worker}/${accountId}`, until),
  };
}

/** The store as a worker sees it while it cannot reach it to renew leases, until `until`. */
function renewalsFailUntil(
  store: TargetClaimStore,
  clock: FastForwardClock,
  until: number,
): TargetClaimStore {
  const unreachable = (): never => {
    throw new Error('the store is unreachable');
  };
  return new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if ((name === 'renewLease' || name === 'renewTargetLease') && typeof value === 'function') {
        return (...args: unknown[]) =>
          clock.now() < until ? Promise.reject(unreachable()) : Reflect.apply(value, target, args);
      }
      return value;
    },
  });
}

/** A worker: a scheduler on `store`, whose publisher uses the store as outbox, recording its event names. */
function worker(
  id: string,
  store: ScheduleStore,
  clock: FastForwardClock,
  adapter: Adapter,
): Scheduler & { readonly seen: string[] } {
  const publisher = createPublisher({
    adapters: [adapter],
    tokens: () => staticTokenProvider('tok-fake'),
    clock,
    outbox: store,
    retry: { random: () => 0.5 },
    // The second look of a reconciliation comes after the first worker's create went through.
    reconcile: { recheckDelayMs: 30_000 },
  });
  const scheduler = createScheduler({ store, publisher, clock, workerId: id, leaseMs: LEASE_MS });
  const seen: string[] = [];
  for (const name of ['due', 'recovered', 'published', 'failed', 'unknown', 'lease-lost'] as const) {
    scheduler.events.on(name, () => seen.push(name));
  }
  return Object.assign(scheduler, { seen });
}

const account = (n: number): Target => ({ platform: 'fake', accountId: `acct-${n}` });

describe('scheduler: a worker that loses its lease mid-publish', () => {
  it('does not start the targets it had not started; the new holder publishes them once', async () => {
    const clock = fastForwardClock(manualClock(START));
    const store = memoryScheduleStore();
    const platform = fakePlatform(clock);
    // The first worker cannot renew its lease until well after it ran out (START + LEASE_MS).
    const first = worker(
      'first',
      renewalsFailUntil(store, clock, START + LEASE_MS + 10_000),
      clock,
      platform.adapterFor('first'),
    );
    const rescuer = worker('rescuer', store, clock, platform.adapterFor('rescuer'));
    const [entry] = await first.schedule(
      { text: 'Three accounts' },
      [account(1), account(2), account(3)],
      new Date(START),
    );
    if (entry === undefined) throw new Error('nothing scheduled');
    // Target 1 is mid-create when the lease is lost; the create goes through once the first
    // worker learns it lost the lease. Targets 2 and 3 wait for the app's budget meanwhile.
    let finishCreate = (): void => undefined;
    platform.hold('first', 'acct-1', new Promise((resolve) => (finishCreate = resolve)));
    first.events.on('lease-lost', () => finishCreate());
    // The rescuer's creates take a while (a video's processing, say): a first worker that went on
    // after losing its lease would meet them in flight, find nothing yet, and post again.
    const slowCreates = clock.sleep(WINDOW_MS + 5 * 60_000).then(() => undefined);
    platform.hold('rescuer', 'acct-2', slowCreates);
    platform.hold('rescuer', 'acct-3', slowCreates);

    // The rescuer takes the entry over as soon as the lease ran out.
    const rescued = clock.sleep(LEASE_MS).then(() => rescuer.tick());
    const { finished: firstFinished } = await first.tick();
    const { claimed, finished } = await rescued;

    expect(firstFinished).toEqual([]);
    expect(first.seen).toEqual(['due', 'lease-lost']);
    expect(claimed.map((e) => e.id)).toEqual([entry.id]);
    expect(finished.map((e) => [e.status, e.attempts])).toEqual([['published', 2]]);
    expect(finished[0]?.results?.map((r) => [r.accountId, r.status])).toEqual([
      ['acct-1', 'published'],
      ['acct-2', 'published'],
      ['acct-3', 'published'],
    ]);
    expect(rescuer.seen).toEqual(['due', 'recovered', 'published']);
    // One post per account: the first worker's create of target 1 (the rescuer found it), and
    // targets 2 and 3 from the rescuer alone.
    const made = platform.posts.map((post) => [post.accountId, post.by]);
    expect(made.sort(([a], [b]) => String(a).localeCompare(String(b)))).toEqual([
      ['acct-1', 'first'],
      ['acct-2', 'rescuer'],
      ['acct-3', 'rescuer'],
    ]);
    await expect(store.get(entry.id)).resolves.toMatchObject({ status: 'published' });
    expect(await store.unresolved()).toEqual([]);
  });

  it('stops starting targets once its lease ran out while the store could not be reached to renew it', async () => {
    const clock = fastForwardClock(manualClock(START));
    const store = memoryScheduleStore();
    const platform = fakePlatform(clock);
    // The first worker never reaches the store to renew; the store never refuses it either.
    const first = worker(
      'first',
      renewalsFailUntil(store, clock, Infinity),
      clock,
      platform.adapterFor('first'),
    );
    const [entry] = await first.schedule(
      { text: 'Three accounts' },
      [account(1), account(2), account(3)],
      new Date(START),
    );
    if (entry === undefined) throw new Error('nothing scheduled');

    // Target 1 spends the app's budget; targets 2 and 3 wait for the next window, long after
    // the lease ran out, when another worker may hold the entry.
    const { finished } = await first.tick();

    expect(finished).toEqual([]);
    expect(first.seen).toEqual(['due', 'lease-lost']);
    expect(platform.posts.map((post) => [post.accountId, post.by])).toEqual([['acct-1', 'first']]);
  });

  it('does not send again a create the worker that lost its lease still has in flight', async () => {
    const clock = fastForwardClock(manualClock(START));
    const store = memoryScheduleStore();
    const platform = fakePlatform(clock);
    const first = worker(
      'first',
      renewalsFailUntil(store, clock, START + LEASE_MS + 10_000),
      clock,
      platform.adapterFor('first'),
    );
    const rescuer = worker('rescuer', store, clock, platform.adapterFor('rescuer'));
    const [entry] = await first.schedule({ text: 'A long upload' }, [account(1)], new Date(START));
    if (entry === undefined) throw new Error('nothing scheduled');
    // The first worker's create (a video, say) is still uploading after the rescuer's two looks
    // (at the lease's end and 30 s later): the read-after-write listing shows nothing yet.
    platform.hold(
      'first',
      'acct-1',
      clock.sleep(LEASE_MS + 60_000).then(() => undefined),
    );

    const rescued = clock.sleep(LEASE_MS).then(() => rescuer.tick());
    await first.tick();
    const { finished } = await rescued;

    expect(platform.posts.map((post) => [post.accountId, post.by])).toEqual([['acct-1', 'first']]);
    const [result] = finished[0]?.results ?? [];
    expect(result).toMatchObject({ accountId: 'acct-1', status: 'unknown' });
    expect(rescuer.seen).toContain('unknown');
  });

  it('does not start a target job it had not started; the new holder publishes it once', async () => {
    const clock = fastForwardClock(manualClock(START));
    const store = memoryScheduleStore();
    const platform = fakePlatform(clock);
    const first = worker(
      'first',
      renewalsFailUntil(store, clock, START + LEASE_MS + 10_000),
      clock,
      platform.adapterFor('first'),
    );
    const rescuer = worker('rescuer', store, clock, platform.adapterFor('rescuer'));
    const [entry] = await first.schedule({ text: 'Two accounts' }, [account(1), account(2)], new Date(START));
    if (entry === undefined) throw new Error('nothing scheduled');
    const job = (target: Target) => ({ entryId: entry.id, publishAt: entry.publishAt, target });
    // The first worker's post to account 1 spends the app's budget: its job for account 2 waits
    // for the next window. The rescuer's create for account 2 takes long (until after that).
    await expect(first.publishTarget(job(account(1)))).resolves.toMatchObject({ outcome: 'published' });
    platform.hold(
      'rescuer',
      'acct-2',
      clock.sleep(WINDOW_MS + 5 * 60_000).then(() => undefined),
    );

    const rescued = clock.sleep(LEASE_MS).then(() => rescuer.publishTarget(job(account(2))));
    const lost = await first.publishTarget(job(account(2)));
    const won = await rescued;

    expect(lost.outcome).toBe('lease-lost');
    expect(first.seen.filter((name) => name === 'lease-lost')).toHaveLength(1);
    expect(won).toMatchObject({ outcome: 'published', finished: { status: 'published' } });
    expect(platform.posts.map((post) => [post.accountId, post.by])).toEqual([
      ['acct-1', 'first'],
      ['acct-2', 'rescuer'],
    ]);
    expect(await store.unresolved()).toEqual([]);
  });
});
