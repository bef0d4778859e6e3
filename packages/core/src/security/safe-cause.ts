import { redactSecrets } from './redact.js';

/**
 * A copy of an underlying error that is safe to keep as `cause`: only its name, message (with
 * `secrets` redacted) and `code`, taken from the innermost error. HTTP libraries' errors hold
 * the request with its Authorization header, and user callbacks may throw anything; keeping the
 * original would let `util.inspect(error)` print a token.
 *
 * @example
 * ```ts
 * new TransientError('transient', 'connection failed', { cause: safeCause(error, [token]) });
 * ```
 */
export function safeCause(error: unknown, secrets: readonly (string | undefined)[]): Error | undefined {
  if (!(error instanceof Error)) return undefined;
  const inner = error.cause instanceof Error ? error.cause : error;
  const copy = new Error(redactSecrets(inner.message, secrets));
  copy.name = inner.name;
  const code = errorCodeIn(inner);
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}

/** What was thrown, safe to keep and to print; see {@link describeThrown}. */
export interface ThrownDescription {
  /** The {@link safeCause} copy, when an `Error` was thrown. */
  readonly cause: Error | undefined;
  /** `Name: message` (secrets redacted), or `a thrown <type>` for anything that is not an `Error`. */
  readonly text: string;
}

/**
 * A safe cause and a one-line description of anything thrown by code smmkit calls (a token
 * store, a user callback, an adapter), for the message of the smmkit error that reports it. A
 * thrown non-`Error` is described by its type only: it could be a token.
 *
 * @param error - anything caught
 * @param secrets - strings to redact from the message
 * @returns the cause to keep and the text to print
 *
 * @example
 * ```ts
 * const { cause, text } = describeThrown(error);
 * throw new TransientError('transient', `the token provider failed (${text})`, { cause });
 * ```
 */
export function describeThrown(
  error: unknown,
  secrets: readonly (string | undefined)[] = [],
): ThrownDescription {
  const cause = safeCause(error, secrets);
  return {
    cause,
    text: cause === undefined ? `a thrown ${typeof error}` : `${cause.name}: ${cause.message}`,
  };
}

/** The first string `code` along an error's cause chain (undici puts the system error two levels down). */
export function errorCodeIn(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
