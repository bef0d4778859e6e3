/**
 * One worker process of the multi-process test (fleet.test.ts forks four): the Redis schedule
 * store and outbox, rate budgets in Redis (`throttle.ledger`), and a BullMQ worker that runs
 * the target jobs (`scheduler.publishTarget`), publishing to the X simulator the test serves over
 * loopback HTTP. Started with `node --import source-hooks.ts`, so it runs the workspace's sources.
 * Reports each claim and each written outcome over IPC; `exit` closes it cleanly.
 */
import { createXAdapter } from '@smmkit/adapter-x';
import { staticTokenProvider } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
import { createScheduler } from '@smmkit/core/scheduler';
import { redisBudgetLedger, redisScheduleStore, startWakeupWorker } from '@smmkit/scheduler-bullmq';
import { withBudgets } from './budgets.js';
import type { FleetMessage, FleetWorld } from './fleet-world.js';

const world = JSON.parse(process.env.FLEET_WORLD ?? '') as FleetWorld;
const tell = (message: FleetMessage): void => {
  process.send?.(message);
};

const store = redisScheduleStore({ connection: world.redisUrl, prefix: world.prefix });
const ledger = redisBudgetLedger({ connection: world.redisUrl, prefix: world.prefix });
const publisher = createPublisher({
  adapters: [withBudgets(createXAdapter({ baseUrl: world.xUrl }), world.budgets)],
  tokens: (target) => staticTokenProvider(world.tokens[target.accountId] ?? ''),
  outbox: store,
  throttle: {
    ledger,
    safetyFraction: world.safetyFraction,
    burstFraction: world.burstFraction,
    resetSkewMs: world.resetSkewMs,
  },
  // The simulator answers at once: a reconciliation need not wait long before it looks again.
  reconcile: { recheckDelayMs: 200 },
});
const scheduler = createScheduler({
  store,
  publisher,
  leaseMs: world.leaseMs,
  batchSize: world.batchSize,
});
scheduler.events.on('due', ({ entry }) => tell({ type: 'claimed', id: entry.id }));
for (const name of ['published', 'failed', 'unknown'] as const) {
  scheduler.events.on(name, ({ entry }) => tell({ type: 'done', id: entry.id }));
}
const wakeups = await startWakeupWorker({
  connection: world.redisUrl,
  prefix: world.bullPrefix,
  queueName: world.queueName,
  scheduler,
  concurrency: 2,
  sweepEveryMs: world.sweepEveryMs,
});

process.on('message', (message) => {
  if (message !== 'exit') return;
  void (async () => {
    await wakeups.close();
    await publisher.shutdown();
    await Promise.all([store.close(), ledger.close()]);
    process.exit(0);
  })();
});
tell({ type: 'ready' });
