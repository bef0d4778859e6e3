import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { InboxStore } from '../../src/inbox/inbox-store.js';
import { DAY, emitted, HOUR, START, useInboxWorld } from './support/world.js';

const world = useInboxWorld();

/** Which of `ids` the store still holds as seen in the `webhooks` scope. */
async function stillSeen(store: InboxStore, ids: readonly string[]): Promise<string[]> {
  const at = await store.seenIdsAt('webhooks', ids);
  return ids.filter((_, index) => at[index] !== undefined);
}

/** The world's store, counting its `forgetSeenIds` calls and failing them while `failing` is set. */
function countingStore(): InboxStore & { calls: Date[]; failing: boolean } {
  const store = world.store();
  const counted = Object.assign(Object.create(store) as InboxStore, { calls: [] as Date[], failing: false });
  counted.forgetSeenIds = async (before) => {
    counted.calls.push(before);
    if (counted.failing) throw new Error('disk full');
    return store.forgetSeenIds(before);
  };
  return counted;
}

describe('forgetting old seen ids', () => {
  it('forgets webhook ids recorded over 7 days ago while it polls, and keeps the newer ones', async () => {
    const store = world.store();
    await store.markSeenIds('webhooks', ['old'], new Date(START - 8 * DAY));
    await store.markSeenIds('webhooks', ['recent'], new Date(START - 6 * DAY));
    const inbox = world.inbox({ accounts: [] });
    await inbox.poll();
    await inbox.stop();
    expect(await stillSeen(store, ['old', 'recent'])).toEqual(['recent']);
  });

  it('forgets while it ingests too, with the retention asked for', async () => {
    const store = world.store();
    await store.markSeenIds('webhooks', ['two-hours'], new Date(START - 2 * HOUR));
    await store.markSeenIds('webhooks', ['now'], new Date(START));
    const inbox = world.inbox({ accounts: [], keepSeenIdsMs: HOUR });
    await inbox.ingest([]);
    await inbox.stop();
    expect(await stillSeen(store, ['two-hours', 'now'])).toEqual(['now']);
  });

  it('forgets at most once an hour per process', async () => {
    const store = countingStore();
    const inbox = world.inbox({ accounts: [], store });
    await inbox.poll();
    await inbox.poll();
    world.time.set(START + HOUR - 1);
    await inbox.ingest([]);
    expect(store.calls).toHaveLength(1);
    world.time.set(START + HOUR);
    await inbox.poll();
    await inbox.stop();
    expect(store.calls.map((before) => before.getTime())).toEqual([START - 7 * DAY, START + HOUR - 7 * DAY]);
  });

  it('reports a failure as an error event and tries again at the next poll', async () => {
    const store = countingStore();
    store.failing = true;
    const inbox = world.inbox({ accounts: [], store });
    await inbox.poll();
    await inbox.stop();
    expect(emitted(inbox, 'error').map(({ during, error }) => [during, (error as Error).message])).toEqual([
      ['forget', 'disk full'],
    ]);
    store.failing = false;
    await inbox.poll();
    await inbox.stop();
    expect(store.calls).toHaveLength(2);
    expect(emitted(inbox, 'error')).toHaveLength(1);
  });

  it('keeps every id with Infinity or a span beyond the earliest date, and refuses a retention that is not a positive number', async () => {
    for (const keepSeenIdsMs of [Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER]) {
      const store = countingStore();
      const inbox = world.inbox({ accounts: [], store, keepSeenIdsMs });
      await inbox.poll();
      await inbox.stop();
      expect(store.calls).toEqual([]);
    }
    for (const keepSeenIdsMs of [0, -1, Number.NaN]) {
      expect(() => world.inbox({ accounts: [], keepSeenIdsMs })).toThrow(ValidationError);
    }
  });
});
