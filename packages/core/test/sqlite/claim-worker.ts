/**
 * A worker process for the SQLite schedule store's multi-process test: claims due entries from
 * the file in argv[2] in small batches until none are left, completes each, and prints the ids it
 * claimed as one JSON array. Run with `node --import ../support/source-hooks.ts`.
 */
import { sqliteScheduleStore } from '../../src/sqlite/index.js';

const [file, worker = 'worker'] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: claim-worker.ts <file> <worker>');
const store = sqliteScheduleStore(file);
const now = new Date('2026-05-01T07:00:00Z');
const claimed: string[] = [];
for (;;) {
  const batch = await store.claimDue({ now, limit: 3, worker, leaseMs: 3_600_000 });
  if (batch.length === 0) break;
  for (const { entry } of batch) {
    claimed.push(entry.id);
    await store.complete(entry.id, worker, { status: 'published' }, now);
  }
}
await store.close();
console.log(JSON.stringify(claimed));
