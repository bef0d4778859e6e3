import { describe, expect, it } from 'vitest';
import { staticTokenProvider } from '../../src/auth/static-token-provider.js';
import { createPublisher } from '../../src/publisher/publisher.js';
import { memoryScheduleStore } from '../../src/scheduler/memory-schedule-store.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { clockReading, WRONG_READINGS } from '../fixtures/clock-reading.js';
import { catchValidation } from './time/catch-validation.js';

describe('createScheduler: the injected clock', () => {
  // A seconds clock puts "now" in January 1970: 'next-slot' plans in 1970 and entries at real
  // times never come due. A Date clock breaks every now() + ms. Both are refused when it is made.
  it.each(WRONG_READINGS)(
    'refuses a clock whose now() returns %s, saying to return epoch milliseconds',
    (_, value, actual) => {
      const store = memoryScheduleStore();
      // The publisher runs on the system clock: only the scheduler's clock is wrong.
      const publisher = createPublisher({
        adapters: [],
        tokens: () => staticTokenProvider('t'),
        outbox: store,
      });
      const error = catchValidation(() => createScheduler({ store, publisher, clock: clockReading(value) }));
      expect(error.problems).toEqual([
        expect.objectContaining({ path: ['clock', 'now'], rule: 'scheduler.clock_now', actual }),
      ]);
      expect(error.message).toMatch(/clock\.now\(\) returned .*epoch milliseconds/);
      expect(error.hint).toContain('now() returns epoch milliseconds');
    },
  );
});
