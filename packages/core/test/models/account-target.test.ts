import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import { parseAccount, parseTarget } from '../../src/parse/parse-models.js';

describe('parseAccount', () => {
  it('parses an account and strips unknown keys', () => {
    expect(
      parseAccount({ platform: 'x', accountId: '2244994945', handle: 'XDevelopers', token: 'secret' }),
    ).toEqual({ platform: 'x', accountId: '2244994945', handle: 'XDevelopers' });
  });

  it('accepts third-party platform ids but not ones with capitals or spaces', () => {
    expect(parseAccount({ platform: 'my-forum_2', accountId: 'a' }).platform).toBe('my-forum_2');
    try {
      parseAccount({ platform: 'Bad Id', accountId: '' });
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      if (!ValidationError.isInstance(error)) return;
      expect(error.problems.map((p) => [p.path.join('.'), p.rule, p.message])).toEqual([
        [
          'platform',
          'schema.invalid_format',
          'must be a lowercase platform id such as "x" or "linkedin" (a-z, 0-9, "_", "-")',
        ],
        ['accountId', 'schema.too_small', 'must not be empty'],
      ]);
    }
  });
});

describe('parseTarget', () => {
  it('keeps per-target overrides and their platform options', () => {
    expect(
      parseTarget({
        platform: 'linkedin',
        accountId: 'urn:li:organization:1',
        overrides: { text: 'Longer LinkedIn version', options: { visibility: 'PUBLIC' } },
      }),
    ).toEqual({
      platform: 'linkedin',
      accountId: 'urn:li:organization:1',
      overrides: { text: 'Longer LinkedIn version', options: { visibility: 'PUBLIC' } },
    });
  });

  it('refuses an override the post does not have, instead of dropping it', () => {
    expect(() =>
      parseTarget({ platform: 'x', accountId: '1', overrides: { txt: 'Short version for X' } }),
    ).toThrow(/overrides: unknown key: txt/);
  });

  it('reports a missing account id as required', () => {
    try {
      parseTarget({ platform: 'x' });
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      if (ValidationError.isInstance(error)) {
        expect(error.problems).toEqual([
          { path: ['accountId'], rule: 'schema.invalid_type', message: 'is required (expected a string)' },
        ]);
        expect(error.message).toContain('Invalid target (1 problem)');
      }
    }
  });
});
