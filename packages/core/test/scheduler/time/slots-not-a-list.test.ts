import { describe, expect, it } from 'vitest';
import { staticTokenProvider } from '../../../src/auth/static-token-provider.js';
import { createPublisher } from '../../../src/publisher/publisher.js';
import { checkQueueSlots } from '../../../src/scheduler/index.js';
import { memoryScheduleStore } from '../../../src/scheduler/memory-schedule-store.js';
import { createScheduler } from '../../../src/scheduler/scheduler.js';
import type { SchedulerOptions } from '../../../src/scheduler/scheduler-options.js';
import { nextFreeSlot } from '../../../src/scheduler/time/queue-slots.js';
import { catchValidation } from './catch-validation.js';

/** The problem a single slot written without its list brackets gets, at `path`. */
const oneStringProblem = (path: readonly (string | number)[]) =>
  expect.objectContaining({
    path,
    rule: 'slots.list',
    message: expect.stringContaining("not one string: write ['Mon 09:00']"),
  });

describe('queue slots given as one string instead of a list', () => {
  // An untyped config writes `slots: 'Mon 09:00'`: "no queue slots" would send its author looking
  // for slots that are there. The answer says slots are a list, and shows this one in a list.
  it("checkQueueSlots('Mon 09:00') says slots are a list and shows ['Mon 09:00']", () => {
    const error = catchValidation(() => checkQueueSlots('Mon 09:00' as unknown as string[]));
    expect(error.problems).toEqual([oneStringProblem(['slots'])]);
    expect(error.message).toContain('queue slots are a list of weekly slots');
  });

  it('nextFreeSlot names the kind of slots that are neither a list nor a string', () => {
    const error = catchValidation(() =>
      nextFreeSlot({ slots: { Mon: '09:00' } as never, zone: 'UTC', after: new Date(0) }),
    );
    expect(error.problems).toEqual([
      expect.objectContaining({ path: ['slots'], rule: 'slots.list', actual: 'object' }),
    ]);
  });

  it("createScheduler refuses an account's slots given as one string, at ['accounts', i, 'slots']", () => {
    const store = memoryScheduleStore();
    const publisher = createPublisher({
      adapters: [],
      tokens: () => staticTokenProvider('t'),
      outbox: store,
    });
    const accounts = [{ platform: 'x', accountId: '2244994945', zone: 'Europe/Berlin', slots: 'Mon 09:00' }];
    const error = catchValidation(() =>
      createScheduler({ store, publisher, accounts } as unknown as SchedulerOptions),
    );
    expect(error.problems).toEqual([oneStringProblem(['accounts', 0, 'slots'])]);
  });
});
