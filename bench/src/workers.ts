/**
 * Benchmark (issue 17 item 6, `pnpm bench:workers`): what a fleet of scheduler workers on one
 * Redis achieves against the rate budgets it shares. For 1, 2 and 4 worker processes in turn,
 * 1,000 entries for 40 X accounts fall due at once; each worker has the Redis schedule store and
 * outbox, the publisher's budgets in Redis (`throttle.ledger: redisBudgetLedger(...)`) and a
 * BullMQ worker; each entry gets one job per target (here one), planned with `bullmqWakeups`. The X simulator runs in this process and answers over loopback HTTP.
 *
 * The workers' X adapter declares an app-wide budget of 120 posts per 2 s and 20 per 8 s per
 * account, both rolling (X's are 100 per 15 minutes per user and 10,000 per 24 hours per app,
 * https://docs.x.com/x-api/fundamentals/rate-limits: the same shape, scaled so that many windows
 * pass in a run); the simulator's own limits are far above, so only the ledger holds the fleet
 * back. The app-wide budget binds (40 accounts could send 100 a second), so the allowed rate is
 * 60 posts a second, whatever the number of workers. The publisher's pacing is the default
 * (2 % reserve, bursts down to half a window, then spread to the reset) with the reset skew
 * scaled down to 100 ms.
 *
 * Per run: `published` entries, `duplicates` (extra copies of a post on the simulator),
 * `achieved_rate` (posts a second from the first post to the last, by the simulator's clock),
 * `allowed_rate` and their `ratio`. A line before it gives the busiest window the simulator saw
 * against each declared budget, by its own clock: requests are booked in Redis when they leave a
 * worker and counted by the simulator when it gets to them, after its queue, so a burst booked at
 * one instant arrives spread out while the next burst, booked the moment the first left the
 * window, arrives at once; with windows of 2 s, that queueing is a sizeable share of a window (on
 * X's 15 minutes it is not), and the busiest 2 s the simulator counts can exceed what any 2 s of
 * bookings held. Needs redis-server (scripts/install-system-deps.sh) or REDIS_URL; a
 * private server is started like the tests' (scripts/redis-for-tests.ts) and stopped after.
 *
 * Last lines: `workers: procs=N entries=N published=N duplicates=N achieved_rate=R allowed_rate=R ratio=X`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { createXSimulator, type XSimulator } from '@smmkit/adapter-x/mocks';
import type { ScheduleEntry } from '@smmkit/core';
import type { RateBudget } from '@smmkit/core/adapter-kit';
import { bullmqWakeups, redisScheduleStore } from '@smmkit/scheduler-bullmq';
import { serveSimulators } from '@smmkit/testkit';
import { Redis } from 'ioredis';
import startRedisForTests from '../../scripts/redis-for-tests.ts';
import type { WorkersWorld } from './workers/world.ts';

const ENTRIES = Number(process.env.WORKERS_ENTRIES ?? 1_000);
const PROCS = (process.env.WORKERS_PROCS ?? '1,2,4').split(',').map(Number);
const ACCOUNTS = 40;
const CREATE = 'POST /2/tweets';
const USER: RateBudget = { bucket: CREATE, limit: 20, windowSec: 8, scope: 'user', resets: 'rolling' };
const APP: RateBudget = { bucket: CREATE, limit: 120, windowSec: 2, scope: 'app', resets: 'rolling' };
const ALLOWED_RATE = Math.min(APP.limit / APP.windowSec, (ACCOUNTS * USER.limit) / USER.windowSec);
const WORKER = new URL('./workers/worker.ts', import.meta.url);

/** One run's figures. */
interface RunResult {
  readonly published: number;
  readonly duplicates: number;
  readonly achievedRate: number;
  readonly busiestUser: number;
  readonly busiestApp: number;
  readonly realMs: number;
}

async function main(): Promise<void> {
  const stopRedis = await startRedisForTests();
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl === undefined) {
    throw new Error(
      'No Redis: install redis-server (bash scripts/install-system-deps.sh) or set REDIS_URL to a Redis of yours.',
    );
  }
  const prefix = `smmkit-bench-workers:${randomUUID()}:`;
  try {
    const lines: string[] = [];
    for (const procs of PROCS) {
      const result = await run(procs, redisUrl, `${prefix}${procs}:`);
      console.log(
        `  ${procs} worker(s): ${(result.realMs / 1000).toFixed(1)} real s; busiest window: ${result.busiestApp}/${APP.limit} app-wide per ${APP.windowSec} s, ${result.busiestUser}/${USER.limit} per account per ${USER.windowSec} s`,
      );
      lines.push(
        `workers: procs=${procs} entries=${ENTRIES} published=${result.published} duplicates=${result.duplicates} achieved_rate=${result.achievedRate.toFixed(1)} allowed_rate=${ALLOWED_RATE.toFixed(1)} ratio=${(result.achievedRate / ALLOWED_RATE).toFixed(2)}`,
      );
    }
    for (const line of lines) console.log(line);
  } finally {
    await dropKeys(redisUrl, prefix);
    stopRedis?.();
  }
}

