import { describe, expect, it } from 'vitest';
import type { Adapter, EngagementPage } from '../../src/adapter/adapter.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { InboxErrorEvent } from '../../src/inbox/events.js';
import { createInbox } from '../../src/inbox/inbox.js';
import type { InboxOptions } from '../../src/inbox/inbox-options.js';
import type { InboxStore } from '../../src/inbox/inbox-store.js';
import { memoryInboxStore } from '../../src/inbox/memory-inbox-store.js';
import type { Engagement } from '../../src/models/engagement.js';
import type { Publisher } from '../../src/publisher/publisher.js';

// One broken part, one failure: an adapter's broken item, an app listener that throws, a rule
// whose store read fails, a restart while stopping and a config mistake each stay where they are.

const ACCOUNT = { platform: 'x', accountId: 'me' };

/** An engagement on the account, from a fan, `minutesAgo` before now. */
function engagement(id: string, text = 'hello', minutesAgo = 0): Engagement {
  return {
    ...ACCOUNT,
    id,
    kind: 'comment' as const,
    author: { id: `fan-${id}` },
    text,
    createdAt: new Date(Date.now() - minutesAgo * 60_000),
    raw: {},
  };
}

/** A publisher that runs each task at once: these tests are not about budgets. */
const publisher = {
  run: (_account: unknown, _operation: unknown, task: (context: object) => unknown) => task({}),
} as unknown as Publisher;

/** An X adapter whose account listing returns `pages()` each time it is read. */
function listingAdapter(pages: () => EngagementPage[], onRead: () => void = () => {}): Adapter {
  return {
    platform: 'x',
    async *listEngagements() {
      onRead();
      yield* pages();
    },
  } as unknown as Adapter;
}

/** An inbox over `options` with the account above, recording its `error` events. */
function recordingInbox(options: Partial<InboxOptions>) {
  const inbox = createInbox({
    adapters: [],
    publisher,
    accounts: [],
    store: memoryInboxStore(),
    pollIntervalMs: 60_000,
    ...options,
  });
  const errors: InboxErrorEvent[] = [];
  inbox.events.on('error', (event) => errors.push(event));
  return { inbox, errors };
}

describe('an adapter page with an item that is not a valid engagement', () => {
  it('stores the valid items and the cursor, reports each invalid one by id, and polls on', async () => {
    const store = memoryInboxStore();
    const withoutAuthor = { ...engagement('3'), author: undefined, raw: { access_token: 'tok-secret-3' } };
    const withoutId = { ...engagement('x'), id: 42, raw: { access_token: 'tok-secret-4' } };
    const adapter = listingAdapter(() => [
      {
        items: [engagement('1'), engagement('2'), withoutAuthor, withoutId, engagement('5')],
      } as EngagementPage,
    ]);
    const { inbox, errors } = recordingInbox({ adapters: [adapter], accounts: [ACCOUNT], store });

    const first = await inbox.poll();
    expect(first.failures).toEqual([]);
    expect(first.added.map((item) => item.id)).toEqual(['1', '2', '5']);
    const source = { ...ACCOUNT, source: 'account' };
    expect((await store.getCursor(source))?.since).toBeInstanceOf(Date);
    // An app that reads only the round's result sees them too (an error event nobody listens to is dropped).
    expect(first.skipped).toEqual([
      { error: expect.any(ValidationError), source, item: { ...ACCOUNT, id: '3' } },
      { error: expect.any(ValidationError), source },
    ]);
    expect(errors).toEqual([
      { error: expect.any(ValidationError), during: 'poll', source, item: { ...ACCOUNT, id: '3' } },
      { error: expect.any(ValidationError), during: 'poll', source },
    ]);
    const [missingAuthor, missingId] = errors.map((event) => event.error as ValidationError);
    expect(missingAuthor?.problems.map((problem) => problem.path)).toEqual([['author']]);
    expect(missingAuthor?.message).toContain('"3"');
    expect(missingId?.problems.map((problem) => problem.path)).toEqual([['id']]);
    expect(JSON.stringify([missingAuthor, missingId])).not.toContain('tok-secret');

    const second = await inbox.poll();
    expect(second.failures).toEqual([]);
    expect(await store.list()).toHaveLength(3);
  });
});

describe("the app's listeners", () => {
  it('a listener that throws is reported, and the listeners after it still get every engagement', async () => {
    const { inbox, errors } = recordingInbox({});
    inbox.events.on('engagement', () => {
      throw new Error('the UI push failed');
    });
    const received: string[] = [];
    inbox.events.on('engagement', ({ item }) => received.push(item.id));

    const added = await inbox.ingest([engagement('c1'), engagement('c2')]);

    expect(added).toHaveLength(2);
    expect(received).toEqual(['c1', 'c2']);
    expect(errors).toEqual([
      { error: expect.any(Error), during: 'listener' },
      { error: expect.any(Error), during: 'listener' },
    ]);
  });

  it('an async listener whose promise rejects is reported, not left as an unhandled rejection', async () => {
    const { inbox, errors } = recordingInbox({});
    let rejected: Promise<void> | undefined;
    inbox.events.on('engagement', () => {
      rejected = Promise.reject(new Error('the webhook to Slack failed'));
      return rejected;
    });

    await inbox.ingest([engagement('c1')]);
    await rejected?.catch(() => {});
    await Promise.resolve();

    expect(errors).toEqual([{ error: expect.any(Error), during: 'listener' }]);
  });
});

