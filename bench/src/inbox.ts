/**
 * Benchmark (issue 18 item 6, `pnpm bench:inbox`): the engagement inbox at volume. Seeds 100,000
 * fans' mentions and comments on the simulators of every adapter that reads engagement (X, the
 * Mastodon example, Instagram, Facebook Pages, LinkedIn; see inbox/platforms.ts), then brings
 * them into one inbox on a SQLite file in a temporary directory, polling and webhooks mixed:
 *
 * - polled accounts (all of Mastodon's, every other account elsewhere) through `inbox.poll()`
 *   on the publisher's rate budgets (simulated time, fast-forwarded);
 * - the other accounts only through signed webhook deliveries to `createWebhookRouter`, built
 *   with each platform's signing helper, plus a tenth of the polled accounts' engagements (both
 *   paths at once, deduplicated by the store);
 * - 5 % of the volume again as redeliveries of deliveries already sent (at-least-once), and 1 %
 *   as forged deliveries (a real delivery whose body was changed after signing);
 * - deliveries in two halves, 16 at a time, with a round of polling after each half.
 *
 * Figures (last line `inbox: ingested=N duplicates_dropped=N forged_rejected=N lost=N per_s=R`):
 * - ingested: items stored (each engagement once);
 * - duplicates_dropped: engagements the router dropped as delivered before, plus engagements the
 *   store dropped as already kept (webhook and poll both bringing one, the poll's lookback);
 * - forged_rejected: deliveries answered 401 as forged;
 * - lost: seeded engagements not in the store at the end;
 * - per_s: items stored per real second of delivering and polling (signing the deliveries,
 *   the platforms' work, is done before and not counted).
 *
 * Smaller runs: INBOX_ENGAGEMENTS (default 100000), INBOX_ACCOUNTS (accounts per platform, default 20).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInbox, createWebhookRouter, type InboxStore, seenStoreOf } from '@smmkit/core/inbox';
import { createPublisher } from '@smmkit/core/publisher';
import { sqliteInboxStore } from '@smmkit/core/sqlite';
import { fastForwardClock, manualClock, seededRandom } from '@smmkit/testkit';
import { createInboxPlatforms, type Delivery, deliveryRequest } from './inbox/platforms.ts';

const TOTAL = Number(process.env.INBOX_ENGAGEMENTS ?? 100_000);
const ACCOUNTS = Number(process.env.INBOX_ACCOUNTS ?? 20);
/** Share of the polled accounts' engagements also delivered by webhook (both paths at once). */
const BOTH_PATHS = 0.1;
const DUPLICATE_SHARE = 0.05;
const FORGED_SHARE = 0.01;
const CONCURRENCY = 16;
/** Rounds of polling after the last deliveries, at most. */
const MAX_ROUNDS = 10;
/** Simulated "now" at the start: Sunday 22 November 2026, 12:00 UTC (the other benches' start). */
const START = Date.parse('2026-11-22T12:00:00.000Z');

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** The store, counting the engagements its `add` dropped as already kept. */
function countingStore(store: InboxStore): { store: InboxStore; dropped: () => number } {
  let dropped = 0;
  return {
    store: {
      ...store,
      add: async (engagements, options) => {
        const added = await store.add(engagements, options);
        dropped += engagements.length - added.length;
        return added;
      },
    },
    dropped: () => dropped,
  };
}

