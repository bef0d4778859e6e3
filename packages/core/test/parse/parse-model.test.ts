import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ValidationError } from '../../src/errors/validation-error.js';
import { parseModel, safeParseModel } from '../../src/parse/parse-model.js';

/** The problems `schema` finds in `input`. */
function problemsOf(schema: z.core.$ZodType, input: unknown) {
  const result = safeParseModel(schema, input);
  return result.success ? [] : result.problems;
}

describe('parseModel', () => {
  it('returns the parsed output when the input is valid', () => {
    expect(parseModel(z.object({ a: z.string() }), { a: 'x', b: 1 }, 'thing')).toEqual({ a: 'x' });
  });

  it('throws one ValidationError naming the subject and each path', () => {
    const schema = z.object({ a: z.string(), b: z.array(z.number()) });
    try {
      parseModel(schema, { a: 1, b: [1, 'two'] }, 'thing');
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      if (!ValidationError.isInstance(error)) return;
      expect(error.retryable).toBe(false);
      expect(error.message).toBe(
        'Invalid thing (2 problems):\n  - a: expected a string, got number\n  - b[1]: expected a number, got string',
      );
    }
  });

  it('names a number that is not finite instead of its type', () => {
    const schema = z.object({ durationSec: z.number(), value: z.number() });
    expect(problemsOf(schema, { durationSec: Number.POSITIVE_INFINITY, value: Number.NaN })).toEqual([
      expect.objectContaining({ path: ['durationSec'], message: 'expected a number, got Infinity' }),
      expect.objectContaining({ path: ['value'], message: 'expected a number, got NaN' }),
    ]);
  });

  it('words size limits and fills limit and actual', () => {
    expect(problemsOf(z.string().check(z.maxLength(280)), 'x'.repeat(300))).toEqual([
      {
        path: [],
        rule: 'schema.too_big',
        message: 'must be at most 280 characters',
        limit: 280,
        actual: 300,
      },
    ]);
    expect(problemsOf(z.int().check(z.positive()), 0)).toEqual([
      { path: [], rule: 'schema.too_small', message: 'must be greater than 0', limit: 0, actual: 0 },
    ]);
    expect(problemsOf(z.int(), 1.5)).toEqual([
      { path: [], rule: 'schema.invalid_type', message: 'expected an integer, got 1.5' },
    ]);
  });

  it('lists the allowed values of an enum', () => {
    expect(problemsOf(z.enum(['draft', 'scheduled']), 'done')).toEqual([
      { path: [], rule: 'schema.invalid_value', message: 'must be one of: draft, scheduled' },
    ]);
  });

  it('keeps a message a schema sets itself', () => {
    const schema = z.string().check(z.refine((s) => s.startsWith('#'), { error: 'must start with #' }));
    expect(problemsOf(schema, 'tag')).toEqual([
      { path: [], rule: 'schema.custom', message: 'must start with #' },
    ]);
  });

  it('reports a bad record key with the key in the path', () => {
    const schema = z.record(z.string().check(z.regex(/^[a-z]+$/)), z.number());
    expect(problemsOf(schema, { Bad: 1 })).toEqual([
      { path: ['Bad'], rule: 'schema.invalid_key', message: 'invalid key: does not match /^[a-z]+$/' },
    ]);
  });
});
