import { AuthError, type TokenProvider, type TokenRequestOptions } from '@smmkit/core';
import { parseModel } from '@smmkit/core/adapter-kit';
import {
  type GraphAuthOptions,
  graphAuthClient,
  type ManagedPage,
  managedPages,
  OAuthValue,
} from '@smmkit/graph-api';
import * as z from 'zod/mini';
import { PAGE_FIELDS } from './auth/discover-facebook-pages.js';
import { readGrantedPermissions } from './auth/granted-permissions.js';
import { cannotActOnPage, noPageToken, pageNotManaged, stalePageToken } from './page-token-errors.js';

/**
 * The task a user needs on a Page to publish to it
 * (https://developers.facebook.com/docs/pages/getting-started: "CREATE_CONTENT task").
 */
const POSTING_TASKS: readonly string[] = ['CREATE_CONTENT'];

/**
 * The permission publishing and deleting Page posts need
 * (https://developers.facebook.com/docs/pages-api/posts, "Before you start").
 */
const POSTING_PERMISSIONS: readonly string[] = ['pages_manage_posts'];

/** A Page id cannot be blank (`oauth.required`). */
const PageTokensRequestSchema = z.object({ pageId: OAuthValue });

/** What {@link facebookPageTokens} needs. */
export interface FacebookPageTokensOptions extends Omit<GraphAuthOptions, 'signal'> {
  /** The Page to act for: the same id as the context's `account.accountId`. */
  readonly pageId: string;
  /**
   * A long-lived Facebook user token (from `exchangeFacebookToken`), or a provider of one (a
   * token kept in your database). Page tokens made from a long-lived user token do not expire
   * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
   */
  readonly userAccessToken: string | TokenProvider;
  /**
   * Tasks the user must have on the Page (`tasks` of `/me/accounts`); default `['CREATE_CONTENT']`,
   * what posting needs. `[]` checks none.
   */
  readonly requiredTasks?: readonly string[] | undefined;
  /**
   * Permissions the app must have been granted (`GET /me/permissions`); default
   * `['pages_manage_posts']`, what posting needs. Add `pages_manage_engagement` to moderate
   * and like comments, `read_insights` for insights. `[]` skips the call.
   */
  readonly requiredPermissions?: readonly string[] | undefined;
}

