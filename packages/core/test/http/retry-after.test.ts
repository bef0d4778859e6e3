import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/http/retry-after.js';

const now = Date.parse('2026-11-22T20:00:00Z');

describe('parseRetryAfter', () => {
  it('reads a delay in seconds as that long after now', () => {
    expect(parseRetryAfter('120', now)).toEqual(new Date('2026-11-22T20:02:00Z'));
    expect(parseRetryAfter('0', now)).toEqual(new Date(now));
    expect(parseRetryAfter(' 30 ', now)).toEqual(new Date('2026-11-22T20:00:30Z'));
  });

  it('reads an HTTP-date as that instant, whatever now is', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 20:05:00 GMT', now)).toEqual(new Date('2026-11-22T20:05:00Z'));
    // RFC 850 form, obsolete but still to be accepted (RFC 9110 §5.6.7).
    expect(parseRetryAfter('Sunday, 22-Nov-26 20:05:00 GMT', now)).toEqual(new Date('2026-11-22T20:05:00Z'));
  });

  it('gives undefined for an absent header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it.each(['', 'soon', 'later please', '12 34', '1.5', '-1', '+30', '0x10'])(
    'gives undefined for the unreadable value %j rather than guessing a date',
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    },
  );

  it('gives undefined, not an Invalid Date, for a delay too large to be a date', () => {
    expect(parseRetryAfter('99999999999999999999', now)).toBeUndefined();
  });
});
