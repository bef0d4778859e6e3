import { type InspectOptions, inspect } from 'node:util';

// A copy of core's internal `withUnprintedCause` (packages/core/src/security/callback-error.ts),
// which core does not export.

/**
 * Makes `util.inspect(error)` (and so `console.log` of an error, or of an event holding one)
 * print the error as usual except for its `cause`, shown only by class name. ioredis puts the
 * command and its arguments on the errors it raises (`error.command.args`), and a token store's
 * arguments are the tokens. `error.cause` itself is unchanged and non-enumerable, so
 * `JSON.stringify` and object spreads leave it out too. The same rule as core's errors that wrap
 * an app's callback error.
 *
 * @param error - an error whose `cause` is ioredis' error
 * @returns the same error
 *
 * @example
 * ```ts
 * throw withUnprintedCause(new TransientError('transient', 'Redis is out of memory.', { cause: replyError }));
 * ```
 */
export function withUnprintedCause<E extends Error>(error: E): E {
  return Object.defineProperty(error, inspect.custom, {
    value: printWithoutCause,
    configurable: true,
    writable: true,
  });
}

/** Prints a copy of the error: every own property but `cause`, which becomes a one-line summary. */
function printWithoutCause(this: Error, depth: number, options: InspectOptions): string {
  if (depth < 0) return `[${this.name}]`;
  const copy: Error = Object.create(Object.getPrototypeOf(this), {
    ...Object.getOwnPropertyDescriptors(this),
    // V8's `stack` accessor reads the stack of whatever object it is called on: copy the value.
    stack: { value: this.stack },
    ...('cause' in this ? { cause: { value: summary(this.cause) } } : {}),
  });
  Reflect.deleteProperty(copy, inspect.custom);
  return inspect(copy, { ...options, depth });
}

/** The cause by class name only: its message and properties may quote a command's arguments. */
function summary(cause: unknown): Error {
  const name = cause instanceof Error && /^[A-Za-z_$][\w$]{0,63}$/.test(cause.name) ? cause.name : 'Error';
  const shown = new Error(
    'not shown: it may quote the command and its arguments; read error.cause to see it',
  );
  shown.name = name;
  // Only the summary's own line: its stack frames would be this package's, not ioredis'.
  shown.stack = `${name}: ${shown.message}`;
  return shown;
}
