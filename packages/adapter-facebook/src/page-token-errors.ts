import { AuthError } from '@smmkit/core';

/** How messages name a Page: `Facebook Page "Acme" (1049)`, or by id when Meta gave no name. */
const pageLabel = (pageId: string, name?: string): string =>
  name === undefined ? `Facebook Page ${pageId}` : `Facebook Page "${name}" (${pageId})`;

/**
 * The Page is not among those `/me/accounts` lists for the user: they have no role on it, or
 * did not pick it in the Facebook Login dialog (https://developers.facebook.com/docs/pages/getting-started).
 *
 * @param pageId - the Page asked for
 * @param listed - how many other Pages the user token can act for
 * @returns the error to throw
 *
 * @example
 * ```ts
 * throw pageNotManaged('1049', 2);
 * ```
 */
export function pageNotManaged(pageId: string, listed: number): AuthError {
  const hint = `The user must have a role on ${pageLabel(pageId)} and choose it in the Facebook Login dialog: log them in again and select the Page.`;
  return new AuthError(
    'auth_missing_scope',
    `${pageLabel(pageId)} is not among the Pages this user token can act for (GET /me/accounts lists ${listed} other Page${listed === 1 ? '' : 's'}). ${hint}`,
    { platform: 'facebook', hint },
  );
}

/** What the user lacks on a Page. */
export interface PageShortfall {
  /** The Page. */
  readonly pageId: string;
  /** Its name, when known. */
  readonly name?: string | undefined;
  /** Tasks required but not among the user's tasks on the Page (`CREATE_CONTENT`). */
  readonly missingTasks: readonly string[];
  /** The user's tasks on the Page. */
  readonly tasks: readonly string[];
  /** Permissions required but not granted to the app (`pages_manage_posts`). */
  readonly missingPermissions: readonly string[];
  /** Of those, the ones the user declined in the Login dialog. */
  readonly declinedPermissions: readonly string[];
}

/**
 * The user may not act on the Page as asked: a task is missing (a Page admin must give it;
 * https://developers.facebook.com/docs/pages-api/overview) or the app lacks a permission (the
 * user must grant it in a new Facebook Login; https://developers.facebook.com/docs/pages-api/posts).
 * The message names each one.
 *
 * @param shortfall - what is missing
 * @returns the error to throw
 *
 * @example
 * ```ts
 * throw cannotActOnPage({ pageId, missingTasks: ['CREATE_CONTENT'], tasks: ['ANALYZE'], missingPermissions: [], declinedPermissions: [] });
 * ```
 */
export function cannotActOnPage(shortfall: PageShortfall): AuthError {
  const page = pageLabel(shortfall.pageId, shortfall.name);
  const reasons: string[] = [];
  const actions: string[] = [];
  if (shortfall.missingTasks.length > 0) {
    const has = shortfall.tasks.length === 0 ? 'none' : shortfall.tasks.join(', ');
    reasons.push(`the user lacks the task ${shortfall.missingTasks.join(', ')} on it (they have: ${has})`);
    actions.push(`a Page admin must give the user a role with ${shortfall.missingTasks.join(', ')}`);
  }
  if (shortfall.missingPermissions.length > 0) {
    const named = shortfall.missingPermissions.map((permission) =>
      shortfall.declinedPermissions.includes(permission) ? `${permission} (declined)` : permission,
    );
    reasons.push(`the app was not granted ${named.join(', ')}`);
    actions.push(`the user must log in again and grant ${shortfall.missingPermissions.join(', ')}`);
  }
  const hint = `To fix it, ${actions.join('; ')}.`;
  return new AuthError('auth_missing_scope', `Cannot use ${page}: ${reasons.join('; ')}. ${hint}`, {
    platform: 'facebook',
    hint,
  });
}

/**
 * `/me/accounts` lists the Page but gives no token for it (the user's tasks grant none).
 *
 * @param pageId - the Page
 * @param name - its name, when known
 * @returns the error to throw
 *
 * @example
 * ```ts
 * throw noPageToken('1049', 'Acme');
 * ```
 */
export function noPageToken(pageId: string, name?: string): AuthError {
  const hint = 'Log the user in again with pages_show_list and a role on the Page that can post.';
  return new AuthError(
    'auth_missing_scope',
    `Meta gave no Page access token for ${pageLabel(pageId, name)} in GET /me/accounts. ${hint}`,
    { platform: 'facebook', hint },
  );
}

/**
 * Meta refused the Page token and `/me/accounts` still gives the same one: only a new login
 * gets a new one (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
 *
 * @param pageId - the Page
 * @returns the error to throw
 *
 * @example
 * ```ts
 * if (fresh === rejected) throw stalePageToken(pageId);
 * ```
 */
export function stalePageToken(pageId: string): AuthError {
  const hint =
    'Have the user log in to the app again (Facebook Login), exchange for a long-lived user token, and make a new Page token provider with it.';
  return new AuthError(
    'auth_expired',
    `Meta refused the Page token of ${pageLabel(pageId)}, and GET /me/accounts gives the same token again. ${hint}`,
    { platform: 'facebook', hint },
  );
}
