/** The fields of a Graph API error body (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
export interface GraphErrorFields {
  /** `message`. */
  readonly message: string;
  /** `code`. */
  readonly code: number;
  /** `error_subcode`, when there is one. */
  readonly subcode?: number | undefined;
  /** `type` (default `OAuthException`). */
  readonly type?: string | undefined;
  /** `error_user_title`. */
  readonly userTitle?: string | undefined;
  /** `error_user_msg`. */
  readonly userMsg?: string | undefined;
  /** `is_transient`, when sent. */
  readonly isTransient?: boolean | undefined;
}

let traceCounter = 0;

/**
 * The Graph error body `{"error":{message, type, code, error_subcode?, error_user_title?,
 * error_user_msg?, is_transient?, fbtrace_id}}`
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling); `fbtrace_id` is opaque,
 * 11+ characters, as Meta's look.
 *
 * @example
 * ```ts
 * graphErrorBody({ message: 'Invalid parameter', code: 100 }).error.code; // 100
 * ```
 */
export function graphErrorBody(fields: GraphErrorFields): {
  /** The `error` object, in Graph's snake_case field names. */
  readonly error: Record<string, unknown>;
} {
  traceCounter += 1;
  return {
    error: {
      message: fields.message,
      type: fields.type ?? 'OAuthException',
      code: fields.code,
      ...(fields.subcode === undefined ? {} : { error_subcode: fields.subcode }),
      ...(fields.isTransient === undefined ? {} : { is_transient: fields.isTransient }),
      ...(fields.userTitle === undefined ? {} : { error_user_title: fields.userTitle }),
      ...(fields.userMsg === undefined ? {} : { error_user_msg: fields.userMsg }),
      fbtrace_id: `Asim${traceCounter.toString(36).padStart(7, '0')}`,
    },
  };
}

/**
 * A Graph error response: {@link graphErrorBody} as JSON, HTTP 400 unless told (Graph answers
 * most errors with 400).
 *
 * @example
 * ```ts
 * return graphError({ message: 'Duplicate status message', code: 506 });
 * ```
 */
export function graphError(fields: GraphErrorFields, status = 400): Response {
  return Response.json(graphErrorBody(fields), { status });
}

/**
 * Graph's answer for an id that does not exist or is not the caller's (code 100, subcode 33: the
 * wording every Graph client has seen; https://developers.facebook.com/docs/graph-api/guides/error-handling).
 * Its `type` is `GraphMethodException`, not `OAuthException`: the request was authenticated, the
 * method cannot be applied to the node (ASSUMED: the guide lists codes, not types; it is the type
 * Graph sends with this message, as Meta's SDKs and their issue trackers quote it).
 *
 * @example
 * ```ts
 * if (post === undefined) return unsupportedRequest('GET', path.id);
 * ```
 */
export function unsupportedRequest(method: string, id: string): Response {
  const verb = method === 'GET' ? 'get' : method === 'DELETE' ? 'delete' : 'post';
  return graphError({
    message: `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
  });
}

/**
 * A parameter problem: code 100, "Invalid parameter"
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling), with the detail in
 * `error_user_msg` when a subcode says which. Without a subcode the body has the fields the
 * error-handling guide documents and no more (`message`, `type`, `code`, `fbtrace_id`: no
 * `is_transient`, which that guide's error response does not carry); with one it also says
 * `is_transient: false`, as the subcoded errors in Meta's error-code reference do
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes,
 * sample response).
 *
 * @example
 * ```ts
 * if (message === undefined) return invalidParameter('The parameter message is required');
 * ```
 */
export function invalidParameter(detail: string, subcode?: number): Response {
  return graphError({
    message: subcode === undefined ? `(#100) ${detail}` : 'Invalid parameter',
    code: 100,
    subcode,
    ...(subcode === undefined ? {} : { userTitle: 'Invalid parameter', userMsg: detail, isTransient: false }),
  });
}

/**
 * Graph's refusal of a call whose token lacks a permission the endpoint needs: code 200, HTTP
 * 403. Meta lists "200-299 | API Permission (Multiple values depending on permission)"
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling) and prints no message;
 * this one is the wording developers quote from Graph (ASSUMED verbatim, with its 403).
 *
 * @param permission - the permission missing
 * @returns the refusal
 *
 * @example
 * ```ts
 * return missingPermission('pages_show_list');
 * ```
 */
export function missingPermission(permission: string): Response {
  return graphError(
    { message: `(#200) Requires ${permission} permission to manage the object`, code: 200 },
    403,
  );
}
