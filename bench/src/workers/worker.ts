/**
 * One worker process of `pnpm bench:workers` (workers.ts forks 1, 2 or 4): the Redis schedule
 * store and outbox, rate budgets in Redis (`throttle.ledger`) shared with the other workers, and a
 * BullMQ worker running one job per entry and target (`scheduler.publishTarget`), up to
 * `world.batchSize` at once, publishing to the X simulator the parent serves over HTTP. The publisher's pacing policy is the default one but for the reset
 * skew, scaled down with the windows. `exit` over IPC closes it.
 */
import { createXAdapter } from '@smmkit/adapter-x';
import { type Adapter, staticTokenProvider } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
import { createScheduler } from '@smmkit/core/scheduler';
import { redisBudgetLedger, redisScheduleStore, startWakeupWorker } from '@smmkit/scheduler-bullmq';
import type { WorkersWorld } from './world.ts';

const world = JSON.parse(process.env.WORKERS_WORLD ?? '') as WorkersWorld;

const x: Adapter = createXAdapter({ baseUrl: world.xUrl });
// X's real windows are 15 minutes; the bench declares windows of seconds so that many pass.
const declared: Adapter = {
  ...x,
  capabilities: {
    ...x.capabilities,
    rateLimits: { ...x.capabilities.rateLimits, budgets: [...world.budgets] },
  },
};
const store = redisScheduleStore({ connection: world.redisUrl, prefix: world.prefix });
const ledger = redisBudgetLedger({ connection: world.redisUrl, prefix: world.prefix });
const publisher = createPublisher({
  adapters: [declared],
  tokens: (target) => staticTokenProvider(world.tokens[target.accountId] ?? ''),
  outbox: store,
  throttle: { ledger, resetSkewMs: world.resetSkewMs },
});
const scheduler = createScheduler({ store, publisher, batchSize: world.batchSize });
const wakeups = await startWakeupWorker({
  connection: world.redisUrl,
  prefix: world.bullPrefix,
  queueName: world.queueName,
  scheduler,
  // As many targets in flight as a claim round would take: most of them wait for the budget.
  concurrency: world.batchSize,
  sweepEveryMs: 1_000,
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
process.send?.('ready');
