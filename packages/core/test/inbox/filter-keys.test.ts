import { describe, expect, it } from 'vitest';
import { staticTokenProvider } from '../../src/auth/static-token-provider.js';
import { createInbox } from '../../src/inbox/inbox.js';
import type { InboxFilter } from '../../src/inbox/inbox-api.js';
import { memoryInboxStore } from '../../src/inbox/memory-inbox-store.js';
import { createPublisher } from '../../src/publisher/publisher.js';
import { catchValidation } from '../scheduler/time/catch-validation.js';

const inbox = () =>
  createInbox({
    adapters: [],
    publisher: createPublisher({ adapters: [], tokens: () => staticTokenProvider('t') }),
    accounts: [],
    store: memoryInboxStore(),
  });

describe('inbox.items: the filter', () => {
  // North-star's spelling, { status: 'new' }, was ignored: the loop replying to every listed item
  // answered items already replied to as well.
  it('refuses a key it does not read, naming the one meant, before listing anything', () => {
    const filter = { status: 'new', kind: 'comment' } as unknown as InboxFilter;
    const error = catchValidation(() => inbox().items(filter));
    expect(error.problems.map(({ path, rule, message }) => ({ path, rule, message }))).toEqual([
      {
        path: ['status'],
        rule: 'options.unknown_key',
        message: 'unknown key `status`: did you mean `statuses`?',
      },
      { path: ['kind'], rule: 'options.unknown_key', message: 'unknown key `kind`: did you mean `kinds`?' },
    ]);
    expect(error.hint).toContain("statuses: ['new']");
  });

  it('refuses it in slaLog too', async () => {
    const filter = { platform: 'x' } as unknown as InboxFilter;
    await expect(inbox().slaLog(filter)).rejects.toMatchObject({
      problems: [{ path: ['platform'], message: 'unknown key `platform`: did you mean `platforms`?' }],
    });
  });

  it('still lists with the keys it reads', async () => {
    const listed = [];
    for await (const item of inbox().items({ statuses: ['new'], kinds: ['comment'], platforms: ['x'] })) {
      listed.push(item);
    }
    expect(listed).toEqual([]);
  });
});
