import { type ChildProcess, fork } from 'node:child_process';
import { createXAdapter } from '@smmkit/adapter-x';
import { createXSimulator } from '@smmkit/adapter-x/mocks';
import { staticTokenProvider, type Target } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
import { createScheduler } from '@smmkit/core/scheduler';
import { bullmqWakeups, planWakeups, redisScheduleStore } from '@smmkit/scheduler-bullmq';
import { serveSimulators } from '@smmkit/testkit';
import { type ScaleOutSettings, wakeupQueue } from './settings.ts';

/** Options of {@link runScaleOut}. */
export interface ScaleOutOptions {
  /** The Redis to use. */
  readonly redisUrl: string;
  /** Key prefix, so that runs sharing a Redis never meet (default `smmkit-scale-out:`). */
  readonly prefix?: string | undefined;
  /** Worker processes to start (default 3). */
  readonly workers?: number | undefined;
  /** Posts to schedule (default 30), each to two X accounts (two targets, two jobs). */
  readonly entries?: number | undefined;
  /** Node options of the worker processes (tests pass a loader for the TypeScript sources). */
  readonly execArgv?: readonly string[] | undefined;
  /** Told about progress. */
  readonly log?: ((line: string) => void) | undefined;
}

/** What a run came to. */
export interface ScaleOutResult {
  /** Entries scheduled. */
  readonly scheduled: number;
  /** Entries that ended `published`, by the store. */
  readonly published: number;
  /** Posts on the simulated X as `<account>: <text>`, once per copy. */
  readonly posts: readonly string[];
  /** How many targets each worker process published, by its pid. */
  readonly byWorker: ReadonlyMap<number, number>;
  /** Entries whose two targets were published by two different workers. */
  readonly split: number;
}

/**
 * Starts the X simulator (served over HTTP), forks the worker processes, schedules posts a few
 * seconds ahead in this process (the app's side: a scheduler that plans one BullMQ job per entry
 * and target, and publishes nothing itself), waits until every entry has an outcome and stops the workers.
 *
 * @param options - Redis, prefix, workers, entries
 * @returns what was published, and by whom
 */
export async function runScaleOut(options: ScaleOutOptions): Promise<ScaleOutResult> {
  const log = options.log ?? (() => undefined);
  const entries = options.entries ?? 30;
  const x = createXSimulator();
  const accounts = ['scale_out_a', 'scale_out_b'].map((name) => x.addAccount(name));
  const names = new Map(accounts.map(({ account }) => [account.id, account.handle]));
  const served = await serveSimulators(x.sim);
  const settings: ScaleOutSettings = {
    redisUrl: options.redisUrl,
    prefix: options.prefix ?? 'smmkit-scale-out:',
    xBaseUrl: served.urls[0] ?? '',
    tokens: Object.fromEntries(accounts.map(({ account, accessToken }) => [account.id, accessToken])),
  };
  const byWorker = new Map<number, number>();
  /** The workers that published each entry's targets. */
  const publishers = new Map<string, Set<number>>();
  const workers: ChildProcess[] = [];
  const store = redisScheduleStore({ connection: settings.redisUrl, prefix: settings.prefix });
  const wakeups = bullmqWakeups(wakeupQueue(settings));
  try {
    for (let n = 0; n < (options.workers ?? 3); n += 1) {
      const worker = await startWorker(settings, options.execArgv ?? []);
      worker.on('message', (message) => {
        if (typeof message === 'object' && message !== null && 'published' in message && worker.pid) {
          byWorker.set(worker.pid, (byWorker.get(worker.pid) ?? 0) + 1);
          const id = String(message.published);
          publishers.set(id, (publishers.get(id) ?? new Set()).add(worker.pid));
        }
      });
      workers.push(worker);
      log(`worker ${worker.pid} ready`);
    }

    // The app: schedules posts; planWakeups adds a delayed BullMQ job for each target of each.
    const planner = createScheduler({
      store,
      publisher: createPublisher({
        adapters: [createXAdapter({ baseUrl: settings.xBaseUrl })],
        tokens: (target) => staticTokenProvider(settings.tokens[target.accountId] ?? ''),
        outbox: store,
      }),
    });
    const planned = planWakeups(planner.events, wakeups);
    const at = new Date(Date.now() + 2_000);
    const targets: Target[] = accounts.map(({ account }) => ({ platform: 'x', accountId: account.id }));
    for (let n = 0; n < entries; n += 1) {
      await planner.schedule({ text: `Scale-out post ${n}` }, targets, at);
    }
    await planned.settled();
    planned.stop();
    log(`${entries} posts scheduled for ${at.toISOString()}`);

    while ((await store.list({ statuses: ['scheduled', 'publishing'], limit: 1 })).length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const published = (await store.list({ statuses: ['published'] })).length;
    return {
      scheduled: entries,
      published,
      posts: x.sim.posts
        .filter()
        .map((post) => `${names.get(post.accountId) ?? post.accountId}: ${post.text}`),
      byWorker,
      split: [...publishers.values()].filter((pids) => pids.size > 1).length,
    };
  } finally {
    await Promise.all(workers.map(stopWorker));
    await wakeups.close();
    await store.close();
    await served.close();
  }
}

function startWorker(settings: ScaleOutSettings, execArgv: readonly string[]): Promise<ChildProcess> {
  const worker = fork(new URL('./worker.ts', import.meta.url), [], {
    execArgv: [...execArgv],
    env: { ...process.env, SCALE_OUT: JSON.stringify(settings) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      if (message !== 'ready') return;
      worker.off('message', onMessage);
      resolve(worker);
    };
    worker.on('message', onMessage);
    worker.once('exit', (code) => reject(new Error(`a worker exited early with ${code}`)));
  });
}

/** Asks a worker to finish and close; kills it if it does not within 10 s. */
function stopWorker(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const stuck = setTimeout(() => worker.kill('SIGKILL'), 10_000);
    worker.once('exit', () => {
      clearTimeout(stuck);
      resolve();
    });
    worker.send('exit');
  });
}
