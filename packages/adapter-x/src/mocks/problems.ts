/**
 * X's error bodies. X answers errors as RFC 7807 problem JSON
 * (https://docs.x.com/x-api/fundamentals/response-codes-and-errors), sent as `application/problem+json`
 * (response headers quoted in plhery/node-twitter-api-v2#265). Problem `type`s use
 * `https://api.x.com/2/problems/…` as the Problem discriminator of https://api.x.com/2/openapi.json does
 * (older answers say `https://api.twitter.com/2/problems/…`: adapters should match the suffix).
 */

import { checkSchema, type SchemaCheck } from '@smmkit/testkit/simulator-kit';

/** The base of X's problem `type` URIs (`components.schemas.Problem` in https://api.x.com/2/openapi.json). */
const PROBLEM_BASE = 'https://api.x.com/2/problems/';

/** The media type X sends problems with. */
const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One entry of an invalid-request problem's `errors[]`: the offending parameters and a message. */
export interface InvalidParameter {
  /**
   * Parameter name (or JSON path such as `$.media.media_ids`) → the values sent, as strings; absent
   * where X names none (a like of a post that is gone).
   */
  readonly parameters?: Readonly<Record<string, readonly string[]>>;
  /** X's message. */
  readonly message: string;
}

/** A problem object as it appears in a partial `errors[]` of a 200 (GET /2/tweets missing ids). */
export type ProblemObject = Readonly<Record<string, string | number>>;

/** A problem answer (`application/problem+json`). */
export function problemResponse(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': PROBLEM_CONTENT_TYPE } });
}

/**
 * An `about:blank` problem whose detail is its title, in the key order of X's 401 for a bad token
 * (`{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`) and its 403 for
 * a missing scope.
 */
export function blankProblem(title: string, status: number): Response {
  return problemResponse({ title, type: 'about:blank', status, detail: title }, status);
}

/**
 * The `about:blank` 403 in the key order X writes it, e.g. the duplicate-content 403 seen on live
 * answers: `{"detail":…,"type":"about:blank","title":"Forbidden","status":403}`.
 */
export function forbidden(detail: string): Response {
  return problemResponse({ detail, type: 'about:blank', title: 'Forbidden', status: 403 }, 403);
}

/**
 * 400 invalid-request: `{"errors":[{"parameters":{…},"message":…}],"title":"Invalid Request",
 * "detail":"One or more parameters to your request was invalid.","type":…/invalid-request}` —
 * the envelope quoted in plhery/node-twitter-api-v2#583 and sferik/x-ruby#26.
 */
export function invalidRequest(errors: readonly InvalidParameter[]): Response {
  return problemResponse(
    {
      errors,
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: `${PROBLEM_BASE}invalid-request`,
    },
    400,
  );
}

/**
 * X's entries for what a schema check found: `{"parameters":{"<json path>":["<value>"]},"message":
 * "<json path>: <reason>"}`. X validates request bodies against its OpenAPI schema with a
 * JSON-schema validator (testkit's `checkSchema` words its reasons the same way); the reasons users
 * quote are "string found, array expected" (geduldig/TwitterAPI#227), "there must be a minimum of 1
 * item in the array" and "there must be a maximum of 4 items in the array"
 * (plhery/node-twitter-api-v2#539), and "is missing but it is required", reported on the enclosing
 * object (plhery/node-twitter-api-v2#583). The others (lengths, bounds, enums, patterns, unknown
 * properties) are ASSUMED to follow the same validator.
 */
export function schemaErrors(check: SchemaCheck, body: unknown, root = '$'): InvalidParameter[] {
  return checkSchema(check, body, root).map(({ path, value, message }) => ({
    parameters: { [path]: [stringify(value)] },
    message,
  }));
}

/** A single-parameter {@link invalidRequest}. */
export function invalidParameter(name: string, value: unknown, message: string): Response {
  return invalidRequest([{ parameters: { [name]: [stringify(value)] }, message }]);
}

/** The values X echoes in `parameters`: strings as they are, everything else as JSON. */
export function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}

/**
 * A "Not Found Error" for the partial `errors[]` of a lookup, as X writes it for GET /2/tweets:
 * `{"value","detail":"Could not find tweet with ids: [1].","title":"Not Found Error",
 * "resource_type":"tweet","parameter":"ids","resource_id","type":…/resource-not-found}` (quoted in
 * many clients' fixtures, e.g. the Go and C# SDK tests found by search). A lookup by username
 * answers 200 with `"detail":"Could not find user with username: [name].","parameter":"username"`
 * in the same shape (quoted in a client's test fixture found by search). The user-by-id variant
 * ("Could not find user with id: [1].") follows the same pattern (ASSUMED wording).
 */
