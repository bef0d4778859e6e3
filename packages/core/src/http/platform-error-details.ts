import type { PlatformErrorDetails, SmmkitErrorOptions } from '../errors/smmkit-error.js';
import { describeFailure, errorOptionsFrom, type PlatformResponse } from './platform-response.js';

/** The fields of an error body a platform reader picks out; `undefined` ones are left out. */
export interface PlatformErrorFields {
  /** The platform's error code. */
  readonly code?: string | number | undefined;
  /** The platform's message. */
  readonly message?: string | undefined;
  /** The platform's error type or name. */
  readonly type?: string | undefined;
}

/** Longest text body kept as a platform's message (an HTML error page says little more). */
const MAX_TEXT_MESSAGE = 500;

/**
 * Reads an error response body into the platform's own words: a text body is its message (trimmed,
 * at most 500 characters), a JSON object is read by `read`, anything else says nothing.
 *
 * @param body - the error body, parsed JSON or text
 * @param read - picks the code, message and type out of a JSON object body
 * @returns the details, or `undefined` when the body names none
 *
 * @example
 * ```ts
 * const details = platformErrorDetails(response.body, (record) => ({ code: record.code, message: record.msg }));
 * ```
 */
export function platformErrorDetails(
  body: unknown,
  read: (record: Readonly<Record<string, unknown>>) => PlatformErrorFields,
): PlatformErrorDetails | undefined {
  if (typeof body === 'string') {
    const message = body.trim();
    return message === '' ? undefined : { message: message.slice(0, MAX_TEXT_MESSAGE) };
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = Object.entries(read(body as Record<string, unknown>)).filter(
    ([, value]) => value !== undefined,
  );
  return fields.length === 0 ? undefined : (Object.fromEntries(fields) as PlatformErrorDetails);
}

/** The message and options of the error a classifier makes from a response: see {@link platformFailure}. */
export interface PlatformFailure {
  /** `create post failed (POST /2/tweets → 403): <the platform's message>`. */
  readonly message: string;
  /** Platform, status and rate limit of the response, and the platform's own words. */
  readonly options: SmmkitErrorOptions & {
    /** The platform's own code and message, when the body had them. */
    readonly platformError: PlatformErrorDetails | undefined;
  };
}

/**
 * What every error made from a response starts with: the message naming the operation, request
 * and status followed by the platform's message, and the options carrying the platform, status,
 * rate limit and the platform's own details.
 *
 * @param response - the failed response
 * @param platformError - the platform's words, as the adapter read them from the body
 * @returns the message and options for the error's constructor
 *
 * @example
 * ```ts
 * const { message, options } = platformFailure(response, acmeErrorDetails(response.body));
 * if (response.status === 409) return new PlatformError('duplicate_content', message, options);
 * ```
 */
export function platformFailure(
  response: PlatformResponse,
  platformError: PlatformErrorDetails | undefined,
): PlatformFailure {
  const detail = platformError?.message ? `: ${platformError.message}` : '';
  return {
    message: `${describeFailure(response)}${detail}`,
    options: { ...errorOptionsFrom(response), platformError },
  };
}
