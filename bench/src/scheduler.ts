/**
 * Benchmark (issue 16 item 7, `pnpm bench:scheduler`): the scheduler at volume. Plans 100,000
 * entries across 1,000 accounts (half on X, half on Mastodon, in eight zones) with
 * `scheduler.schedule(post, [target], { at, zone })` into a SQLite store in a temporary file, then
 * runs the planned week on simulated time: at each instant an entry falls due, two scheduler
 * workers (each with its own connection to the file and its own publisher, the store as outbox)
 * tick until nothing more is due, publishing to the simulators (see scheduler/platforms.ts for
 * how the simulators are reached and why their posts are moved into a tally as the week goes).
 *
 * Figures:
 * - schedule_per_s: `schedule()` calls per real second (each checks the post and the wall time,
 *   resolves the zone and writes the entry in its own transaction);
 * - claim_per_s: entries claimed per real second spent inside `claimDue` (both workers, empty
 *   claims included), while the other worker's publishes write to the same file;
 * - published: entries that ended `published`;
 * - duplicates: targets whose post the platform stored more than once;
 * - store_mb: the SQLite file plus its write-ahead log after the run, in MiB.
 *
 * Last line: `scheduler: entries=N accounts=N schedule_per_s=R claim_per_s=R published=N duplicates=N store_mb=X`.
 * Smaller runs: SCHEDULER_ENTRIES, SCHEDULER_ACCOUNTS (at most 105 entries per account).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublisher, type Publisher } from '@smmkit/core/publisher';
import { createScheduler, type Scheduler } from '@smmkit/core/scheduler';
import { sqliteScheduleStore } from '@smmkit/core/sqlite';
import { fastForwardClock, manualClock } from '@smmkit/testkit';
import { plannedEntry } from './scheduler/plan.ts';
import { createBenchPlatforms, postKey } from './scheduler/platforms.ts';
import { type TimedStore, timedStore } from './scheduler/timed-store.ts';

const ENTRIES = Number(process.env.SCHEDULER_ENTRIES ?? 100_000);
const ACCOUNTS = Number(process.env.SCHEDULER_ACCOUNTS ?? 1_000);
const WORKERS = 2;
/** Entries one worker claims per round: the two workers share each instant's few dozen entries. */
const BATCH = 25;
/** Simulated "now" when planning starts: Sunday 22 November 2026, 12:00 UTC (the other benches' start). */
const START = Date.parse('2026-11-22T12:00:00.000Z');
const MIB = 1024 * 1024;

