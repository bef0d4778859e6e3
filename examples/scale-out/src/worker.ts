/**
 * One worker process: what you run on every machine of the fleet. It publishes whatever falls
 * due, whoever scheduled it: BullMQ hands it jobs, one per entry and target, at the entry's time;
 * the store's atomic per-target claim makes sure one worker publishes each target (the targets of
 * one entry may go out from different workers at once), and the rate budgets live in Redis so
 * that the fleet together stays inside every account's limits. Stop it with SIGTERM (or `exit`
 * over IPC).
 */
import { createXAdapter } from '@smmkit/adapter-x';
import { staticTokenProvider } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
import { createScheduler } from '@smmkit/core/scheduler';
import {
  bullmqWakeups,
  planWakeups,
  redisBudgetLedger,
  redisScheduleStore,
  startWakeupWorker,
} from '@smmkit/scheduler-bullmq';
import { type ScaleOutSettings, wakeupQueue } from './settings.ts';

const settings = JSON.parse(process.env.SCALE_OUT ?? '') as ScaleOutSettings;

const store = redisScheduleStore({ connection: settings.redisUrl, prefix: settings.prefix });
const ledger = redisBudgetLedger({ connection: settings.redisUrl, prefix: settings.prefix });
const publisher = createPublisher({
  adapters: [createXAdapter({ baseUrl: settings.xBaseUrl })],
  tokens: (target) => staticTokenProvider(settings.tokens[target.accountId] ?? ''),
  // The outbox: a worker that takes over a dead worker's entry reconciles, never posts twice.
  outbox: store,
  // One budget per (platform, account, bucket) for the whole fleet.
  throttle: { ledger },
});
// No scheduler.start(): BullMQ drives it, one target job at a time.
const scheduler = createScheduler({ store, publisher, workerId: `worker-${process.pid}` });
// A series goes on in the worker that started its last occurrence: plan the next one's jobs here.
const planner = bullmqWakeups(wakeupQueue(settings));
planWakeups(scheduler.events, planner);
const wakeups = await startWakeupWorker({
  ...wakeupQueue(settings),
  scheduler: {
    tick: (options) => scheduler.tick(options),
    // Tells the example which worker published which target (your worker passes `scheduler`).
    publishTarget: async (job) => {
      const run = await scheduler.publishTarget(job);
      if (run.outcome === 'published') process.send?.({ published: job.entryId, target: job.target });
      return run;
    },
  },
  concurrency: 4,
  sweepEveryMs: 5_000,
});

const stop = async (): Promise<void> => {
  await wakeups.close();
  await publisher.shutdown();
  await planner.close();
  await Promise.all([store.close(), ledger.close()]);
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('message', (message) => {
  if (message === 'exit') void stop();
});
process.send?.('ready');
