import { ValidationError } from '../errors/validation-error.js';

/**
 * The error a store's `add` throws for ids already taken (by a stored entry or an earlier one of
 * the same call); nothing of the call was added.
 *
 * @param taken - each taken id with its index in the call
 */
export function idTakenError(
  taken: readonly { readonly index: number; readonly id: string }[],
): ValidationError {
  return new ValidationError(
    taken.map(({ index, id }) => ({
      path: [index, 'id'],
      rule: 'schedule.id_taken',
      message: `the id "${id}" is taken: each schedule entry needs an id of its own`,
    })),
    'schedule entries',
    { hint: 'Give each entry a new id (or use addIfAbsent to add only what is missing); nothing was added.' },
  );
}
