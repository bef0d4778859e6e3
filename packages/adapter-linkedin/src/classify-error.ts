import { AuthError, PlatformError, RateLimitError, type SmmkitError } from '@smmkit/core';
import {
  classifyByStatus,
  type ErrorClassifier,
  type PlatformErrorDetails,
  type PlatformResponse,
  platformErrorDetails,
  platformFailure,
} from '@smmkit/core/adapter-kit';
import { throttleResetAt } from './daily-reset.js';
import { missingScopeHint } from './missing-scope-hint.js';
import { missingScopeMessage } from './missing-scope-message.js';
import { organizationRoleHint } from './organization-roles.js';

/** A post LinkedIn refused as a copy of a recent one ("Content is a duplicate of urn:li:share:…"). */
const DUPLICATE = /duplicate/i;
/**
 * The Videos API's 403 for a member whose role on the organization may not upload for it: "Accessing
 * this video resource is forbidden. Please check your permissions for this resource"
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api).
 */
const VIDEO_ROLE = /video resource is forbidden/i;
/**
 * A 403 naming the field that names the organization the member has no role for: the post's
 * `/author`, a comment's or reaction's `/actor`, an upload's `/initializeUploadRequest/owner`, the
 * statistics' `/organizationalEntity` ("… Data Processing Exception while processing fields
 * [/author]"). ASSUMED: LinkedIn documents no body for a missing role; developers report this one
 * for a post by an organization the member may not post for (https://github.com/n8n-io/n8n/issues/1714).
 */
const ROLE_FIELD =
  /processing fields \[\/(author|actor|organizationalEntity|initializeUploadRequest\/owner)\]/i;
/**
 * A 403 naming an organization's post the member has no role for: "Not enough permissions to access
 * urn:li:ugcPost:<id>" (https://learn.microsoft.com/en-us/linkedin/compliance/announcements/data-restrictions);
 * a missing scope names a resource instead, after a colon ("… to access: partnerApiPostsExternal.CREATE").
 */
const POST_ROLE = /not enough permissions to access urn:li:/i;
/**
 * Whether LinkedIn's words are one of the refusals it gives a member without a role on the
 * organization a request acts as: a field naming that organization (`[/author]`, `[/actor]`, …) or
 * "Not enough permissions to access urn:li:…". LinkedIn answers a wrong author URN or a missing
 * scope with them too, so they mean a missing role only for a request made as an organization:
 * only the request's own author tells (`httpActingAs`, acting-author.ts).
 *
 * @param platformError - what LinkedIn said (see {@link linkedInErrorDetails})
 * @returns whether the words are such a refusal
 *
 * @example
 * ```ts
 * namesRoleRefusal({ code: 100, message: 'Unpermitted fields present in REQUEST_BODY: Data Processing Exception while processing fields [/author]' }); // true
 * ```
 */
export function namesRoleRefusal(platformError: PlatformErrorDetails | undefined): boolean {
  const words = `${platformError?.type ?? ''} ${platformError?.message ?? ''}`;
  return ROLE_FIELD.test(words) || POST_ROLE.test(words);
}

/** A 403 about permissions rather than about the content (`ACCESS_DENIED`, "Not enough permissions"). */
const PERMISSION = /ACCESS_DENIED|not enough permissions|permission/i;

/**
 * Reads a LinkedIn error body into the platform's own words: REST answers are
 * `{message, serviceErrorCode, status}`, newer ones add `code` (`VERSION_MISSING`,
 * `NONEXISTENT_VERSION`, `ACCESS_DENIED`)
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling); the
 * OAuth endpoints answer `{error, error_description}`
 * (https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow).
 *
 * @param body - the error body, parsed JSON or text
 * @returns `code` = `serviceErrorCode` (else the OAuth `error`), `type` = the `code` name, and `message`
 *
 * @example
 * ```ts
 * linkedInErrorDetails({ serviceErrorCode: 101, message: 'Resource level throttle limit for calls to this resource is reached.', status: 429 });
 * // { code: 101, message: 'Resource level throttle limit for calls to this resource is reached.' }
 * ```
 */
export function linkedInErrorDetails(body: unknown): PlatformErrorDetails | undefined {
  return platformErrorDetails(body, (record) => {
    const serviceErrorCode = record.serviceErrorCode;
    return {
      code:
        typeof serviceErrorCode === 'number' || typeof serviceErrorCode === 'string'
          ? serviceErrorCode
          : text(record.error),
      message: text(record.message) ?? text(record.error_description),
      type: text(record.code),
    };
  });
}

/** What the classifier needs from the settings. */
export interface LinkedInErrorSettings {
  /** The `LinkedIn-Version` sent, named in a 426. */
  readonly version: string;
  /** How long a 429 pauses, when not until midnight UTC. */
  readonly throttleResetMs?: number | undefined;
}

