import { type GraphAuthOptions, graphAuthClient } from '@smmkit/graph-api';
import { PageAccountsSchema } from '../schemas.js';

/** What {@link discoverInstagramAccounts} needs: the user token and the Graph transport. */
export interface DiscoverInstagramAccountsOptions extends GraphAuthOptions {
  /** A (long-lived) Facebook user token. */
  readonly userAccessToken: string;
}

/** A Facebook Page with its linked Instagram professional account. */
export interface InstagramAccountLink {
  /** The IG user id: `Account.accountId` for the adapter. */
  readonly instagramAccountId: string;
  /** The Instagram username, when Meta returned it. */
  readonly username?: string | undefined;
  /** The Page id. */
  readonly pageId: string;
  /** The Page name, when returned. */
  readonly pageName?: string | undefined;
  /** The Page access token, when returned. */
  readonly pageAccessToken?: string | undefined;
}

/**
 * Lists the Facebook Pages the user manages that have an Instagram professional account, the last
 * step of Facebook Login:
 * `GET /me/accounts?fields=id,name,access_token,instagram_business_account{id,username,name}`
 * (https://developers.facebook.com/docs/graph-api/reference/user/accounts/), every page of them.
 * Pages without an Instagram account are left out.
 *
 * @param options - the user token and transport
 * @returns one link per Instagram account; use `instagramAccountId` as the adapter's account id
 * @throws ValidationError when a transport option is invalid
 *
 * @example
 * ```ts
 * const [first] = await discoverInstagramAccounts({ userAccessToken: tokens.accessToken });
 * ```
 */
export async function discoverInstagramAccounts(
  options: DiscoverInstagramAccountsOptions,
): Promise<InstagramAccountLink[]> {
  const http = graphAuthClient(options, { platform: 'instagram' });
  const links: InstagramAccountLink[] = [];
  let after: string | undefined;
  for (;;) {
    const { data } = await http.request({
      method: 'GET',
      path: '/me/accounts',
      operation: 'list Pages and Instagram accounts',
      searchParams: { fields: 'id,name,access_token,instagram_business_account{id,username,name}', after },
      headers: { Authorization: `Bearer ${options.userAccessToken}` },
      schema: PageAccountsSchema,
      auth: false,
      signal: options.signal,
      secrets: [options.userAccessToken],
    });
    for (const page of data.data ?? []) {
      const account = page.instagram_business_account;
      if (account === undefined) continue;
      links.push({
        instagramAccountId: account.id,
        ...(account.username === undefined ? {} : { username: account.username }),
        pageId: page.id,
        ...(page.name === undefined ? {} : { pageName: page.name }),
        ...(page.access_token === undefined ? {} : { pageAccessToken: page.access_token }),
      });
    }
    after = data.paging?.next === undefined ? undefined : data.paging.cursors?.after;
    if (after === undefined) return links;
  }
}
