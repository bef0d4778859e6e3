import type { PlatformErrorDetails, SmmkitError } from '../errors/smmkit-error.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Redacts every string a classified error keeps: message, stack (which repeats the message),
 * hint, the platform's own details, and the message of an error kept as `cause`. An adapter's
 * classifier may build any of them from something no redaction saw before (a header, a value it
 * decoded itself), so the HTTP client runs this on whatever the classifier returns.
 *
 * @param error - the error to clean, changed in place
 * @param redact - redacts one string (see `secretRedactor`)
 * @returns the same error
 */
export function redactErrorText<E extends SmmkitError>(error: E, redact: (text: string) => string): E {
  const writable = error as Writable<SmmkitError>;
  writable.message = redact(error.message);
  if (typeof error.stack === 'string') writable.stack = redact(error.stack);
  writable.hint = redact(error.hint);
  if (error.platformError !== undefined) writable.platformError = redactDetails(error.platformError, redact);
  const { cause } = error;
  if (cause instanceof Error) {
    const copy = new Error(redact(cause.message));
    copy.name = cause.name;
    const { code } = cause as { code?: unknown };
    if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
    Object.defineProperty(error, 'cause', {
      value: copy,
      enumerable: false,
      configurable: true,
      writable: true,
    });
  } else if (typeof cause === 'string') {
    Object.defineProperty(error, 'cause', {
      value: redact(cause),
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }
  return error;
}

function redactDetails(
  details: PlatformErrorDetails,
  redact: (text: string) => string,
): PlatformErrorDetails {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [key, typeof value === 'string' ? redact(value) : value]),
  ) as PlatformErrorDetails;
}
