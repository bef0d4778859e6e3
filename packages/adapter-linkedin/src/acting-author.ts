import { AuthError, PlatformError } from '@smmkit/core';
import type { HttpClient, HttpRequest, HttpResponse } from '@smmkit/core/adapter-kit';
import { namesRoleRefusal } from './classify-error.js';
import { missingScopeHint } from './missing-scope-hint.js';
import { roleOrScopeHint } from './organization-roles.js';
import { isOrganizationUrn } from './urn.js';

/**
 * The adapter's HTTP client for the requests of one operation made as `author` (the author it
 * resolved for this call: a post's own, the adapter's `author` setting, else the account). This
 * is the one place a LinkedIn 403 is read as a missing role on an organization (LinkedIn Page):
 * the error classifier sees only the response, and the adapter's `author` setting may not be who
 * a request acts as (a post whose own author is a member).
 *
 * For an organization `author`, a 403 `AuthError('auth_missing_scope')`:
 * - whose words are a role refusal ("… while processing fields [/author]", "Not enough permissions
 *   to access urn:li:…") is thrown instead as `PlatformError('platform_refused')`: the member's
 *   role on the organization does not allow the call, and the hint names the roles that would
 *   (Posts, Comments, Reactions and statistics pages; see organization-roles.ts);
 * - else stays a missing scope whose hint names the role too, as LinkedIn answers a missing role on
 *   some calls (finding the organization's posts) as it answers a missing scope.
 *
 * Message, status, LinkedIn's words and rate-limit state are kept; the original error is the
 * cause. For a member `author`, every error stays as the classifier made it. ASSUMED, as in
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
        throw asOrganizationRefusal(error, request);
      }
    },
    accessToken: (context, operation) => http.accessToken(context, operation),
  };
}

/**
 * A missing-scope error of a request made as an organization: a role refusal when its words are
 * one, else the missing scope with the role beside it; anything else as it is.
 */
function asOrganizationRefusal(error: unknown, request: HttpRequest<unknown>): unknown {
  if (!AuthError.isInstance(error) || error.code !== 'auth_missing_scope' || error.status !== 403)
    return error;
  const path = pathOf(request.path);
  const kept = {
    platform: error.platform,
    status: error.status,
    platformError: error.platformError,
    rateLimit: error.rateLimit,
    cause: error,
  };
  if (namesRoleRefusal(error.platformError)) {
    return new PlatformError('platform_refused', error.message, {
      ...kept,
      hint: roleOrScopeHint(request.method, path),
    });
  }
  return new AuthError('auth_missing_scope', error.message, {
    ...kept,
    hint: missingScopeHint(request.method, path, true),
  });
}

/** The URL path of a request, without host or query, as the classifier sees it. */
function pathOf(path: string): string {
  return new URL(path, 'https://api.linkedin.com').pathname;
}
