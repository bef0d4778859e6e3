/**
 * One worker process: what you run on every machine of the fleet. It publishes whatever falls
 * due, whoever scheduled it; BullMQ wakes it when an entry is due, the store's atomic claim makes
 * sure one worker publishes each entry, and the rate budgets live in Redis so that the fleet
 * together stays inside every account's limits. Stop it with SIGTERM (or `exit` over IPC).
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
// No scheduler.start(): BullMQ drives the claim rounds.
const scheduler = createScheduler({ store, publisher, workerId: `worker-${process.pid}` });
scheduler.events.on('published', ({ entry }) => process.send?.({ published: entry.id }));
// A series goes on in the worker that ran its last occurrence: plan the next one's wake-up here.
const planner = bullmqWakeups(wakeupQueue(settings));
planWakeups(scheduler.events, planner);
const wakeups = await startWakeupWorker({ ...wakeupQueue(settings), scheduler, sweepEveryMs: 5_000 });

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