export function notFoundProblem(
  resourceType: 'tweet' | 'user',
  parameter: string,
  id: string,
): ProblemObject {
  return {
    value: id,
    detail: `Could not find ${resourceType} with ${parameter}: [${id}].`,
    title: 'Not Found Error',
    resource_type: resourceType,
    parameter,
    resource_id: id,
    type: `${PROBLEM_BASE}resource-not-found`,
  };
}

/**
 * A "Field Authorization Error" for a field the caller may not read (non_public_metrics on someone
 * else's post). Shape and wording after `Sorry, you are not authorized to access 'parody' on the
 * user with id : [9].` (a client's fixture found by search); the tweet wording is ASSUMED.
 */
export function fieldUnauthorizedProblem(field: string, tweetId: string): ProblemObject {
  return {
    value: tweetId,
    detail: `Sorry, you are not authorized to access '${field}' on the Tweet with id : [${tweetId}].`,
    title: 'Field Authorization Error',
    resource_type: 'tweet',
    parameter: 'tweet.fields',
    resource_id: tweetId,
    field,
    section: 'data',
    type: `${PROBLEM_BASE}not-authorized-for-field`,
  };
}

/** 404 for one resource that does not exist (ASSUMED: X's answer for DELETE or hide of a missing post is not documented). */
export function resourceNotFound(
  resourceType: 'tweet' | 'user' | 'media' | 'dm_conversation',
  parameter: string,
  id: string,
): Response {
  const detail = `Could not find ${resourceType} with ${parameter}: [${id}].`;
  return notFound(detail, { resource_type: resourceType, parameter, value: id, resource_id: id });
}

/**
 * 404 for a path X does not serve. docs.x.com says only that 404 means "The URI requested is
 * invalid or the resource requested, such as a user, does not exist"
 * (https://docs.x.com/x-api/fundamentals/response-codes-and-errors); the simulator answers with the
 * problem X uses for an unknown resource (ResourceNotFoundProblem in https://api.x.com/2/openapi.json:
 * `type`, `title`, `detail`, `resource_type` required), its `detail` in the words of X's error code 34
 * "Sorry, that page does not exist" (https://developer.x.com/en/support/x-api/error-troubleshooting). The
 * body is ASSUMED; the status is documented.
 */
export function unknownPathNotFound(method: string, path: string): Response {
  const resource = { resource_type: 'endpoint', resource_id: `${method} ${path}` };
  return notFound('Sorry, that page does not exist.', resource);
}

/** A 404 "Not Found Error" problem: title, detail, type, what was not found, status. */
function notFound(detail: string, resource: Readonly<Record<string, string>>): Response {
  const type = `${PROBLEM_BASE}resource-not-found`;
  return problemResponse({ title: 'Not Found Error', detail, type, ...resource, status: 404 }, 404);
}

/**
 * X's answer when the app's pay-per-use credits are used up, verbatim as seen on live answers in
 * this key order (ASSUMED from them: X's docs name no status or body; they say that out of credits "API requests will
 * be blocked until you add credits", https://docs.x.com/x-api/getting-started/pricing):
 * `{"detail":"credits depleted","status":402,"title":"Payment Required","type":…/credits-depleted}`.
 */
export function creditsDepleted(): Response {
  return problemResponse(
    {
      detail: 'credits depleted',
      status: 402,
      title: 'Payment Required',
      type: `${PROBLEM_BASE}credits-depleted`,
    },
    402,
  );
}

/**
 * X's answer when the app's spending limit for the billing cycle is reached. The docs say only that
 * "When the limit is reached, API requests will be blocked until the next billing cycle"
 * (https://docs.x.com/x-api/getting-started/pricing, "Spending limits"), with no status or body.
 * ASSUMED from answers users report: status 403, type `…/problems/spend-cap-reached`, detail "Your
 * monthly spend cap has been reached."; the `title` is ASSUMED too (`SpendCapReached`, the name users
 * quote for it, like the `UsageCapExceeded` title of X's usage-capped problem), as is the key order,
 * taken from {@link creditsDepleted}.
 */
export function spendCapReached(): Response {
  return problemResponse(
    {
      detail: 'Your monthly spend cap has been reached.',
      status: 403,
      title: 'SpendCapReached',
      type: `${PROBLEM_BASE}spend-cap-reached`,
    },
    403,
  );
}

/** X's `detail` for a duplicate post, verbatim as seen on live answers (not in the docs). */
export const DUPLICATE_CONTENT_DETAIL = 'You are not allowed to create a Tweet with duplicate content.';

/** The 400 message for a text over the limit (tweepy and twitter-api-v2 users quote it from `errors[0].message`). */
export const TEXT_TOO_LONG_MESSAGE =
  'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.';

/** The 400 message for unknown, foreign or unprocessed media (plhery/node-twitter-api-v2#375, #501). */
export const MEDIA_IDS_INVALID_MESSAGE = 'Your media IDs are invalid.';
