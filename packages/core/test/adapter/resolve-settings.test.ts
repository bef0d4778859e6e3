import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { resolveSettings } from '../../src/adapter/resolve-settings.js';
import { fetchSetting, positiveIntegerSetting } from '../../src/adapter/settings-schemas.js';
import { ValidationError } from '../../src/errors/validation-error.js';

const Settings = z.object({
  maxTextLength: z._default(positiveIntegerSetting, 500),
  timeoutMs: z.optional(positiveIntegerSetting),
  fetch: z.optional(fetchSetting),
});

describe('resolveSettings', () => {
  it('fills in defaults and gives every setting left out as undefined', () => {
    const resolved = resolveSettings(Settings, {}, 'Example adapter settings', 'example');
    expect(resolved).toStrictEqual({ maxTextLength: 500, timeoutMs: undefined, fetch: undefined });
    expect(Object.keys(resolved).sort()).toEqual(['fetch', 'maxTextLength', 'timeoutMs']);
  });

  it('keeps the settings given', () => {
    const resolved = resolveSettings(Settings, { maxTextLength: 280, timeoutMs: 5000 }, 'Example', 'example');
    expect(resolved.maxTextLength).toBe(280);
    expect(resolved.timeoutMs).toBe(5000);
  });

  it('lists every bad setting in one ValidationError naming the subject and platform', () => {
    const error = (() => {
      try {
        resolveSettings(Settings, { maxTextLength: 0, fetch: 'nope' }, 'Example adapter settings', 'example');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    const validation = error as ValidationError;
    expect(validation.platform).toBe('example');
    expect(validation.message).toContain('Example adapter settings');
    expect(validation.problems.map((problem) => problem.rule)).toEqual([
      'settings.positive_integer',
      'settings.fetch',
    ]);
  });
});
