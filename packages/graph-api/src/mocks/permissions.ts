import { missingPermission } from './errors.js';
import type { GraphRequest } from './route.js';

/**
 * Refuses the call unless its token was granted every one of `permissions`. A token issued
 * without scopes (a test's own token, not one from a Login flow) may do everything.
 *
 * @param request - the request, with its token's scopes
 * @param permissions - what the endpoint needs
 * @throws Response {@link missingPermission} naming the first one not granted
 *
 * @example
 * ```ts
 * requirePermissions(request, ['instagram_basic', 'instagram_content_publish']);
 * ```
 */
export function requirePermissions(
  request: Pick<GraphRequest, 'scopes'>,
  permissions: readonly string[],
): void {
  if (request.scopes.length === 0) return;
  const missing = permissions.find((permission) => !request.scopes.includes(permission));
  if (missing !== undefined) throw missingPermission(missing);
}
