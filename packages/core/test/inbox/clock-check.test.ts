import { describe, expect, it } from 'vitest';
import { staticTokenProvider } from '../../src/auth/static-token-provider.js';
import { createInbox } from '../../src/inbox/inbox.js';
import { memoryInboxStore } from '../../src/inbox/memory-inbox-store.js';
import { createPublisher } from '../../src/publisher/publisher.js';
import { clockReading, WRONG_READINGS } from '../fixtures/clock-reading.js';
import { catchValidation } from '../scheduler/time/catch-validation.js';

describe('createInbox: the injected clock', () => {
  // A seconds clock dates items and seen ids in January 1970 (old seen ids are never forgotten);
  // a Date clock breaks every now() + ms, so the polling loop never wakes. Refused when made.
  it.each(WRONG_READINGS)(
    'refuses a clock whose now() returns %s, saying to return epoch milliseconds',
    (_, value, actual) => {
      const publisher = createPublisher({ adapters: [], tokens: () => staticTokenProvider('t') });
      const error = catchValidation(() =>
        createInbox({
          adapters: [],
          publisher,
          accounts: [],
          store: memoryInboxStore(),
          clock: clockReading(value),
        }),
      );
      expect(error.problems).toEqual([
        expect.objectContaining({ path: ['clock', 'now'], rule: 'inbox.clock_now', actual }),
      ]);
      expect(error.message).toMatch(/clock\.now\(\) returned .*epoch milliseconds/);
      expect(error.hint).toContain('now() returns epoch milliseconds');
    },
  );
});
