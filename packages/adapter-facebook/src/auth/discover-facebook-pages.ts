import { type GraphAuthOptions, type ManagedPage, managedPages } from '@smmkit/graph-api';

/** The fields read of each Page (https://developers.facebook.com/docs/graph-api/reference/user/accounts/). */
export const PAGE_FIELDS = 'id,name,access_token,tasks';

/** What {@link discoverFacebookPages} needs: the user token and the Graph transport. */
export interface DiscoverFacebookPagesOptions extends GraphAuthOptions {
  /** A long-lived Facebook user token (from `exchangeFacebookToken`). */
  readonly userAccessToken: string;
}

/** A Facebook Page the user can act for, with its Page token. */
export interface FacebookPageAccess {
  /** The Page id: `Account.accountId` for the adapter. */
  readonly pageId: string;
  /** The Page name, when Meta returned it. */
  readonly name?: string | undefined;
  /**
   * The Page access token, when Meta returned one. Made from a long-lived user token it does not
   * expire (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
   */
  readonly pageAccessToken?: string | undefined;
  /**
   * What the user can do on the Page: `CREATE_CONTENT` (post), `MODERATE` (comments), `ANALYZE`
   * (insights), `ADVERTISE`, `MESSAGING`, `MANAGE` (https://developers.facebook.com/docs/pages-api/overview).
   */
  readonly tasks: readonly string[];
}

/**
 * The {@link FacebookPageAccess} of one `/me/accounts` entry.
 *
 * @param page - the entry
 * @returns the Page, its token and tasks
 *
 * @example
 * ```ts
 * pageAccess({ id: '1049', tasks: ['CREATE_CONTENT'] }); // { pageId: '1049', tasks: ['CREATE_CONTENT'] }
 * ```
 */
export function pageAccess(page: ManagedPage): FacebookPageAccess {
  return {
    pageId: page.id,
    ...(page.name === undefined ? {} : { name: page.name }),
    ...(page.access_token === undefined ? {} : { pageAccessToken: page.access_token }),
    tasks: page.tasks ?? [],
  };
}

/**
 * Lists the Facebook Pages the user can act for, with a Page token and the user's tasks on each:
 * `GET /me/accounts?fields=id,name,access_token,tasks`, every page of it
 * (https://developers.facebook.com/docs/graph-api/reference/user/accounts/;
 * https://developers.facebook.com/docs/pages/getting-started). Only Pages the user chose in the
 * Facebook Login dialog are listed. Use it to let the user pick a Page; to hand the adapter a
 * Page's token, `facebookPageTokens` finds it and checks the user may post.
 *
 * @param options - the user token and transport (version, base URL, fetch, timeout, signal)
 * @returns the Pages, in Meta's order
 * @throws ValidationError when a transport option is invalid
 * @throws AuthError when Meta refuses the user token (expired, revoked: the message says what to do)
 *
 * @example
 * ```ts
 * const pages = await discoverFacebookPages({ userAccessToken: userTokens.accessToken });
 * const postable = pages.filter((page) => page.tasks.includes('CREATE_CONTENT'));
 * ```
 */
export async function discoverFacebookPages(
  options: DiscoverFacebookPagesOptions,
): Promise<FacebookPageAccess[]> {
  const pages: FacebookPageAccess[] = [];
  for await (const page of managedPages(options, {
    platform: 'facebook',
    fields: PAGE_FIELDS,
    operation: 'list the user’s Facebook Pages',
  }))
    pages.push(pageAccess(page));
  return pages;
}