describe('listening rules when the store fails', () => {
  /** A store whose `list` fails the first `failures` times. */
  function storeFailingLists(failures: number): InboxStore {
    const store = memoryInboxStore();
    const list = store.list.bind(store);
    let left = failures;
    store.list = async (query) => {
      if (left > 0) {
        left -= 1;
        throw new Error('the database blinked');
      }
      return list(query);
    };
    return store;
  }

  it('still sends the other rules’ alerts, and reads the spike baseline again once the store is back', async () => {
    const store = storeFailingLists(1);
    // A week of steady complaints: two more in an hour is no spike for this account.
    const week = Array.from({ length: 400 }, (_, index) =>
      engagement(`old${index}`, 'terrible awful horrible', 120 + index * 25),
    );
    await store.add(week, { receivedAt: new Date() });
    const { inbox, errors } = recordingInbox({
      store,
      rules: [
        { type: 'keyword', name: 'refunds', anyOf: ['refund'] },
        { type: 'spike', name: 'complaints', minCount: 2 },
      ],
    });
    const alerts: string[] = [];
    inbox.events.on('alert', (alert) => alerts.push(alert.rule));

    await inbox.ingest([engagement('n1', 'I want a refund, terrible awful horrible service')]);
    expect(alerts).toEqual(['refunds']);
    expect(errors).toEqual([{ error: expect.any(Error), during: 'rules' }]);

    await inbox.ingest([
      engagement('n2', 'terrible awful horrible'),
      engagement('n3', 'terrible awful horrible'),
    ]);
    expect(alerts).toEqual(['refunds']);
  });
});

describe('start() while stop() is still winding down', () => {
  it('starts polling again', async () => {
    let reads = 0;
    const adapter = listingAdapter(
      () => [{ items: [] }],
      () => {
        reads += 1;
      },
    );
    const { inbox } = recordingInbox({ adapters: [adapter], accounts: [ACCOUNT] });
    inbox.start();
    await inbox.poll(); // the loop's first round: the loop then waits out its interval
    expect(reads).toBe(1);

    const stopping = inbox.stop();
    inbox.start(); // a config reload restarts polling before the stop has settled
    await stopping;

    // The loop started again polls at once (the interval is a minute, so no old loop does).
    await expect.poll(() => reads).toBe(2);
    await inbox.stop();
  });
});

describe('config mistakes', () => {
  const searching = {
    platform: 'x',
    async *listEngagements() {},
    async *searchMentions() {},
  } as unknown as Adapter;

  /** What `run` threw or rejected with. */
  async function failure(run: () => unknown): Promise<unknown> {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  }

  it('two adapters for one platform are a ValidationError naming the second', async () => {
    const error = await failure(() => recordingInbox({ adapters: [searching, { ...searching }] }));
    expect(ValidationError.isInstance(error) && error.problems.map((problem) => problem.path)).toEqual([
      ['adapters', 1, 'platform'],
    ]);
  });

  it('an accounts list that is not one, or an account without an id or with posts as text, is a ValidationError with every path', async () => {
    const notAList = await failure(() => recordingInbox({ accounts: null as unknown as [] }));
    expect(ValidationError.isInstance(notAList) && notAList.problems.map((problem) => problem.path)).toEqual([
      ['accounts'],
    ]);
    const badAccounts = await failure(() =>
      recordingInbox({
        adapters: [searching],
        accounts: [{ platform: 'x' } as never, { ...ACCOUNT, posts: '1234' as unknown as string[] }],
      }),
    );
    expect(
      ValidationError.isInstance(badAccounts) && badAccounts.problems.map((problem) => problem.path),
    ).toEqual([
      ['accounts', 0, 'accountId'],
      ['accounts', 1, 'posts'],
    ]);
  });

  it('an accounts function that returns a search term that is not text rejects the round with a ValidationError', async () => {
    const { inbox } = recordingInbox({
      adapters: [searching],
      accounts: () => [{ ...ACCOUNT, search: [42 as unknown as string] }],
    });
    const error = await failure(() => inbox.poll());
    expect(ValidationError.isInstance(error) && error.problems.map((problem) => problem.path)).toEqual([
      ['accounts', 0, 'search', 0],
    ]);
  });

  it('an accounts function that returns no list rejects the round with a ValidationError', async () => {
    const { inbox } = recordingInbox({
      adapters: [searching],
      accounts: () => null as unknown as [],
    });
    const error = await failure(() => inbox.poll());
    expect(ValidationError.isInstance(error) && error.problems.map((problem) => problem.path)).toEqual([
      ['accounts'],
    ]);
    expect(ValidationError.isInstance(error) && error.hint).toMatch(/accounts function/);
  });
});
