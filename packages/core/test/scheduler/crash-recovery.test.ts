import { describe, expect, it, vi } from 'vitest';
import type { ScheduleEntry } from '../../src/models/schedule-entry.js';
import { type DoomedWorker, doomedWorker, type KillPoint } from './support/crash.js';
import { MINUTE, names, START, useWorld } from './support/world.js';

const world = useWorld();
const LEASE_MS = MINUTE;

const createsTweet = (method: string, url: URL) => method === 'POST' && url.pathname === '/2/tweets';
const createsStatus = (method: string, url: URL) => method === 'POST' && url.pathname === '/api/v1/statuses';

/** Plans one post for X and Mastodon, due now. */
async function dueEntry(): Promise<ScheduleEntry> {
  const [entry] = await world
    .scheduler()
    .schedule({ text: 'Survives a crash' }, [world.xTarget, world.mastodonTarget], new Date(START));
  if (entry === undefined) throw new Error('no entry');
  return entry;
}

/** A worker that claims the due entry and dies at `kill`; resolves once it is dead. */
async function crashMidPublish(kill: KillPoint): Promise<DoomedWorker> {
  const doomed = doomedWorker(world.store(), world.clock, kill);
  const worker = world.scheduler({
    store: doomed.store,
    fetch: doomed.fetch,
    clock: doomed.clock,
    workerId: 'doomed',
    leaseMs: LEASE_MS,
  });
  void worker.tick(); // never settles: the worker is dead
  await vi.waitFor(() => expect(doomed.dead()).toBe(true), { timeout: 5_000 });
  return doomed;
}

describe('scheduler: crash recovery', () => {
  it.each<[string, KillPoint]>([
    ['right after the claim, before anything was sent', { afterStoreCall: 'claimDue' }],
    ['after X accepted the create, before its answer arrived', { afterRequest: createsTweet }],
    ['after Mastodon accepted the create, before its answer arrived', { afterRequest: createsStatus }],
    ['after the intent was recorded, before the create was sent', { afterStoreCall: 'begin' }],
  ])(
    'a second worker takes over an entry whose worker died %s, and nothing is posted twice',
    async (_point, kill) => {
      const entry = await dueEntry();
      await crashMidPublish(kill);
      expect((await world.store().get(entry.id))?.status).toBe('publishing');

      const rescuer = world.scheduler({ workerId: 'rescuer', leaseMs: LEASE_MS });
      // Not before the dead worker's lease ran out.
      expect((await rescuer.tick()).claimed).toEqual([]);
      world.time.set(Math.max(world.time.now(), START + LEASE_MS));
      const { finished } = await rescuer.tick();

      expect(finished.map((e) => [e.id, e.status, e.attempts])).toEqual([[entry.id, 'published', 2]]);
      expect(finished[0]?.results?.map((r) => [r.platform, r.status])).toEqual([
        ['x', 'published'],
        ['mastodon', 'published'],
      ]);
      expect(world.xPosts()).toHaveLength(1);
      expect(world.mastodonPosts()).toHaveLength(1);
      expect(names(rescuer)).toEqual(['due', 'recovered', 'published']);
      expect(await world.store().unresolved()).toEqual([]);
    },
  );

  it('renews the lease of a long publish, so a live worker keeps its entry', async () => {
    const entry = await dueEntry();
    // X answers 429: the publish waits a minute for the window's reset, four leases long.
    world.x.sim.faults.inject({ kind: 'rate_limit', route: 'POST /2/tweets' });
    const leaseMs = 15_000;
    const slow = world.scheduler({ workerId: 'slow', leaseMs });
    const running = slow.tick();
    // Another worker polls every 5 simulated seconds all along the wait, ready to take the entry over.
    const other = world.scheduler({ workerId: 'other', leaseMs, pollIntervalMs: 5_000 });
    other.start();
    const { finished } = await running;
    await other.stop();
    expect(world.time.now()).toBeGreaterThan(START + 3 * leaseMs);
    expect(names(other)).toEqual([]);
    expect(finished.map((e) => [e.id, e.status, e.attempts])).toEqual([[entry.id, 'published', 1]]);
    expect(world.xPosts()).toHaveLength(1);
  });

  it('keeps an entry whose outcome nobody can tell as unknown, and reconciles it when planned again', async () => {
    const entry = await dueEntry();
    // Mastodon's create is accepted but its answer is lost, and every look finds nothing:
    // reconciliation cannot tell, so the entry is unknown, not republished.
    world.mastodon.sim.faults.inject({
      kind: 'accepted_then_lost',
      route: 'POST /api/v1/statuses',
      times: 4,
    });
    // Every look fails, the publisher's retries of each look included.
    world.mastodon.sim.faults.inject({
      kind: 'server_error',
      route: 'GET /api/v1/accounts/:id/statuses',
      times: 100,
    });
    const scheduler = world.scheduler();
    const { finished } = await scheduler.tick();
    expect(finished.map((e) => e.status)).toEqual(['unknown']);
    expect(finished[0]?.results?.map((r) => [r.platform, r.status])).toEqual([
      ['x', 'published'],
      ['mastodon', 'unknown'],
    ]);
    expect(finished[0]?.error?.message).toMatch(/^1 of 2 targets may or may not have been published/);
    expect((await world.store().unresolved()).map((r) => r.key)).toEqual([
      `${entry.id}:mastodon:${world.mastodonTarget.accountId}`,
    ]);
    expect(names(scheduler).at(-1)).toBe('unknown');

    // Planned again once Mastodon is well, it is reconciled, not re-created: Mastodon answers the
    // key it already took.
    world.mastodon.sim.faults.reset();
    await scheduler.reschedule(entry.id, new Date(START + MINUTE));
    world.time.set(START + MINUTE);
    const again = (await scheduler.tick()).finished;
    expect(again.map((e) => e.status)).toEqual(['published']);
    expect(world.xPosts()).toHaveLength(1);
    expect(world.mastodonPosts()).toHaveLength(1);
    expect(await world.store().unresolved()).toEqual([]);
  });
});
