import type { PlatformErrorDetails } from '@smmkit/core/adapter-kit';

/**
 * A Graph error body's `error` object, read tolerantly
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
export interface GraphError {
  /** Numeric error code (`190`, `4`, `100`, …). */
  readonly code?: number | undefined;
  /** Numeric sub-code (`463`, `2207042`, …). */
  readonly subcode?: number | undefined;
  /** Meta's message. */
  readonly message?: string | undefined;
  /** `OAuthException`, `GraphMethodException`, … */
  readonly type?: string | undefined;
  /** Meta's trace id, for support requests. */
  readonly traceId?: string | undefined;
  /** Meta says a retry may succeed. */
  readonly isTransient: boolean;
  /** The message meant for the user, when Meta gives one. */
  readonly userMessage?: string | undefined;
}

/**
 * Reads the `error` object of a Graph error body `{"error":{"message","type","code",
 * "error_subcode","error_user_msg","fbtrace_id","is_transient"}}`
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling). Codes sent as numeric
 * strings are read as numbers.
 *
 * @param body - the response body, parsed JSON or text
 * @returns the error's fields, or `undefined` when the body is not a Graph error
 *
 * @example
 * ```ts
 * readGraphError({ error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'A1' } });
 * // { code: 190, message: 'Invalid OAuth access token.', type: 'OAuthException', traceId: 'A1', isTransient: false }
 * ```
 */
export function readGraphError(body: unknown): GraphError | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as Record<string, unknown>).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const fields = error as Record<string, unknown>;
  const code = integer(fields.code);
  const subcode = integer(fields.error_subcode);
  const message = text(fields.message);
  const type = text(fields.type);
  const traceId = text(fields.fbtrace_id);
  const userMessage = text(fields.error_user_msg);
  return {
    ...(code === undefined ? {} : { code }),
    ...(subcode === undefined ? {} : { subcode }),
    ...(message === undefined ? {} : { message }),
    ...(type === undefined ? {} : { type }),
    ...(traceId === undefined ? {} : { traceId }),
    ...(userMessage === undefined ? {} : { userMessage }),
    isTransient: fields.is_transient === true,
  };
}

/**
 * The `platformError` of a Graph error: code, sub-code, message (with the user message after
 * it), type and `fbtrace_id` as `traceId`.
 *
 * @param error - the Graph error
 * @returns the details smmkit errors carry
 *
 * @example
 * ```ts
 * graphErrorDetails({ code: 9, subcode: 2207042, message: 'limit', isTransient: false }); // { code: 9, subcode: 2207042, message: 'limit' }
 * ```
 */
export function graphErrorDetails(error: GraphError): PlatformErrorDetails {
  const message =
    error.userMessage === undefined ? error.message : `${error.message ?? ''} ${error.userMessage}`.trim();
  return {
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.subcode === undefined ? {} : { subcode: error.subcode }),
    ...(message === undefined ? {} : { message }),
    ...(error.type === undefined ? {} : { type: error.type }),
    ...(error.traceId === undefined ? {} : { traceId: error.traceId }),
  };
}

function integer(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
