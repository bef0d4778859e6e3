/**
 * One scheduler worker of `pnpm bench:crash` (crash.ts forks it and SIGKILLs it at a random
 * moment): a real process with the SQLite store, the X and Mastodon adapters pointed at the
 * simulators the parent serves over HTTP, and a publisher whose outbox is the same store.
 *
 * Every request waits a random 0–15 ms before it is sent and after its answer arrives, so that
 * kills also land between "the platform created the post" and "the worker heard of it", the
 * window the outbox exists for.
 *
 * With `--drain` it does not run forever: it runs rounds until no entry is left to publish
 * (lapsed leases of killed workers included), then exits.
 */
import { readFileSync } from 'node:fs';
import { createXAdapter } from '@smmkit/adapter-x';
import { staticTokenProvider, type Target } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
import { createScheduler } from '@smmkit/core/scheduler';
import { sqliteScheduleStore } from '@smmkit/core/sqlite';
import { createMastodonAdapter } from '@smmkit/example-adapter-mastodon';
import type { CrashWorld } from './world.ts';

const [configPath, mode] = process.argv.slice(2);
if (configPath === undefined) throw new Error('usage: worker.ts <config.json> [--drain]');
const world = JSON.parse(readFileSync(configPath, 'utf8')) as CrashWorld;

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
const jitteryFetch: typeof fetch = async (input, init) => {
  await pause();
  const response = await fetch(input, init);
  await pause();
  return response;
};

const store = sqliteScheduleStore(world.db);
const publisher = createPublisher({
  adapters: [
    createXAdapter({ baseUrl: world.x.url, fetch: jitteryFetch }),
    createMastodonAdapter({ instanceUrl: world.mastodon.url, fetch: jitteryFetch }),
  ],
  tokens: (target: Target) =>
    staticTokenProvider(world.tokens[`${target.platform}:${target.accountId}`] ?? ''),
  outbox: store,
  // Reconciliation re-reads after a short pause: the simulators answer at once.
  reconcile: { recheckDelayMs: 200 },
});
const scheduler = createScheduler({
  store,
  publisher,
  leaseMs: world.leaseMs,
  pollIntervalMs: 20,
  batchSize: 4,
});

if (mode === '--drain') {
  for (;;) {
    await scheduler.tick();
    const open = await store.list({ statuses: ['scheduled', 'publishing'], limit: 1 });
    if (open.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await publisher.shutdown();
  await store.close?.();
} else {
  scheduler.start();
  process.send?.('ready');
}
