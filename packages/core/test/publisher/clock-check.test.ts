import { describe, expect, it } from 'vitest';
import { staticTokenProvider } from '../../src/auth/static-token-provider.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { createPublisher } from '../../src/publisher/publisher.js';
import type { Clock } from '../../src/time/clock.js';
import { fakeAdapter } from '../fixtures/capabilities.js';
import { clockReading, WRONG_READINGS } from '../fixtures/clock-reading.js';

/** The error `createPublisher` throws for `clock`, or `undefined` when it makes a publisher. */
function creationError(clock: Clock): unknown {
  try {
    createPublisher({ adapters: [fakeAdapter()], tokens: () => staticTokenProvider('t'), clock });
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('the injected clock', () => {
  // With now() giving a Date, now() + ms is a string: a fast-forward clock never reaches a
  // wait's end and a bucket paused by a 429 emits `rate-limited` forever; with epoch seconds,
  // rate windows never pass. Refused up front.
  const readings: readonly (readonly [string, unknown, string])[] = [
    ...WRONG_READINGS,
    ['a string', '2026-11-22T12:00:00.000Z', 'a string'],
  ];
  it.each(readings)(
    'refuses a clock whose now() returns %s with a ValidationError saying to return epoch ms',
    (_name, value, got) => {
      const error = creationError(clockReading(value));
      expect(ValidationError.isInstance(error)).toBe(true);
      if (!ValidationError.isInstance(error)) return;
      expect(error.problems).toEqual([
        expect.objectContaining({ path: ['clock', 'now'], rule: 'publisher.clock_now', actual: got }),
      ]);
      expect(error.message).toMatch(/clock\.now\(\) returned .*epoch milliseconds/);
      expect(error.hint).toMatch(/clock whose now\(\) returns epoch milliseconds/);
    },
  );
});
