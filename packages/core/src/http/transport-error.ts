import { isTimeoutError } from 'ky';
import { AbortedError } from '../errors/aborted-error.js';
import { AmbiguousOutcomeError } from '../errors/ambiguous-outcome-error.js';
import type { SmmkitError } from '../errors/smmkit-error.js';
import { TransientError } from '../errors/transient-error.js';
import { redactSecrets } from '../security/redact.js';

/** System error codes that mean the request never left this machine, so nothing happened remotely. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** What {@link transportError} needs to know about the failed request. */
export interface TransportFailure {
  readonly platform: string;
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly createsResource: boolean;
  readonly signal: AbortSignal | undefined;
  readonly secrets: readonly (string | undefined)[];
}

/**
 * Maps a request that got no response (timeout, network failure, abort) to a smmkit error.
 * A create that may have reached the server becomes an {@link AmbiguousOutcomeError}: the
 * platform may have acted on it, so it must be reconciled, never blindly repeated.
 */
export function transportError(error: unknown, failure: TransportFailure): SmmkitError {
  const where = `${failure.operation} (${failure.method} ${failure.path})`;
  const options = { platform: failure.platform, cause: safeCause(error, failure.secrets) };
  const ambiguous = (what: string): SmmkitError =>
    new AmbiguousOutcomeError(
      `${where}: ${what} after the request was sent; the platform may have acted on it.`,
      {
        ...options,
        operation: failure.operation,
      },
    );

  if (failure.signal?.aborted) {
    return failure.createsResource
      ? ambiguous('aborted')
      : new AbortedError(`${where} was aborted.`, options);
  }
  if (isTimeoutError(error)) {
    return failure.createsResource
      ? ambiguous('timed out')
      : new TransientError('timeout', `${where} timed out.`, options);
  }
  if (NOT_SENT_CODES.has(errorCodeIn(error) ?? '')) {
    return new TransientError('transient', `${where} could not connect to the platform.`, options);
  }
  return failure.createsResource
    ? ambiguous('the connection failed')
    : new TransientError('transient', `${where} failed: the connection failed.`, options);
}

/** The first `code` property along an error's cause chain (undici puts the system error two levels down). */
function errorCodeIn(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A copy of the underlying error that cannot leak: ky's errors hold the Request (with its
 * Authorization header), so only name, message and code are kept, with secrets redacted.
 */
function safeCause(error: unknown, secrets: readonly (string | undefined)[]): Error | undefined {
  if (!(error instanceof Error)) return undefined;
  const inner = error.cause instanceof Error ? error.cause : error;
  const copy = new Error(redactSecrets(inner.message, secrets));
  copy.name = inner.name;
  const code = errorCodeIn(inner);
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}
