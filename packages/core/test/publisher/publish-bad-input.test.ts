import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { Target } from '../../src/models/target.js';
import { fakeWorld } from './support/world.js';

describe('publisher.publish: targets that are not a list', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an object', { platform: 'fake', accountId: 'a' }],
    ['a list with null in it', [null]],
  ])('rejects with a ValidationError for %s instead of throwing', async (_name, targets) => {
    const { publisher } = fakeWorld();
    let returned: Promise<unknown> | undefined;
    expect(() => {
      returned = publisher.publish({ text: 'hi' }, targets as unknown as Target[]);
    }).not.toThrow();
    const error = await returned?.catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
  });
});