/**
 * Makes the classifier that turns a LinkedIn error response into the smmkit error it means
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling):
 *
 * | answer | error |
 * |---|---|
 * | 401 saying the token was revoked | `AuthError('auth_revoked')`: re-authorize |
 * | other 401 | `AuthError('auth_expired')`: core refreshes once, then reports it |
 * | 403 "Accessing this video resource is forbidden" | `PlatformError('platform_refused')`: the member's role on the organization does not allow it; the hint names the roles that would and says a Page super admin grants them |
 * | 403 `ACCESS_DENIED` / "Not enough permissions" | `AuthError('auth_missing_scope')`, naming the scopes the endpoint needs as a member and as an organization (and offering the role, when LinkedIn's words name the `/author`, `/actor`, upload owner or `/organizationalEntity`, or "Not enough permissions to access urn:li:…") |
 * | other 403 | `PlatformError('platform_refused')` (no role on the organization, a refused content) |
 * | 404 | `PlatformError('not_found')` |
 * | 422 "duplicate" | `PlatformError('duplicate_content')` |
 * | 426 `NONEXISTENT_VERSION` | `PlatformError('platform_refused')` saying to raise the `version` setting |
 * | 429 | `RateLimitError('quota_exceeded')` until the next midnight UTC (or `throttleResetMs`), since LinkedIn sends no headers |
 * | 5xx | `TransientError` (core makes a 5xx on a create an `AmbiguousOutcomeError`) |
 * | token endpoint 400/401 | `AuthError('auth_revoked')` for a dead code or refresh token, `auth_invalid` for a refused client |
 * | other | `PlatformError('platform_refused')` |
 *
 * The classifier sees only the response, never who the request acted as, so it reads no other
 * 403 as a missing role: the operation that knows its author reads a missing scope again, naming
 * only that author's scopes and, for an organization, reading a role refusal as such
 * (`httpActingAs`, acting-author.ts), whatever the adapter is bound to.
 *
 * LinkedIn's `message` and `serviceErrorCode` are kept in `platformError` (code = serviceErrorCode,
 * type = the `code` name) and the message is quoted; core has already redacted tokens from the body.
 *
 * @param settings - the version sent and the 429 pause
 * @returns the classifier for core's HTTP client
 *
 * @example
 * ```ts
 * const classifyError = classifyLinkedInError({ version: '202610' });
 * ```
 */
export function classifyLinkedInError(settings: LinkedInErrorSettings): ErrorClassifier {
  return (response: PlatformResponse): SmmkitError => {
    const platformError = linkedInErrorDetails(response.body);
    const { message, options } = platformFailure(response, platformError);
    const { status } = response;
    const words = `${platformError?.type ?? ''} ${platformError?.message ?? ''}`;

    if (/\/oauth\/v2\/accessToken$/.test(response.path) && (status === 400 || status === 401)) {
      const client = /invalid_client|unauthorized_client/.test(String(platformError?.code ?? ''));
      return new AuthError(client ? 'auth_invalid' : 'auth_revoked', message, options);
    }
    if (status === 401) {
      // A token the member revoked says so ("…has been revoked by the user"); a refresh cannot help it.
      return new AuthError(/revoked/i.test(words) ? 'auth_revoked' : 'auth_expired', message, options);
    }
    // The Videos API documents its 403 as the role's, whoever the request acted as.
    if (status === 403 && VIDEO_ROLE.test(words)) {
      // A role, not a scope: a new authorization would not help.
      return new PlatformError('platform_refused', message, {
        ...options,
        hint: organizationRoleHint(response.method, response.path),
      });
    }
    if (status === 403 && PERMISSION.test(words)) {
      // Who the request acted as is not known here, so both the member's and the organization's
      // scopes are named; LinkedIn answers a missing role with the field and post refusals too, so
      // their hint offers the role as well. The request's author tells which (httpActingAs).
      return new AuthError(
        'auth_missing_scope',
        missingScopeMessage(message, response.method, response.path),
        {
          ...options,
          hint: missingScopeHint(response.method, response.path, undefined, namesRoleRefusal(platformError)),
        },
      );
    }
    if (status === 422 && DUPLICATE.test(words))
      return new PlatformError('duplicate_content', message, options);
    if (status === 426) {
      return new PlatformError('platform_refused', message, {
        ...options,
        hint: `LinkedIn no longer serves LinkedIn-Version ${settings.version}: raise the adapter's \`version\` setting to a current YYYYMM (https://learn.microsoft.com/en-us/linkedin/marketing/versioning).`,
      });
    }
    if (status === 429) {
      return new RateLimitError('quota_exceeded', message, {
        ...options,
        resetAt: response.retryAt ?? throttleResetAt(response.receivedAt, settings.throttleResetMs),
      });
    }
    // 404, 5xx and the rest mean what core's fallback says.
    return classifyByStatus(response, platformError);
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
