import { TransientError } from '@smmkit/core';
import { type GraphAuthOptions, managedPages } from '@smmkit/graph-api';
import * as z from 'zod/mini';
import { LinkedInstagramAccountSchema } from '../schemas.js';

/** What the request does, for error messages. */
const OPERATION = 'list Pages and Instagram accounts';

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
 * (https://developers.facebook.com/docs/graph-api/reference/user/accounts/), every page of it,
 * read with `@smmkit/graph-api`'s `managedPages` (the same reader the Facebook adapter uses).
 * Pages without an Instagram account are left out; a linked account Meta answers in another shape
 * is an `invalid_response` `TransientError`, as any unreadable Graph answer is.
 *
 * @param options - the user token and transport
 * @returns one link per Instagram account; use `instagramAccountId` as the adapter's account id
 * @throws ValidationError when a transport option is invalid
 * @throws AuthError when Meta refuses the user token
 * @throws TransientError (`invalid_response`) when a linked account is not `{id, username?, name?}`
 *
 * @example
 * ```ts
 * const [first] = await discoverInstagramAccounts({ userAccessToken: tokens.accessToken });
 * ```
 */
export async function discoverInstagramAccounts(
  options: DiscoverInstagramAccountsOptions,
): Promise<InstagramAccountLink[]> {
  const links: InstagramAccountLink[] = [];
  for await (const page of managedPages(options, {
    platform: 'instagram',
    fields: 'id,name,access_token,instagram_business_account{id,username,name}',
    operation: OPERATION,
  })) {
    // `managedPages` passes the fields it does not read through, unchecked: check this one here.
    if (page.instagram_business_account === undefined) continue;
    const linked = z.safeParse(LinkedInstagramAccountSchema, page.instagram_business_account);
    if (!linked.success)
      throw new TransientError(
        'invalid_response',
        `${OPERATION} (GET /me/accounts → 200): the body does not have the expected shape (at data.instagram_business_account)`,
        { platform: 'instagram', status: 200 },
      );
    const account = linked.data;
    links.push({
      instagramAccountId: account.id,
      ...(account.username === undefined ? {} : { username: account.username }),
      pageId: page.id,
      ...(page.name === undefined ? {} : { pageName: page.name }),
      ...(page.access_token === undefined ? {} : { pageAccessToken: page.access_token }),
    });
  }
  return links;
}
