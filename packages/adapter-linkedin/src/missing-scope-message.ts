import { type LinkedInActor, requiredLinkedInScopes } from './scopes.js';

/** The words a missing-scope message ends with: which scopes the token needs. */
function neededScopes(scopes: string): string {
  return ` (the token needs ${scopes})`;
}

/**
 * The message of a 403 `ACCESS_DENIED` with the scopes the endpoint needs after it: the scope of
 * `actor` when known, else the member and organization variants (LinkedIn's answer names an
 * internal resource, not a scope).
 *
 * @param message - the failure as core words it (operation, request, LinkedIn's words)
 * @param method - HTTP method of the refused request
 * @param path - its URL path
 * @param actor - who the request acted as, when known
 * @returns the message, naming the scopes when the adapter knows the endpoint
 *
 * @example
 * ```ts
 * missingScopeMessage('create post failed (POST /rest/posts → 403): …', 'POST', '/rest/posts', 'organization');
 * // 'create post failed (POST /rest/posts → 403): … (the token needs w_organization_social)'
 * ```
 */
export function missingScopeMessage(
  message: string,
  method: string,
  path: string,
  actor?: LinkedInActor,
): string {
  const scopes = requiredLinkedInScopes(method, path, actor);
  return scopes === undefined ? message : `${message}${neededScopes(scopes)}`;
}

/**
 * The message the classifier made without knowing who the request acted as, naming instead the
 * scopes of `actor`: a token that has `w_member_social` is not told it needs "w_member_social or
 * w_organization_social" when it posted as an organization, for which only
 * `w_organization_social` serves
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 *
 * @param message - the classifier's message ({@link missingScopeMessage} without an actor)
 * @param method - HTTP method of the refused request
 * @param path - its URL path
 * @param actor - who the request acted as
 * @returns the message naming the actor's scopes, or `message` when it names none
 *
 * @example
 * ```ts
 * missingScopeMessageFor('… (the token needs w_member_social (as a member) or w_organization_social (as an organization))', 'POST', '/rest/posts', 'organization');
 * // '… (the token needs w_organization_social)'
 * ```
 */
export function missingScopeMessageFor(
  message: string,
  method: string,
  path: string,
  actor: LinkedInActor,
): string {
  const either = requiredLinkedInScopes(method, path);
  const own = requiredLinkedInScopes(method, path, actor);
  if (either === undefined || own === undefined || !message.endsWith(neededScopes(either))) return message;
  return `${message.slice(0, -neededScopes(either).length)}${neededScopes(own)}`;
}