/** A caller's wait for shared work: it may give up (its signal), the work goes on for the others. */
function waitFor<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A token provider for one Facebook Page, made from the user's token: the Facebook adapter's
 * context `tokens` when you hold a user token rather than the Page token. The first request
 * discovers the Page token with `GET /me/accounts?fields=id,name,access_token,tasks` (every page
 * of it until the Page is found; https://developers.facebook.com/docs/pages/getting-started),
 * checks the user's tasks on the Page and the permissions granted to the app
 * (`GET /me/permissions`), and keeps the token: Page tokens made from a long-lived user token do
 * not expire (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
 * Concurrent callers share one discovery; a failed one is tried again on the next request.
 *
 * When Meta rejects the Page token as expired (190/463 or a 190 without sub-code), the adapter's
 * HTTP client calls `refresh`, which discovers the token once more (one discovery for all callers).
 *
 * Errors, all `AuthError`s for `facebook` whose message says what to do:
 * - the Page is not listed (no role on it, or not picked in the Login dialog): `auth_missing_scope`;
 * - a required task (`CREATE_CONTENT`) or permission (`pages_manage_posts`, and whether it was
 *   declined) is missing — each one named: `auth_missing_scope`;
 * - the user token is refused: Meta's token error, with what the user must do for its sub-code;
 * - `refresh` finds the same rejected token: `auth_expired`, log in again.
 *
 * The user token goes in a Bearer header and is never in an error.
 *
 * @param options - the Page, the user token, the checks, and the Graph transport
 * @returns the Page's token provider, for the adapter's context or the publisher's `tokens`
 * @throws AuthError when the user token is empty
 * @throws ValidationError when the Page id is blank or a transport option is invalid
 *
 * @example
 * ```ts
 * const facebook = createFacebookAdapter();
 * const tokens = facebookPageTokens({ pageId: '1049', userAccessToken: userTokens.accessToken });
 * await facebook.publish({ text: 'Hello' }, { account: { platform: 'facebook', accountId: '1049' }, tokens });
 *
 * // Or for every Page the publisher posts to:
 * const publisher = createPublisher({
 *   adapters: [facebook],
 *   tokens: (target) => facebookPageTokens({ pageId: target.accountId, userAccessToken: userTokens.accessToken }),
 * });
 * ```
 */
export function facebookPageTokens(options: FacebookPageTokensOptions): TokenProvider & {
  /** Discovers the Page token again after Meta rejected `rejectedToken`; once for all callers. */
  refresh(rejectedToken: string, options?: TokenRequestOptions): Promise<string>;
} {
  const { pageId, userAccessToken, ...transport } = options;
  parseModel(PageTokensRequestSchema, { pageId }, 'Facebook Page token options', { platform: 'facebook' });
  if (userAccessToken === '')
    throw new AuthError('auth_invalid', 'facebookPageTokens: the user access token is empty.', {
      platform: 'facebook',
    });
  // Checks the transport now, so a bad version or URL fails here rather than at the first post.
  graphAuthClient(transport, { platform: 'facebook' });
  const requiredTasks = options.requiredTasks ?? POSTING_TASKS;
  const requiredPermissions = options.requiredPermissions ?? POSTING_PERMISSIONS;

  const discover = async (): Promise<string> => {
    const user =
      typeof userAccessToken === 'string' ? userAccessToken : await userAccessToken.getAccessToken();
    const auth = { ...transport, userAccessToken: user };
    let found: ManagedPage | undefined;
    let others = 0;
    for await (const page of managedPages(auth, {
      platform: 'facebook',
      fields: PAGE_FIELDS,
      operation: 'find the Facebook Page token',
    })) {
      if (page.id === pageId) {
        found = page;
        break;
      }
      others += 1;
    }
    if (found === undefined) throw pageNotManaged(pageId, others);
    const tasks = found.tasks ?? [];
    const missingTasks = requiredTasks.filter((task) => !tasks.includes(task));
    let missingPermissions: string[] = [];
    let declinedPermissions: string[] = [];
    if (requiredPermissions.length > 0) {
      const { granted, declined } = await readGrantedPermissions(auth);
      missingPermissions = requiredPermissions.filter((permission) => !granted.has(permission));
      declinedPermissions = missingPermissions.filter((permission) => declined.has(permission));
    }
    if (missingTasks.length > 0 || missingPermissions.length > 0)
      throw cannotActOnPage({
        pageId,
        name: found.name,
        missingTasks,
        tasks,
        missingPermissions,
        declinedPermissions,
      });
    if (found.access_token === undefined) throw noPageToken(pageId, found.name);
    return found.access_token;
  };

  let token: string | undefined;
  let inFlight: Promise<string> | undefined;
  const load = (): Promise<string> => {
    inFlight ??= discover().then(
      (found) => {
        token = found;
        inFlight = undefined;
        return found;
      },
      (error: unknown) => {
        inFlight = undefined;
        throw error;
      },
    );
    return inFlight;
  };

  return {
    getAccessToken: (request) =>
      token !== undefined && inFlight === undefined
        ? Promise.resolve(token)
        : waitFor(load(), request?.signal),
    async refresh(rejectedToken, request) {
      if (inFlight !== undefined) return waitFor(inFlight, request?.signal);
      // Another caller already replaced the rejected token.
      if (token !== undefined && token !== rejectedToken) return token;
      const found = await waitFor(load(), request?.signal);
      if (found === rejectedToken) throw stalePageToken(pageId);
      return found;
    },
  };
}