/** One run: `procs` workers publish every entry; then the simulator's record is read. */
async function run(procs: number, redisUrl: string, prefix: string): Promise<RunResult> {
  const x = createXSimulator({
    budgets: {
      'tweets-create': { limit: 1_000_000, windowMs: 60_000 },
      'tweets-create-24h': { limit: 1_000_000, windowMs: 86_400_000 },
    },
  });
  const accounts = Array.from({ length: ACCOUNTS }, (_, n) => x.addAccount(`bench_${n}`));
  const served = await serveSimulators(x.sim);
  const world: WorkersWorld = {
    redisUrl,
    prefix: `${prefix}store:`,
    bullPrefix: `${prefix}bull`,
    queueName: 'wakeups',
    xUrl: served.urls[0] ?? '',
    tokens: Object.fromEntries(accounts.map(({ account, accessToken }) => [account.id, accessToken])),
    budgets: [USER, APP],
    resetSkewMs: 100,
    batchSize: 20,
  };
  const store = redisScheduleStore({ connection: redisUrl, prefix: world.prefix });
  const wakeups = bullmqWakeups({
    connection: redisUrl,
    prefix: world.bullPrefix,
    queueName: world.queueName,
  });
  const workers: ChildProcess[] = [];
  try {
    for (let n = 0; n < procs; n += 1) workers.push(await startWorker(world));
    const start = Date.now() + 500;
    const entries: ScheduleEntry[] = Array.from({ length: ENTRIES }, (_, n) => ({
      id: `bench-${n}`,
      post: { text: `Workers bench entry ${n}` },
      targets: [{ platform: 'x', accountId: accounts[n % ACCOUNTS]?.account.id ?? '' }],
      publishAt: new Date(start + n),
      timeZone: 'UTC',
      status: 'scheduled',
      attempts: 0,
    }));
    const began = performance.now();
    await store.add(entries);
    for (let from = 0; from < ENTRIES; from += 100) {
      await Promise.all(entries.slice(from, from + 100).map((entry) => wakeups.plan(entry)));
    }
    while ((await store.list({ statuses: ['scheduled', 'publishing'], limit: 1 })).length > 0)
      await delay(100);
    const realMs = performance.now() - began;
    const published = (await store.list({ statuses: ['published'] })).length;
    return { ...measure(x), published, realMs };
  } finally {
    for (const worker of workers) worker.send('exit');
    await Promise.race([Promise.all(workers.map(exited)), delay(10_000)]);
    for (const worker of workers) worker.kill('SIGKILL');
    await wakeups.close();
    await store.close();
    await served.close();
  }
}

/** Duplicates, the achieved rate and the busiest windows, from the posts the simulator holds. */
function measure(x: XSimulator): Omit<RunResult, 'published' | 'realMs'> {
  const posts = x.sim.posts.filter();
  const copies = new Map<string, number>();
  for (const post of posts) copies.set(post.text, (copies.get(post.text) ?? 0) + 1);
  const duplicates = [...copies.values()].reduce((sum, count) => sum + count - 1, 0);
  const times = posts.map((post) => post.createdAt).sort((a, b) => a - b);
  const spanMs = (times.at(-1) ?? 0) - (times[0] ?? 0);
  const achievedRate = spanMs > 0 ? ((times.length - 1) * 1000) / spanMs : 0;
  const byAccount = new Map<string, number[]>();
  for (const post of posts)
    byAccount.set(post.accountId, [...(byAccount.get(post.accountId) ?? []), post.createdAt]);
  const busiestUser = Math.max(0, ...[...byAccount.values()].map((at) => busiest(at, USER.windowSec * 1000)));
  return { duplicates, achievedRate, busiestUser, busiestApp: busiest(times, APP.windowSec * 1000) };
}

/** The most requests in any (t - windowMs, t]. */
function busiest(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while ((sorted[first] ?? 0) <= (sorted[last] ?? 0) - windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

function startWorker(world: WorkersWorld): Promise<ChildProcess> {
  const worker = fork(WORKER, [], {
    env: { ...process.env, WORKERS_WORLD: JSON.stringify(world) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('exit', (code) => reject(new Error(`a worker exited early with ${code}`)));
  });
}

function exited(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => worker.once('exit', () => resolve()));
}

/** Deletes every key the bench wrote. */
async function dropKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

await main();
