import { isTimeoutError } from 'ky';
import { AbortedError } from '../errors/aborted-error.js';
import { AmbiguousOutcomeError } from '../errors/ambiguous-outcome-error.js';
import type { SmmkitError } from '../errors/smmkit-error.js';
import { TransientError } from '../errors/transient-error.js';
import { errorCodeIn, safeCause } from '../security/safe-cause.js';

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
