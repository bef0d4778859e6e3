import { AuthError, PlatformError } from '@smmkit/core';
import type { HttpClient, HttpRequest, HttpResponse } from '@smmkit/core/adapter-kit';
import { namesRoleRefusal } from './classify-error.js';
import { missingScopeHint } from './missing-scope-hint.js';
import { missingScopeMessageFor } from './missing-scope-message.js';
import { roleOrScopeHint } from './organization-roles.js';
import type { LinkedInActor } from './scopes.js';
import { isAuthorUrn, isOrganizationUrn } from './urn.js';

/**
 * The adapter's HTTP client for the requests of one operation made as `author` (the author it
 * resolved for this call: a post's own, the adapter's `author` setting, else the account). This
 * is the one place a LinkedIn 403 is read for who the request acted as: the error classifier sees
 * only the response, and the adapter's `author` setting may not be who a request acts as (a post
 * whose own author is a member).
 *
 * A 403 `AuthError('auth_missing_scope')` names the scopes of that author only, as LinkedIn
 * grants a member's and an organization's apart: for an organization author `w_organization_social`
 * (reads `r_organization_social`), which `w_member_social` does not stand in for; for a member
 * `w_member_social` (reads `r_member_social`) (the Permissions tables of
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api and
 * the Comments and Reactions pages, see scopes.ts). For an organization author, such a 403:
 * - whose words are a role refusal ("… while processing fields [/author]", "Not enough permissions
 *   to access urn:li:…") is thrown instead as `PlatformError('platform_refused')`: the member's
 *   role on the organization may not allow the call, and the hint names the roles that would
 *   (Posts, Comments, Reactions and statistics pages; see organization-roles.ts), then the
 *   organization's scope as the other possibility;
 * - else stays a missing scope whose hint asks for the organization's scope first and offers the
 *   role as the other possibility, as LinkedIn answers a missing role on some calls (finding the
 *   organization's posts) as it answers a missing scope. The adapter cannot know the member's
 *   roles, so neither hint says the member lacks one.
 *
 * Status, LinkedIn's words and rate-limit state are kept; the original error is the cause. Other
 * errors, and every error of an `author` that is no member or organization URN, stay as the
 * classifier made them. ASSUMED, as in classify-error.ts: LinkedIn documents no body for a
 * missing role.
 *
 * @param http - the adapter's HTTP client
 * @param author - the member or organization URN the operation acts as
 * @returns a client that reads missing scopes for `author` (`http` itself when `author` is no URN)
 *
 * @example
 * ```ts
 * const asAuthor = httpActingAs(http, resolveAuthor(context, linkedIn.author, options.author));
 * await asAuthor.request({ method: 'POST', path: '/rest/posts', operation: 'create post', json, context });
 * ```
 */
export function httpActingAs(http: HttpClient, author: string): HttpClient {
  const actor = actorOf(author);
  if (actor === undefined) return http;
  return {
    request: async <T>(request: HttpRequest<T>): Promise<HttpResponse<T>> => {
      try {
        return await http.request(request);
      } catch (error) {
        throw asActorsRefusal(error, request, actor);
      }
    },
    accessToken: (context, operation) => http.accessToken(context, operation),
  };
}

/** Who an author URN is: an organization's, a member's, or neither (`undefined`). */
function actorOf(author: string): LinkedInActor | undefined {
  if (isOrganizationUrn(author)) return 'organization';
  return isAuthorUrn(author) ? 'member' : undefined;
}

/**
 * A missing-scope error of a request made as `actor`, naming that actor's scopes: for an
 * organization, a role refusal when its words are one; anything else as it is.
 */
function asActorsRefusal(error: unknown, request: HttpRequest<unknown>, actor: LinkedInActor): unknown {
  if (!AuthError.isInstance(error) || error.code !== 'auth_missing_scope' || error.status !== 403)
    return error;
  const path = pathOf(request.path);
  const message = missingScopeMessageFor(error.message, request.method, path, actor);
  const kept = {
    platform: error.platform,
    status: error.status,
    platformError: error.platformError,
    rateLimit: error.rateLimit,
    cause: error,
  };
  const roleWords = namesRoleRefusal(error.platformError);
  if (actor === 'organization' && roleWords) {
    return new PlatformError('platform_refused', message, {
      ...kept,
      hint: roleOrScopeHint(request.method, path),
    });
  }
  return new AuthError('auth_missing_scope', message, {
    ...kept,
    hint: missingScopeHint(request.method, path, actor, roleWords),
  });
}

/** The URL path of a request, without host or query, as the classifier sees it. */
function pathOf(path: string): string {
  return new URL(path, 'https://api.linkedin.com').pathname;
}
