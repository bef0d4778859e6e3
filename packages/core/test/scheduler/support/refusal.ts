import { expect } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error.js';

/**
 * The ValidationError a call rejects with (fails the test for anything else).
 *
 * @param run - the call
 */
export async function refusal(run: () => Promise<unknown>): Promise<ValidationError> {
  const error = await run().then(
    () => new Error('expected a refusal, the call resolved'),
    (thrown: unknown) => thrown,
  );
  expect(ValidationError.isInstance(error), String(error)).toBe(true);
  return error as ValidationError;
}
