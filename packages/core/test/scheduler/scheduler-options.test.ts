import { describe, expect, it } from 'vitest';
import { staticTokenProvider } from '../../src/auth/static-token-provider.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { createPublisher } from '../../src/publisher/publisher.js';
import { memoryScheduleStore } from '../../src/scheduler/memory-schedule-store.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import type { AccountQueue, SchedulerOptions } from '../../src/scheduler/scheduler-options.js';
import { catchValidation } from './time/catch-validation.js';

/** Makes a scheduler on a memory store with `options` (any value, as a plain-JS caller may pass). */
function make(options: Record<string, unknown>) {
  const store = memoryScheduleStore();
  const publisher = createPublisher({ adapters: [], tokens: () => staticTokenProvider('t'), outbox: store });
  return createScheduler({ store, publisher, ...options } as SchedulerOptions);
}

const paths = (error: ValidationError) => error.problems.map((problem) => problem.path);
const queue: AccountQueue = {
  platform: 'x',
  accountId: '2244994945',
  zone: 'Europe/Berlin',
  slots: ['09:00'],
};

describe('scheduler options: queues', () => {
  it("refuses an account listed twice with a ValidationError at ['accounts', i] and a hint", () => {
    const error = catchValidation(() => make({ accounts: [queue, { ...queue, slots: ['17:00'] }] }));
    expect(paths(error)).toEqual([['accounts', 1]]);
    expect(error.problems[0]?.rule).toBe('scheduler.account_twice');
    expect(error.message).toContain('x:2244994945 is listed twice');
    expect(error.hint).toContain('all its slots in one list');
  });

  it('refuses accounts that are not a list, or hold a non-object, naming where', () => {
    expect(paths(catchValidation(() => make({ accounts: 'x:2244994945' })))).toEqual([['accounts']]);
    expect(paths(catchValidation(() => make({ accounts: [queue, null] })))).toEqual([['accounts', 1]]);
  });

  it("refuses a 'next-slot' when the accounts function returns an account twice, and says the next call reads again", async () => {
    const scheduler = make({ accounts: async () => [queue, queue] });
    const error = await scheduler
      .schedule({ text: 'Hi' }, [{ platform: 'x', accountId: '2244994945' }], 'next-slot')
      .then(
        () => undefined,
        (rejection: unknown) => rejection,
      );
    expect(ValidationError.isInstance(error), String(error)).toBe(true);
    if (!ValidationError.isInstance(error)) return;
    expect(paths(error)).toEqual([['accounts', 1]]);
    expect(error.hint).toContain('accounts function');
  });
});

describe('scheduler options: numbers', () => {
  it.each([
    ['leaseMs', 0],
    ['pollIntervalMs', -1],
    ['batchSize', Number.NaN],
    ['maxLatenessMs', Number.POSITIVE_INFINITY],
    ['leaseMs', '60000'],
  ])('refuses %s %s with a ValidationError at its name and an example', (name, value) => {
    const error = catchValidation(() => make({ [name]: value }));
    expect(paths(error)).toEqual([[name]]);
    expect(error.problems[0]?.message).toContain('must be a number above 0');
    expect(error.hint).toContain(`${name} a number above 0, e.g.`);
  });

  it.each([Number.NaN, 1.5, 3661])(
    'refuses slotHorizonDays %s: whole days from 1 to 3660, as next-slot reads it',
    (value) => {
      const error = catchValidation(() => make({ slotHorizonDays: value }));
      expect(paths(error)).toEqual([['slotHorizonDays']]);
      expect(error.problems[0]?.message).toContain('must be a whole number of days from 1 to 3660');
    },
  );

  it('names every bad number at once', () => {
    expect(paths(catchValidation(() => make({ leaseMs: 0, batchSize: -5 })))).toEqual([
      ['leaseMs'],
      ['batchSize'],
    ]);
  });

  it('still takes good numbers and left-out ones', () => {
    expect(() => make({ leaseMs: 30_000, maxLatenessMs: 7_200_000, slotHorizonDays: 30 })).not.toThrow();
    expect(() => make({})).not.toThrow();
  });

  it('refuses options that are not an object', () => {
    expect(paths(catchValidation(() => createScheduler(undefined as never)))).toEqual([[]]);
  });
});
