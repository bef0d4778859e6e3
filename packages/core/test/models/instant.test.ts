import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { InstantSchema } from '../../src/models/instant.js';
import { safeParseModel } from '../../src/parse/parse-model.js';

describe('InstantSchema', () => {
  it('turns an ISO-8601 string with offset into the same instant as a Date', () => {
    const parsed = z.parse(InstantSchema, '2026-05-01T09:00:00+02:00');
    expect(parsed).toBeInstanceOf(Date);
    expect(parsed.toISOString()).toBe('2026-05-01T07:00:00.000Z');
  });

  it('accepts a Date and returns a copy, so later changes to the original do not leak in', () => {
    const original = new Date('2026-05-01T07:00:00Z');
    const parsed = z.parse(InstantSchema, original);
    original.setUTCFullYear(2030);
    expect(parsed.toISOString()).toBe('2026-05-01T07:00:00.000Z');
  });

  it('rejects an invalid Date, a string without offset, and a number with readable messages', () => {
    const messages = [new Date('x'), '2026-05-01T09:00:00', 1_777_000_000].map((input) => {
      const result = safeParseModel(InstantSchema, input);
      return result.success ? 'parsed' : result.problems.map((p) => `${p.rule}: ${p.message}`).join('; ');
    });
    expect(messages).toEqual([
      'schema.invalid_union: is an invalid Date',
      'schema.invalid_format: must be an ISO-8601 date-time with offset, e.g. 2026-05-01T09:00:00Z',
      'schema.invalid_union: expected a Date or an ISO-8601 date-time string with offset, got number',
    ]);
  });
});
