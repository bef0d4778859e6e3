import { expect } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error.js';

/** Runs `run`, expects a ValidationError and returns it (fails the test otherwise). */
export function catchValidation(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(ValidationError.isInstance(error), String(error)).toBe(true);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}
