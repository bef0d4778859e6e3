import { ValidationError } from '../errors/validation-error.js';
import { describeKind } from '../parse/value-kind.js';

/**
 * Refuses an entry id that is not a non-empty string before any store is asked: a store would
 * otherwise fail on it with its own raw error (SQLite cannot bind `undefined`). The usual slip is
 * `(await schedule(…)).id`: `schedule` resolves with an array of entries.
 *
 * @param id - what the caller passed as the entry's id
 * @param action - what was asked (`approve`, `cancel`, …), for the error
 * @param path - where the id is in what was passed (default `['id']`)
 * @throws ValidationError (`entry.id`) for anything but a non-empty string
 */
export function requireEntryId(
  id: unknown,
  action: string,
  path: readonly (string | number)[] = ['id'],
): asserts id is string {
  if (typeof id === 'string' && id.length > 0) return;
  const got = typeof id === 'string' ? 'an empty string' : describeKind(id);
  throw new ValidationError(
    [
      {
        path,
        rule: 'entry.id',
        message: `the entry id to ${action} must be a non-empty string; got ${got}`,
        actual: got,
      },
    ],
    `${action} request`,
    {
      hint: 'Pass the id of an entry: schedule() resolves with an array of entries, so take entries[0].id (one per account for next-slot), or an id from list().',
    },
  );
}
