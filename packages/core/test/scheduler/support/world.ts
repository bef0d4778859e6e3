import { setTimeout as realDelay } from 'node:timers/promises';
import { createXAdapter } from '@smmkit/adapter-x';
import { createXSimulator, type XSimulator } from '@smmkit/adapter-x/mocks';
import { createMastodonAdapter } from '@smmkit/example-adapter-mastodon';
import { createMastodonSimulator, type MastodonSimulator } from '@smmkit/example-adapter-mastodon/mocks';
import {
  type FastForwardClock,
  fastForwardClock,
  type ManualClock,
  manualClock,
  type RunningSimulators,
  startSimulators,
} from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Adapter } from '../../../src/adapter/adapter.js';
import { staticTokenProvider } from '../../../src/auth/static-token-provider.js';
import type { Target } from '../../../src/models/target.js';
import { createPublisher, type Publisher } from '../../../src/publisher/publisher.js';
import { SCHEDULER_EVENT_NAMES } from '../../../src/scheduler/events.js';
import { memoryScheduleStore } from '../../../src/scheduler/memory-schedule-store.js';
import type { ScheduleStore } from '../../../src/scheduler/schedule-store.js';
import { createScheduler, type Scheduler } from '../../../src/scheduler/scheduler.js';
import type { SchedulerOptions } from '../../../src/scheduler/scheduler-options.js';

/** Simulated "now" at the start of every test: Sunday 22 November 2026, 12:00 UTC. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A scheduler with the events it emitted, in order. */
export type RecordingScheduler = Scheduler & { readonly seen: { name: string; payload: unknown }[] };

/** What {@link World.scheduler} takes besides the scheduler's own options. */
export interface WorkerOptions extends Partial<Omit<SchedulerOptions, 'publisher' | 'store'>> {
  /** The adapters' fetch (default the fast-forward clock's); a crash test passes one that dies. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Extra adapters (a fake one with native scheduling, say). */
  readonly adapters?: readonly Adapter[] | undefined;
  /** The store for this worker's scheduler and publisher (default the test's store); a crash test wraps it. */
  readonly store?: ScheduleStore | undefined;
}

/** A simulated X and Mastodon on one fast-forward clock, and one schedule store shared by every worker. */
export interface World {
  readonly time: ManualClock;
  readonly clock: FastForwardClock;
  readonly x: XSimulator;
  readonly mastodon: MastodonSimulator;
  /** ana on X and on Mastodon. */
  readonly xTarget: Target;
  readonly mastodonTarget: Target;
  /** The store every scheduler of the test shares (new for each test). */
  store(): ScheduleStore;
  /** A worker: a publisher over both simulators with the store as outbox, and a scheduler on the store. */
  scheduler(options?: WorkerOptions): RecordingScheduler;
  /** Posts on the simulated X and Mastodon accounts. */
  xPosts(): { text: string; createdAt: number }[];
  mastodonPosts(): { text: string; createdAt: number }[];
}

/**
 * Starts both simulators for the file; resets them, the clock and the store before each test.
 *
 * @param makeStore - makes each test's store (default an in-memory one)
 */
export function useWorld(makeStore: () => ScheduleStore = memoryScheduleStore): World {
  const time = manualClock(START);
  const clock = fastForwardClock(time);
  const x = createXSimulator({ clock: time });
  const mastodon = createMastodonSimulator({ clock: time });
  // The tests travel months ahead (DST dates); token refresh is not what they test.
  const xAna = x.addAccount('ana', { accessTokenTtlMs: 5 * 365 * 86_400_000 });
  const mastodonAna = mastodon.addAccount('ana');
  const xTarget: Target = { platform: 'x', accountId: xAna.account.id };
  const mastodonTarget: Target = { platform: 'mastodon', accountId: mastodonAna.account.id };
  let running: RunningSimulators | undefined;
  let store = makeStore();
  const workers: Scheduler[] = [];
  beforeAll(() => {
    running = startSimulators(x.sim, mastodon.sim);
  });
  afterAll(() => running?.close());
  beforeEach(async () => {
    // A crashed worker's stop never settles (its publish never ends): give up on it after a moment.
    await Promise.race([Promise.all(workers.splice(0).map((worker) => worker.stop())), realDelay(20)]);
    running?.reset();
    time.set(START);
    await store.close?.();
    store = makeStore();
  });

  const publisherFor = (
    fetch: typeof globalThis.fetch,
    extra: readonly Adapter[],
    outbox: ScheduleStore,
  ): Publisher =>
    createPublisher({
      adapters: [
        createXAdapter({ baseUrl: x.baseUrl, fetch }),
        createMastodonAdapter({ instanceUrl: mastodon.instanceUrl, mediaPollIntervalMs: 500, fetch }),
        ...extra,
      ],
      tokens: (target) =>
        staticTokenProvider(target.platform === 'x' ? xAna.accessToken : mastodonAna.accessToken),
      clock,
      outbox,
      retry: { random: () => 0.5 },
    });

  return {
    time,
    clock,
    x,
    mastodon,
    xTarget,
    mastodonTarget,
    store: () => store,
    scheduler: (options = {}) => {
      const { fetch = clock.fetch, adapters = [], store: own = store, ...schedulerOptions } = options;
      const scheduler = createScheduler({
        clock,
        ...schedulerOptions,
        store: own,
        publisher: publisherFor(fetch, adapters, own),
      });
      workers.push(scheduler);
      const seen: { name: string; payload: unknown }[] = [];
      for (const name of SCHEDULER_EVENT_NAMES) {
        scheduler.events.on(name, (payload: unknown) => seen.push({ name, payload }));
      }
      return Object.assign(scheduler, { seen });
    },
    xPosts: () => x.sim.posts.filter((p) => p.accountId === xTarget.accountId),
    mastodonPosts: () => mastodon.sim.posts.filter((p) => p.accountId === mastodonTarget.accountId),
  };
}

/** Event names a scheduler emitted, in order. */
export function names(scheduler: RecordingScheduler): string[] {
  return scheduler.seen.map((event) => event.name);
}
