import { type GraphAuthOptions, graphAuthClient } from '@smmkit/graph-api';
import * as z from 'zod/mini';

/** `GET /me/permissions` → `{data:[{permission, status}]}` (https://developers.facebook.com/docs/graph-api/reference/user/permissions/). */
const PermissionListSchema = z.looseObject({
  data: z.optional(z.array(z.looseObject({ permission: z.string(), status: z.optional(z.string()) }))),
});

/** What {@link readGrantedPermissions} needs: the user token and the Graph transport. */
export interface GrantedPermissionsOptions extends GraphAuthOptions {
  /** A Facebook user token. */
  readonly userAccessToken: string;
}

/**
 * The permissions the user granted the app, and those they declined in the Login dialog:
 * `GET /me/permissions` (https://developers.facebook.com/docs/graph-api/reference/user/permissions/),
 * each entry `{permission, status: 'granted' | 'declined' | 'expired'}`. The token goes in a
 * Bearer header and is kept out of every error.
 *
 * @param options - the user token and transport
 * @returns the granted and the declined (or expired) permissions
 * @throws AuthError when Meta refuses the user token
 *
 * @example
 * ```ts
 * const { granted } = await readGrantedPermissions({ userAccessToken });
 * if (!granted.has('pages_manage_posts')) console.log('ask for pages_manage_posts again');
 * ```
 */
export async function readGrantedPermissions(options: GrantedPermissionsOptions): Promise<{
  /** Granted permissions. */
  readonly granted: ReadonlySet<string>;
  /** Permissions the user declined, or whose grant expired. */
  readonly declined: ReadonlySet<string>;
}> {
  const { data } = await graphAuthClient(options, { platform: 'facebook' }).request({
    method: 'GET',
    path: '/me/permissions',
    operation: 'read the permissions granted to the app',
    headers: { Authorization: `Bearer ${options.userAccessToken}` },
    schema: PermissionListSchema,
    auth: false,
    signal: options.signal,
    secrets: [options.userAccessToken],
  });
  const granted = new Set<string>();
  const declined = new Set<string>();
  for (const entry of data.data ?? [])
    (entry.status === 'granted' ? granted : declined).add(entry.permission);
  return { granted, declined };
}
