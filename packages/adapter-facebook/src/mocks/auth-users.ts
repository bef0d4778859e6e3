import { LONG_LIVED_TOKEN_TTL_S } from '@smmkit/graph-api/mocks';
import type { PlatformSimulator } from '@smmkit/testkit';
import { FACEBOOK_PAGE_SCOPES } from '../auth/facebook-login.js';

/**
 * The tasks of a Page admin as `/me/accounts` lists them
 * (https://developers.facebook.com/docs/pages/getting-started, the `tasks` of the sample answer;
 * MESSAGING added as admins have it).
 */
export const PAGE_ADMIN_TASKS: readonly string[] = [
  'ADVERTISE',
  'ANALYZE',
  'CREATE_CONTENT',
  'MESSAGING',
  'MODERATE',
  'MANAGE',
];

/** A role a simulated user has on a Page. */
export interface SimulatedPageRole {
  /** The Page (a simulator account). */
  readonly pageId: string;
  /** The user's tasks on it; default {@link PAGE_ADMIN_TASKS}. */
  readonly tasks?: readonly string[] | undefined;
}

/** Options of `FacebookUsers.add`. */
export interface SimulatedUserOptions {
  /** The Pages the user has a role on, in the order `/me/accounts` lists them. */
  readonly pages?: readonly SimulatedPageRole[] | undefined;
  /** Permissions granted to the app; default everything a Pages app asks for (`FACEBOOK_PAGE_SCOPES`). */
  readonly granted?: readonly string[] | undefined;
  /** Permissions the user declined in the Login dialog. */
  readonly declined?: readonly string[] | undefined;
  /** Lifetime of the user token; default a long-lived token's ~60 days. */
  readonly tokenExpiresInMs?: number | undefined;
}

/** A simulated Facebook user (a person, not a Page). */
export interface SimulatedFacebookUser {
  /** The user id; the account of their user tokens. */
  readonly id: string;
  /** Their name. */
  readonly name: string;
  /** Their roles: Page id → tasks, in the order added. */
  readonly pages: Map<string, readonly string[]>;
  /** Permission → `granted` or `declined`, as `/me/permissions` answers. */
  readonly permissions: Map<string, 'granted' | 'declined'>;
}

/** The simulator's Facebook users, their Page roles, permissions and Page tokens. */
export interface FacebookUsers {
  /** Adds a user with a user token. */
  add(
    name: string,
    options?: SimulatedUserOptions,
  ): {
    /** The user. */
    readonly user: SimulatedFacebookUser;
    /** A user token for them. */
    readonly accessToken: string;
  };
  /** The user with this id, or `undefined` (a Page's id, say). */
  get(id: string): SimulatedFacebookUser | undefined;
  /**
   * The Page token the user gets for a Page: the same one each time while the simulator accepts
   * it, a new one once it expired or was revoked.
   */
  pageToken(user: SimulatedFacebookUser, pageId: string): string;
  /**
   * What stands behind a Page token: the permissions the user it was made for has granted now (a
   * permission taken back is gone from the tokens made before) and the user's tasks on the Page;
   * or `undefined` for a token no user got through `/me/accounts` (the Page's own token of
   * `addPage`), which the simulator lets do everything.
   */
  behind(pageToken: string | undefined):
    | {
        /** The permissions granted. */
        readonly granted: ReadonlySet<string>;
        /** The user's tasks on the token's Page. */
        readonly tasks: readonly string[];
      }
    | undefined;
  /** What a Login consent grants: the scopes of the dialog URL become the user's granted permissions. */
  recordConsent(userId: string, scopes: readonly string[]): void;
}

/**
 * The users of a Facebook simulator. Users are kept apart from the simulator's accounts (which
 * are Pages): a user token's account is a user id, so routes tell user tokens from Page tokens.
 * Like accounts and tokens, users survive the simulator's reset. Page tokens never expire here
 * (made from a long-lived user token they do not;
 * https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
 *
 * @param sim - the simulator whose tokens users get
 * @returns the user store
 *
 * @example
 * ```ts
 * const users = createFacebookUsers(sim);
 * const { user, accessToken } = users.add('ana', { pages: [{ pageId: acme.account.id }] });
 * ```
 */
export function createFacebookUsers(sim: PlatformSimulator): FacebookUsers {
  const users = new Map<string, SimulatedFacebookUser>();
  const pageTokens = new Map<string, string>();
  return {
    add(name, options = {}) {
      const id = sim.nextId();
      const permissions = new Map<string, 'granted' | 'declined'>();
      for (const permission of options.granted ?? FACEBOOK_PAGE_SCOPES)
        permissions.set(permission, 'granted');
      for (const permission of options.declined ?? []) permissions.set(permission, 'declined');
      const pages = new Map<string, readonly string[]>();
      for (const role of options.pages ?? []) pages.set(role.pageId, role.tasks ?? PAGE_ADMIN_TASKS);
      const user: SimulatedFacebookUser = { id, name, pages, permissions };
      users.set(id, user);
      const { accessToken } = sim.tokens.issue(id, {
        expiresInMs: options.tokenExpiresInMs ?? LONG_LIVED_TOKEN_TTL_S * 1000,
      });
      return { user, accessToken };
    },
    get: (id) => users.get(id),
    pageToken(user, pageId) {
      const key = `${user.id}/${pageId}`;
      const known = pageTokens.get(key);
      if (known !== undefined && sim.tokens.check(known).status === 'valid') return known;
      const { accessToken } = sim.tokens.issue(pageId);
      pageTokens.set(key, accessToken);
      return accessToken;
    },
    behind(pageToken) {
      for (const [key, token] of pageTokens) {
        if (token !== pageToken) continue;
        const [userId = '', pageId = ''] = key.split('/');
        const user = users.get(userId);
        return user === undefined
          ? undefined
          : { granted: grantedPermissions(user), tasks: user.pages.get(pageId) ?? [] };
      }
      return undefined;
    },
    recordConsent(userId, scopes) {
      const user = users.get(userId);
      if (user === undefined) return;
      user.permissions.clear();
      for (const scope of scopes) user.permissions.set(scope, 'granted');
    },
  };
}

/**
 * The permissions `user` has granted the app now (not those declined).
 *
 * @param user - a simulated user
 * @returns the granted permissions
 *
 * @example
 * ```ts
 * grantedPermissions(user).has('pages_show_list');
 * ```
 */
export function grantedPermissions(user: SimulatedFacebookUser): ReadonlySet<string> {
  return new Set([...user.permissions].filter(([, status]) => status === 'granted').map(([name]) => name));
}
