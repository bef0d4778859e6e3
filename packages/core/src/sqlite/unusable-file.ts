import type { DatabaseSync } from 'node:sqlite';
import { ValidationError } from '../errors/validation-error.js';
import { withUnprintedCause } from '../security/callback-error.js';

/** Why smmkit cannot use a SQLite file, in words: the rule it breaks and what to do about it. */
export interface UnusableFileReason {
  /** Stable rule id of the problem (`sqlite.not_a_database`, `sqlite.damaged`, `sqlite.newer_tables`). */
  readonly rule: string;
  /** What the caller can do about it. */
  readonly hint: string;
}

/**
 * The error for a SQLite file smmkit cannot use as it is (not a database, damaged, or written by
 * a newer smmkit): a `ValidationError`, never retryable, since trying again fails the same way
 * until a person acts on the file. Holds the sentence that says what happened, never what the
 * file holds; the driver's error, when there is one, is kept as a `cause` that `util.inspect`
 * does not print.
 *
 * @param sentence - what happened, one sentence with its full stop
 * @param reason - the rule and the hint
 * @param cause - the driver's error, when the driver reported it
 * @returns the error to throw
 */
export function unusableFile(sentence: string, reason: UnusableFileReason, cause?: unknown): ValidationError {
  return withUnprintedCause(
    new ValidationError([{ path: [], rule: reason.rule, message: sentence }], 'SQLite file', {
      hint: reason.hint,
      cause,
    }),
  );
}

/**
 * The file a connection has open, quoted for a message (`"/srv/smm.db"`), or `undefined` for an
 * in-memory database, a closed connection or a Node without `DatabaseSync#location` (before 24).
 *
 * @param db - the connection, when there is one
 * @returns the quoted path, or `undefined`
 */
export function quotedFileOf(db: DatabaseSync | undefined): string | undefined {
  try {
    const location: unknown = typeof db?.location === 'function' ? db.location() : undefined;
    return typeof location === 'string' && location !== '' ? `"${location}"` : undefined;
  } catch {
    // A closed connection cannot say where it was: the message goes without the path.
    return undefined;
  }
}
