import { missingPermission } from './errors.js';

/**
 * Refuses the call unless `granted` holds every one of `permissions`. `undefined` means a token
 * no Login flow issued (a test's own token), which may do everything.
 *
 * @param granted - the permissions the token's user granted, or `undefined` when not checked
 * @param permissions - what the endpoint needs
 * @throws Response {@link missingPermission} naming the first one not granted
 *
 * @example
 * ```ts
 * requirePermissions(request.scopes, ['instagram_basic', 'instagram_content_publish']);
 * ```
 */
export function requirePermissions(
  granted: Iterable<string> | undefined,
  permissions: readonly string[],
): void {
  if (granted === undefined) return;
  const has = new Set(granted);
  const missing = permissions.find((permission) => !has.has(permission));
  if (missing !== undefined) throw missingPermission(missing);
}
