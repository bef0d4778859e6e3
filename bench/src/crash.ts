/**
 * Benchmark (issue 16 item 6, `pnpm bench:crash`): crash safety, measured. Scheduler workers are
 * real processes sharing one SQLite file; each is SIGKILLed at a random moment, 100 times, while
 * entries fall due and publish to the X and Mastodon simulators (served over HTTP by this process,
 * so the platforms' state outlives every worker). A last worker drains what is left: entries whose
 * worker died mid-publish are re-claimed when their lease lapses and go through the publisher's
 * outbox (reconciliation), never a blind republish.
 *
 * Then every entry's targets are checked against the simulators' state:
 * - duplicates: a target whose text is on the platform more than once;
 * - lost: an entry that never reached a final state, a target reported published but absent, or
 *   a target on the platform whose entry says failed;
 * - unknown: targets left `unknown` (may or may not be out; kept in the store, never republished).
 *
 * Last line: `crash: kills=N entries=N published=N duplicates=N lost=N unknown=N`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createXSimulator } from '@smmkit/adapter-x/mocks';
import type { Target } from '@smmkit/core';
import { sqliteScheduleStore } from '@smmkit/core/sqlite';
import { createMastodonSimulator } from '@smmkit/example-adapter-mastodon/mocks';
import { serveSimulators } from '@smmkit/testkit';
import type { CrashWorld } from './crash/world.ts';

const KILLS = Number(process.env.CRASH_KILLS ?? 100);
const ENTRIES = Number(process.env.CRASH_ENTRIES ?? 300);
const ACCOUNTS_PER_PLATFORM = 4;
/** Entries fall due over this long, so that every worker finds work when it starts. */
const SPREAD_MS = Number(process.env.CRASH_SPREAD_MS ?? 60_000);
const LEASE_MS = 1_500;
/** A worker lives this long after it said it is ready, at most (uniformly random). */
const MAX_LIFE_MS = 600;
const DAY = 86_400_000;
const WORKER = new URL('./crash/worker.ts', import.meta.url);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'smmkit-crash-'));
  const x = createXSimulator();
  const mastodon = createMastodonSimulator();
  const tokens: Record<string, string> = {};
  const accounts: Target[][] = [];
  for (let n = 0; n < ACCOUNTS_PER_PLATFORM; n += 1) {
    const onX = x.addAccount(`crash_x_${n}`, { accessTokenTtlMs: 365 * DAY });
    const onMastodon = mastodon.addAccount(`crash_m_${n}`);
    tokens[`x:${onX.account.id}`] = onX.accessToken;
    tokens[`mastodon:${onMastodon.account.id}`] = onMastodon.accessToken;
    accounts.push([
      { platform: 'x', accountId: onX.account.id },
      { platform: 'mastodon', accountId: onMastodon.account.id },
    ]);
  }
  const served = await serveSimulators(x.sim, mastodon.sim);
  const [xUrl, mastodonUrl] = served.urls;
  if (xUrl === undefined || mastodonUrl === undefined) throw new Error('simulators not served');
  const world: CrashWorld = {
    db: join(dir, 'smm.db'),
    leaseMs: LEASE_MS,
    x: { url: xUrl },
    mastodon: { url: mastodonUrl },
    tokens,
  };
  const configPath = join(dir, 'world.json');
  writeFileSync(configPath, JSON.stringify(world));

  // Plan the entries straight into the store (planning is not what this bench measures).
  const store = sqliteScheduleStore(world.db);
  const start = Date.now() + 2_000;
  const texts = new Map<string, string>();
  await store.add(
    Array.from({ length: ENTRIES }, (_, n) => {
      const id = `crash-${n}`;
      const text = `Crash bench entry ${n}`;
      texts.set(id, text);
      return {
        id,
        post: { text },
        targets: accounts[n % ACCOUNTS_PER_PLATFORM] ?? [],
        publishAt: new Date(start + Math.floor((n * SPREAD_MS) / ENTRIES)),
        timeZone: 'UTC',
        status: 'scheduled' as const,
        attempts: 0,
      };
    }),
  );

  const realStart = performance.now();
  let kills = 0;
  while (kills < KILLS) {
    const worker = fork(WORKER, [configPath], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, Math.random() * MAX_LIFE_MS));
    await kill(worker);
    kills += 1;
  }
  const drain = fork(WORKER, [configPath, '--drain'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const drainCode = await new Promise<number | null>((resolve) => drain.once('exit', resolve));
  if (drainCode !== 0) throw new Error(`the draining worker exited with ${drainCode}`);
  const realMs = performance.now() - realStart;

  const stored = new Map<string, number>();
  for (const sim of [x.sim, mastodon.sim]) {
    for (const post of sim.posts.filter()) {
      const key = `${sim.platform}:${post.accountId}:${post.text}`;
      stored.set(key, (stored.get(key) ?? 0) + 1);
    }
  }
  const counts = { published: 0, duplicates: 0, lost: 0, unknown: 0, recovered: 0 };
  const examples: string[] = [];
  const note = (kind: 'duplicates' | 'lost', text: string): void => {
    counts[kind] += 1;
    if (examples.length < 10) examples.push(`${kind}: ${text}`);
  };
  for (const entry of await store.list()) {
    const text = texts.get(entry.id) ?? '';
    if (entry.status === 'published') counts.published += 1;
    if (entry.attempts > 1) counts.recovered += 1;
    if (!['published', 'failed', 'unknown'].includes(entry.status)) {
      note('lost', `${entry.id} ended ${entry.status}`);
      continue;
    }
    for (const target of entry.targets) {
      const present = stored.get(`${target.platform}:${target.accountId}:${text}`) ?? 0;
      const result = entry.results?.find(
        (r) => r.platform === target.platform && r.accountId === target.accountId,
      );
      if (present > 1) note('duplicates', `${entry.id} on ${target.platform} stored ${present}×`);
      if (result === undefined) note('lost', `${entry.id} on ${target.platform}: no result`);
      else if (result.status === 'unknown') counts.unknown += 1;
      else if (result.status === 'published' && present === 0)
        note('lost', `${entry.id} on ${target.platform}: published but absent`);
      else if (result.status === 'failed' && present > 0)
        note('lost', `${entry.id} on ${target.platform}: failed (${result.error?.code}) but on the platform`);
    }
  }
  await store.close?.();
  await served.close();
  rmSync(dir, { recursive: true, force: true });
  for (const example of examples) console.log(`  ${example}`);
  console.log(
    `${ENTRIES} entries × 2 targets, ${kills} workers killed, ${counts.recovered} entries taken over from a killed worker, ${(realMs / 1000).toFixed(1)} real s`,
  );
  console.log(
    `crash: kills=${kills} entries=${ENTRIES} published=${counts.published} duplicates=${counts.duplicates} lost=${counts.lost} unknown=${counts.unknown}`,
  );
  if (counts.duplicates > 0 || counts.lost > 0) process.exitCode = 1;
}

/** SIGKILL: no handler runs, no lease is released, nothing is flushed. */
function kill(worker: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (worker.exitCode !== null || worker.signalCode !== null) {
      resolve();
      return;
    }
    worker.once('exit', () => resolve());
    worker.kill('SIGKILL');
  });
}

await main();