interface Worker {
  readonly timed: TimedStore;
  readonly publisher: Publisher;
  readonly scheduler: Scheduler;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'smmkit-scheduler-'));
  const db = join(dir, 'smm.db');
  const time = manualClock(START);
  const clock = fastForwardClock(time);
  const platforms = createBenchPlatforms(ACCOUNTS, time, clock);
  const workers: Worker[] = Array.from({ length: WORKERS }, (_, n) => {
    const timed = timedStore(sqliteScheduleStore(db));
    const publisher = createPublisher({
      adapters: platforms.adapters,
      tokens: platforms.tokens,
      clock,
      outbox: timed.store,
      retry: { random: () => 0.5 },
    });
    const scheduler = createScheduler({
      store: timed.store,
      publisher,
      clock,
      batchSize: BATCH,
      workerId: `worker-${n + 1}`,
    });
    return { timed, publisher, scheduler };
  });
  const [planner] = workers;
  if (planner === undefined) throw new Error('no worker');

  // Plan: one schedule() per entry, as an app would.
  const instants = new Set<number>();
  const scheduleStart = performance.now();
  for (let n = 0; n < ENTRIES; n += 1) {
    const plan = plannedEntry(n, ACCOUNTS);
    const target = platforms.targets[plan.account];
    if (target === undefined) throw new Error(`no account ${plan.account}`);
    const [entry] = await planner.scheduler.schedule({ text: plan.text }, [target], {
      at: plan.at,
      zone: plan.zone,
    });
    if (entry !== undefined) instants.add(entry.publishAt.getTime());
  }
  const scheduleMs = performance.now() - scheduleStart;

  // Run the week: at each instant something falls due, both workers tick until nothing is left.
  const runStart = performance.now();
  let rounds = 0;
  let turn = 0;
  for (const instant of [...instants].sort((a, b) => a - b)) {
    if (instant > time.now()) time.set(instant);
    // Who claims first takes turns, so both workers get entries even when few fall due at once.
    turn += 1;
    const order = turn % 2 === 0 ? workers : [...workers].reverse();
    for (;;) {
      const results = await Promise.all(order.map(({ scheduler }) => scheduler.tick()));
      rounds += 1;
      if (results.every((result) => result.claimed.length === 0)) break;
    }
    platforms.sweep();
  }
  const runMs = performance.now() - runStart;
  const simulatedMs = time.now() - START;

  // Check every entry against what the platforms stored.
  platforms.sweep();
  const tally = platforms.tally();
  const entries = await planner.timed.store.list();
  const counts = { published: 0, duplicates: 0, lost: 0, unfinished: 0 };
  const examples: string[] = [];
  const expected = new Set<string>();
  for (const entry of entries) {
    if (entry.status === 'published') counts.published += 1;
    else counts.unfinished += 1;
    for (const target of entry.targets) {
      const key = postKey(target.platform, target.accountId, entry.post.text ?? '');
      expected.add(key);
      const stored = tally.get(key) ?? 0;
      const result = entry.results?.find(
        (r) => r.platform === target.platform && r.accountId === target.accountId,
      );
      if (stored > 1) {
        counts.duplicates += 1;
        if (examples.length < 10)
          examples.push(`duplicate: ${entry.id} stored ${stored}× on ${target.platform}`);
      }
      if (result?.status === 'published' && stored === 0) {
        counts.lost += 1;
        if (examples.length < 10) examples.push(`lost: ${entry.id} published but not on ${target.platform}`);
      }
    }
  }
  const strays = [...tally.keys()].filter((key) => !expected.has(key)).length;
  const unresolved = (await planner.timed.store.unresolved()).length;
  const claimed = workers.reduce((sum, { timed }) => sum + timed.claimed(), 0);
  const claimMs = workers.reduce((sum, { timed }) => sum + timed.claimMs(), 0);
  const byWorker = workers.map(({ timed }) => timed.claimed()).join(' + ');
  const sizeOf = (file: string): number => (existsSync(file) ? statSync(file).size : 0);
  const [dbBytes, walBytes] = [sizeOf(db), sizeOf(`${db}-wal`)];
  const storeBytes = dbBytes + walBytes;

  for (const { publisher, timed } of workers) {
    await publisher.shutdown();
    await timed.store.close();
  }
  rmSync(dir, { recursive: true, force: true });

  for (const example of examples) console.log(`  ${example}`);
  console.log(
    `planned ${ENTRIES} entries in ${(scheduleMs / 1000).toFixed(1)} real s; ran ${(simulatedMs / 86_400_000).toFixed(1)} simulated days ` +
      `(${instants.size} instants, ${rounds} rounds of ${WORKERS} workers) in ${(runMs / 1000).toFixed(1)} real s; ` +
      `claims ${byWorker} = ${claimed} in ${(claimMs / 1000).toFixed(2)} s inside claimDue; ` +
      `not published ${counts.unfinished}, lost ${counts.lost}, posts of no entry ${strays}, outbox unresolved ${unresolved}; ` +
      `file ${(dbBytes / MIB).toFixed(1)} MiB + WAL ${(walBytes / MIB).toFixed(1)} MiB`,
  );
  console.log(
    `scheduler: entries=${ENTRIES} accounts=${ACCOUNTS} schedule_per_s=${Math.round(ENTRIES / (scheduleMs / 1000))} ` +
      `claim_per_s=${Math.round(claimed / (claimMs / 1000))} published=${counts.published} duplicates=${counts.duplicates} ` +
      `store_mb=${(storeBytes / MIB).toFixed(1)}`,
  );
  if (counts.duplicates > 0 || counts.lost > 0 || counts.unfinished > 0 || strays > 0) process.exitCode = 1;
}

await main();
