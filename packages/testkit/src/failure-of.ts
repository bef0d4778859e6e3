import { inspect } from 'node:util';
import { SmmkitError } from '@smmkit/core';

// No vitest here: the testkit's main entry must load without it, so failures are plain `Error`s,
// which every test runner reports as a failed test.

/**
 * Secrets to look for in an error: a list, or a function that returns one. A function is called
 * when the check runs, so a simulator's tokens issued during the failing call are checked too
 * (pass `() => sim.tokens.allIssued()`). Empty strings are ignored.
 *
 * @example
 * ```ts
 * const secrets: Secrets = () => [...sim.tokens.allIssued(), APP_SECRET];
 * ```
 */
export type Secrets = Iterable<string> | (() => Iterable<string>);

/** Options of {@link failureOf}. */
export interface FailureOfOptions {
  /** Secrets the error must not carry, however it is printed (see {@link assertNoSecretIn}). */
  readonly secrets?: Secrets | undefined;
}

/**
 * Throws when any of `secrets` appears in `error` as it would be logged: `String(error)`,
 * `JSON.stringify(error)` or `util.inspect(error, { depth: 10, showHidden: true })` (which shows
 * non-enumerable properties and causes too). The message names the rendering and shows only the
 * start and length of the secret, never the secret itself.
 *
 * @example
 * ```ts
 * try {
 *   await adapter.publish(post, context);
 * } catch (error) {
 *   assertNoSecretIn(error, sim.tokens.allIssued());
 * }
 * ```
 */
export function assertNoSecretIn(error: unknown, secrets: Secrets): void {
  const renderings: readonly (readonly [string, string])[] = [
    ['String(error)', String(error)],
    ['JSON.stringify(error)', JSON.stringify(error) ?? ''],
    ['util.inspect(error)', inspect(error, { depth: 10, showHidden: true })],
  ];
  for (const secret of typeof secrets === 'function' ? secrets() : secrets) {
    if (secret === '') continue;
    for (const [name, text] of renderings) {
      if (text.includes(secret)) throw new Error(`a secret (${masked(secret)}) appears in ${name}`);
    }
  }
}

/**
 * The smmkit error `promise` rejects with, checked with {@link assertNoSecretIn} to carry none of
 * `options.secrets`. Throws when the promise resolves, or rejects with anything but a
 * `SmmkitError` (recognised with `SmmkitError.isInstance`, so across duplicate installs).
 *
 * @example
 * ```ts
 * const error = await failureOf(adapter.publish(post, context), {
 *   secrets: () => sim.tokens.allIssued(),
 * });
 * expect(RateLimitError.isInstance(error)).toBe(true);
 * ```
 */
export async function failureOf(
  promise: PromiseLike<unknown>,
  options: FailureOfOptions = {},
): Promise<SmmkitError> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    assertNoSecretIn(error, options.secrets ?? []);
    if (!SmmkitError.isInstance(error)) {
      throw new Error(`expected a smmkit error, got ${String(error)}`, { cause: error });
    }
    return error;
  }
  throw new Error(`expected the call to fail, it returned ${inspect(outcome)}`);
}

/** Enough of `secret` to tell which one leaked, without giving it away: at most a third, four characters. */
function masked(secret: string): string {
  const shown = secret.slice(0, Math.min(4, Math.floor(secret.length / 3)));
  return `"${shown}…", ${secret.length} characters`;
}
