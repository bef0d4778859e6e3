import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import { isValidTimeZone, TimeZoneSchema } from '../../src/models/time-zone.js';
import { safeParseModel } from '../../src/parse/parse-model.js';
import { parseAccount } from '../../src/parse/parse-models.js';

describe('time zones', () => {
  it('knows IANA zones such as Europe/Berlin and UTC', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
  });

  it('rejects made-up and empty zone names', () => {
    expect(isValidTimeZone('Mars/Base')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('reports an unknown zone by name', () => {
    const result = safeParseModel(TimeZoneSchema, 'Mars/Base');
    expect(result).toEqual({
      success: false,
      problems: [{ path: [], rule: 'schema.custom', message: 'unknown time zone "Mars/Base"' }],
    });
  });

  it('cuts a huge zone name short instead of echoing it in the message', () => {
    const result = safeParseModel(TimeZoneSchema, 'A'.repeat(10_000));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.problems[0]?.message.length).toBeLessThan(80);
  });

  it("rejects an account whose time zone is unknown, at path ['timeZone']", () => {
    expect(parseAccount({ platform: 'x', accountId: '1', timeZone: 'Europe/Berlin' }).timeZone).toBe(
      'Europe/Berlin',
    );
    try {
      parseAccount({ platform: 'x', accountId: '1', timeZone: 'Mars/Base' });
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      if (ValidationError.isInstance(error))
        expect(error.problems.map((p) => p.path)).toEqual([['timeZone']]);
    }
  });
});
