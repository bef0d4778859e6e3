import { AuthError, PlatformError } from '@smmkit/core';
import type { HttpClient, HttpRequest, HttpResponse } from '@smmkit/core/adapter-kit';
import { namesRoleRefusal } from './classify-error.js';
import { roleOrScopeHint } from './organization-roles.js';
import { isOrganizationUrn } from './urn.js';

/**
 * The adapter's HTTP client for the requests of one operation made as `author` (the author it
 * resolved for this call: a post's own, the adapter's `author` setting, else the account).
 *
 * The error classifier sees only the response, so it reads LinkedIn's role refusals ("… while
 * processing fields [/author]", "Not enough permissions to access urn:li:…") as a missing role
 * only for an adapter bound to an organization, and as a missing scope otherwise. When `author`
 * is an organization, such an `AuthError('auth_missing_scope')` is thrown instead as the
 * `PlatformError('platform_refused')` a bound adapter gives: the member's role on the
 * organization (LinkedIn Page) does not allow the call, and the hint names the roles that would
 * (Posts, Comments, Reactions and statistics pages; see organization-roles.ts). Message, status,
 * LinkedIn's words and rate-limit state are kept; the original error is the cause. ASSUMED, as in
 * classify-error.ts: LinkedIn documents no body for a missing role.
 *
 * @param http - the adapter's HTTP client
 * @param author - the member or organization URN the operation acts as
 * @returns `http` itself for a member, else a client that reads role refusals as such
 *
 * @example
 * ```ts
 * const asAuthor = httpActingAs(http, resolveAuthor(context, linkedIn.author, options.author));
 * await asAuthor.request({ method: 'POST', path: '/rest/posts', operation: 'create post', json, context });
 * ```
 */
export function httpActingAs(http: HttpClient, author: string): HttpClient {
  if (!isOrganizationUrn(author)) return http;
  return {
    request: async <T>(request: HttpRequest<T>): Promise<HttpResponse<T>> => {
      try {
        return await http.request(request);
      } catch (error) {
        throw asRoleRefusal(error, request);
      }
    },
    accessToken: (context, operation) => http.accessToken(context, operation),
  };
}

/** A missing-scope error whose words are a role refusal, as the role refusal; anything else as it is. */
function asRoleRefusal(error: unknown, request: HttpRequest<unknown>): unknown {
  if (
    !AuthError.isInstance(error) ||
    error.code !== 'auth_missing_scope' ||
    error.status !== 403 ||
    !namesRoleRefusal(error.platformError)
  )
    return error;
  return new PlatformError('platform_refused', error.message, {
    platform: error.platform,
    status: error.status,
    platformError: error.platformError,
    rateLimit: error.rateLimit,
    hint: roleOrScopeHint(request.method, pathOf(request.path)),
    cause: error,
  });
}

/** The URL path of a request, without host or query, as the classifier sees it. */
function pathOf(path: string): string {
  return new URL(path, 'https://api.linkedin.com').pathname;
}
