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

describe('publisher.publish: options that go wrong', () => {
  it('takes null options as no options and publishes', async () => {
    const { publisher } = fakeWorld();
    const outcomes = await publisher.publish(
      { text: 'hi' },
      [{ platform: 'fake', accountId: 'a' }],
      null as never,
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['published']);
  });

  it('rejects, instead of throwing, when the newKey option throws', async () => {
    const failure = new Error('no entropy');
    const { publisher } = fakeWorld(
      {},
      {
        newKey: () => {
          throw failure;
        },
      },
    );
    let returned: Promise<unknown> | undefined;
    expect(() => {
      returned = publisher.publish({ text: 'hi' }, [{ platform: 'fake', accountId: 'a' }]);
    }).not.toThrow();
    await expect(returned).rejects.toBe(failure);
  });
});
