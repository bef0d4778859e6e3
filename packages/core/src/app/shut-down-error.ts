import { ValidationError } from '../errors/validation-error.js';

/**
 * The error of a facade call made once `smm.shutdown()` has begun: the store is closed (or
 * closing), so nothing was read, sent or stored. A `ValidationError` (rule `app.shut_down`),
 * not retryable: only a new facade can go on.
 *
 * @param call - the call refused, as the user wrote it (`publish`, `accounts.get`)
 * @returns the error to throw
 */
export function shutDownError(call: string): ValidationError {
  return new ValidationError(
    [
      {
        path: [],
        rule: 'app.shut_down',
        message: `smm.${call}() was called after smm.shutdown(): this app is shut down and its store is closed`,
      },
    ],
    `call to smm.${call}`,
    {
      hint: 'Nothing was sent or stored. Create a new app with `await createSmmkit({ store, adapters })` (on a newly opened store) and call it instead.',
    },
  );
}