interface Send {
  readonly delivery: Delivery;
  readonly forged: boolean;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'smmkit-inbox-'));
  const time = manualClock(START);
  const clock = fastForwardClock(time);
  const random = seededRandom(18);

  const seedStart = performance.now();
  const platforms = createInboxPlatforms(TOTAL, ACCOUNTS, time, clock);
  const seedMs = performance.now() - seedStart;

  // The deliveries: webhook-only accounts' engagements, a tenth of the polled ones', then
  // redeliveries and forged copies of some of them, all in one shuffled stream.
  const webhooked = platforms.seeded.filter(
    (item) => item.delivery !== undefined && (!item.polled || random() < BOTH_PATHS),
  );
  const signStart = performance.now();
  const originals: Delivery[] = [];
  for (const item of webhooked) if (item.delivery !== undefined) originals.push(await item.delivery());
  const pick = (): Delivery => originals[Math.floor(random() * originals.length)] as Delivery;
  const sends: Send[] = [
    ...originals.map((delivery) => ({ delivery, forged: false })),
    ...Array.from({ length: Math.round(TOTAL * DUPLICATE_SHARE) }, () => ({
      delivery: pick(),
      forged: false,
    })),
    ...Array.from({ length: Math.round(TOTAL * FORGED_SHARE) }, () => ({ delivery: pick(), forged: true })),
  ];
  shuffle(sends, random);
  const signMs = performance.now() - signStart;

  const counting = countingStore(sqliteInboxStore(join(dir, 'smm.db')));
  const { store } = counting;
  const publisher = createPublisher({
    adapters: platforms.adapters,
    tokens: platforms.tokens,
    clock,
    retry: { random: () => 0.5 },
    // Waiting for a budget costs simulated time only: let a poll wait out Graph's hourly window.
    throttle: { maxWaitMs: 6 * 3_600_000 },
  });
  const inbox = createInbox({
    adapters: platforms.adapters,
    publisher,
    accounts: platforms.polled,
    store,
    clock,
  });
  const errors: unknown[] = [];
  inbox.events.on('error', ({ error }) => errors.push(error));
  const outcomes = new Map<string, number>();
  let routerDuplicates = 0;
  const router = createWebhookRouter({
    adapters: platforms.adapters,
    onEngagements: async (engagements) => {
      await inbox.ingest(engagements);
    },
    seen: seenStoreOf(store, { clock }),
    clock,
    onOutcome: (outcome) => {
      outcomes.set(outcome.kind, (outcomes.get(outcome.kind) ?? 0) + 1);
      routerDuplicates += outcome.duplicates;
      if (outcome.error !== undefined && errors.length < 5) errors.push(outcome.error);
    },
  });

  const deliver = async (batch: readonly Send[]): Promise<void> => {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < batch.length) {
          const send = batch[next] as Send;
          next += 1;
          await router(deliveryRequest(send.delivery, send.forged));
        }
      }),
    );
  };
  const half = Math.ceil(sends.length / 2);
  const runStart = performance.now();
  await deliver(sends.slice(0, half));
  const rounds = [await inbox.poll()];
  await deliver(sends.slice(half));
  // As the poll loop would: rounds until one finds nothing new and nothing failed (a listing
  // that failed on a budget resumes from its stored cursor in the next round).
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const result = await inbox.poll();
    rounds.push(result);
    if (result.added.length === 0 && result.failures.length === 0) break;
  }
  const runMs = performance.now() - runStart;

  // What the store holds against what was seeded.
  const items = await store.list();
  const kept = new Set(items.map((item) => `${item.platform} ${item.id}`));
  const expected = new Set(platforms.seeded.map((item) => `${item.platform} ${item.id}`));
  const lostItems = platforms.seeded.filter((item) => !kept.has(`${item.platform} ${item.id}`));
  const strays = items.filter((item) => !expected.has(`${item.platform} ${item.id}`)).length;
  const forgedInStore = items.filter((item) => item.text.startsWith('FORGED')).length;
  const pollFailures = rounds.at(-1)?.failures.length ?? 0;
  const failedListings = rounds.reduce((sum, result) => sum + result.failures.length, 0);
  const storeDropped = counting.dropped();

  await publisher.shutdown();
  await store.close?.();
  rmSync(dir, { recursive: true, force: true });

  for (const item of lostItems.slice(0, 5))
    console.log(`  lost: ${item.platform} ${item.id} (${item.polled ? 'polled' : 'webhook'} account)`);
  for (const error of errors.slice(0, 5)) console.log(`  error: ${String(error)}`);
  for (const failure of rounds.at(-1)?.failures ?? [])
    console.log(
      `  still failing: ${failure.source.platform} ${failure.source.accountId}: ${String(failure.error)}`,
    );
  const byPlatform = [...platforms.perPlatform].map(([platform, count]) => `${platform} ${count}`).join(', ');
  const byOutcome = [...outcomes].map(([kind, count]) => `${kind} ${count}`).join(', ');
  console.log(
    `seeded ${platforms.seeded.length} (${byPlatform}) in ${(seedMs / 1000).toFixed(1)} real s; ` +
      `${platforms.polled.length} accounts polled; ${sends.length} deliveries signed in ${(signMs / 1000).toFixed(1)} real s ` +
      `(${originals.length} first deliveries, ${Math.round(TOTAL * DUPLICATE_SHARE)} redeliveries, ${Math.round(TOTAL * FORGED_SHARE)} forged)`,
  );
  console.log(
    `delivered and polled in ${(runMs / 1000).toFixed(1)} real s (${((time.now() - START) / 60_000).toFixed(1)} simulated min); ` +
      `router: ${byOutcome}; duplicates dropped by the router ${routerDuplicates}, by the store ${storeDropped}; ` +
      `${rounds.length} rounds of polling: ${rounds.map((result) => result.added.length).join(' + ')} new, ` +
      `${failedListings} listings failed and resumed, ${pollFailures} failed in the last round; ` +
      `items of no seed ${strays}, forged text stored ${forgedInStore}, errors ${errors.length}`,
  );
  console.log(
    `inbox: ingested=${items.length} duplicates_dropped=${routerDuplicates + storeDropped} ` +
      `forged_rejected=${outcomes.get('forged') ?? 0} lost=${lostItems.length} per_s=${Math.round(items.length / (runMs / 1000))}`,
  );
  if (lostItems.length > 0 || strays > 0 || forgedInStore > 0 || pollFailures > 0) process.exitCode = 1;
}

await main();
