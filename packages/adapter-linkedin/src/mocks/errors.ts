// LinkedIn's error body, `{status, serviceErrorCode?, code?, message}`
// (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling). The
// messages are the ones LinkedIn answers with as developers report them; where a wording is not
// documented it says so.

/** A LinkedIn error answer. */
export function linkedInError(
  status: number,
  message: string,
  fields: { readonly serviceErrorCode?: number; readonly code?: string } = {},
  headers: Readonly<Record<string, string>> = {},
): Response {
  return Response.json({ status, ...fields, message }, { status, headers });
}

/** A request that breaks the endpoint's schema: 400 with the field and what is wrong (wording assumed). */
export function badRequest(field: string, problem: string): Response {
  return linkedInError(400, `ERROR :: ${field} :: ${problem}`, { serviceErrorCode: 100 });
}

/**
 * A body that breaks the resource's data schema (a required field missing, a value outside its
 * enum): Rest.li validates it and answers 422 Unprocessable Entity (wording assumed).
 */
export function unprocessable(field: string, problem: string): Response {
  return linkedInError(422, `ERROR :: ${field} :: ${problem}`, { serviceErrorCode: 100 });
}

/** 403 for a token without the scope the endpoint needs (ACCESS_DENIED, serviceErrorCode 100). */
export function accessDenied(resource: string): Response {
  return linkedInError(403, `Not enough permissions to access: ${resource}`, {
    serviceErrorCode: 100,
    code: 'ACCESS_DENIED',
  });
}

/**
 * 403 for share statistics of posts the organization may not read, naming each refused post by
 * its place in the request (`/shares[0]`, `/ugcPosts[1]`). ASSUMED: not documented; the wording
 * is the one a developer reports for `organizationalEntityShareStatistics` asked for a post
 * (https://learn.microsoft.com/en-us/answers/questions/1331917/linkedin-api-organizationalentitysharestatistics-r),
 * several refused posts listed in one pair of brackets.
 */
export function unpermittedFields(fields: readonly string[]): Response {
  return linkedInError(
    403,
    `Unpermitted fields present in PARAMETER: Data Processing Exception while processing fields [${fields.join(', ')}]`,
    { serviceErrorCode: 100, code: 'ACCESS_DENIED' },
  );
}

/**
 * 403 for a field of the request naming an organization the member holds no role for that
 * operation on: the post's `/author`, the comment's `/actor`, the upload's
 * `/initializeUploadRequest/owner` (`REQUEST_BODY`), or the `actor`, `author` or
 * `organizationalEntity` query parameter (`PARAMETER`). ASSUMED: LinkedIn documents no body for a
 * missing Page role; developers report "Field Value validation failed in REQUEST_BODY: Data
 * Processing Exception while processing fields [/author]" (403, serviceErrorCode 100) for a post by
 * an organization the member may not post for (https://github.com/n8n-io/n8n/issues/1714), and the
 * PARAMETER wording is the one reported for share statistics (see `unpermittedFields`).
 *
 * @param location - where the field is: `REQUEST_BODY` or `PARAMETER`
 * @param field - its JSON pointer, `/author`
 */
export function roleForbiddenField(location: 'REQUEST_BODY' | 'PARAMETER', field: string): Response {
  const opening =
    location === 'REQUEST_BODY'
      ? 'Field Value validation failed in REQUEST_BODY'
      : 'Unpermitted fields present in PARAMETER';
  return linkedInError(403, `${opening}: Data Processing Exception while processing fields [${field}]`, {
    serviceErrorCode: 100,
    code: 'ACCESS_DENIED',
  });
}

/**
 * 403 for an organization's post (or what is on it) the member holds no role for: "Not enough
 * permissions to access urn:li:ugcPost:<ugcPostId>", as LinkedIn documents it for a company post
 * read by a member who is not its admin
 * (https://learn.microsoft.com/en-us/linkedin/compliance/announcements/data-restrictions).
 * ASSUMED: the Posts, Comments and Reactions pages document no body of their own for it.
 *
 * @param urn - the post refused
 */
export function postForbidden(urn: string): Response {
  return linkedInError(403, `Not enough permissions to access ${urn}`);
}

/**
 * The Videos API's 403 for a member without a role that may upload for the owning organization
 * (`ROLES_FOR.writePosts`): "Invalid permissions results in the
 * following API response" (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api).
 */
export function videoForbidden(): Response {
  return linkedInError(
    403,
    'Accessing this video resource is forbidden. Please check your permissions for this resource',
  );
}

/** 404 for an entity that does not exist (or the caller may not see). */
export function notFound(what: string): Response {
  return linkedInError(404, `Not Found: ${what}`, { serviceErrorCode: 0, code: 'NOT_FOUND' });
}

/**
 * The daily limit's 429, in LinkedIn's words
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits).
 */
export function throttled(): Response {
  return linkedInError(429, 'Resource level throttle limit for calls to this resource is reached.', {
    serviceErrorCode: 101,
  });
}

/**
 * The Posts API's 400 for commentary longer than LinkedIn takes, as a developer reports it
 * (https://github.com/n8n-io/n8n/issues/22899: "ShareCommentary text length (8694 characters)
 * exceeded the maximum allowed (3000 characters)", `FIELD_ARRAY_SIZE_TOO_HIGH`). ASSUMED: the
 * Posts API page (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api)
 * documents neither the limit nor this answer.
 */
export function commentaryTooLong(commentary: string, length: number, max: number): Response {
  return Response.json(
    {
      errorDetailType: 'com.linkedin.common.error.BadRequest',
      message: `com.linkedin.content.common.exception.BadRequestResponseException: ShareCommentary text length (${length} characters) exceeded the maximum allowed (${max} characters)`,
      errorDetails: {
        inputErrors: [
          {
            description: 'Size of array cannot be higher than the maxLength',
            input: { value: { stringValue: commentary } },
            code: 'FIELD_ARRAY_SIZE_TOO_HIGH',
            maxLength: max,
          },
        ],
      },
      status: 400,
    },
    { status: 400 },
  );
}
