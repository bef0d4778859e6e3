import {
  discoverFacebookPages,
  exchangeFacebookCode,
  exchangeFacebookToken,
  FACEBOOK_PAGE_SCOPES,
  facebookLoginAuthorizationUrl,
} from '@smmkit/adapter-facebook';
import type { FlowTransport, PlatformFlow } from '../flow.ts';

/** A Meta app's credentials (App Dashboard, App settings → Basic). */
export interface MetaApp {
  /** The app id. */
  readonly appId: string;
  /** The app secret. */
  readonly appSecret: string;
}

/**
 * Facebook Login for Pages (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow):
 * the Login dialog asks for `FACEBOOK_PAGE_SCOPES` (and the user picks the Pages), the code becomes
 * a short-lived user token and that a ~60-day one, and `discoverFacebookPages` lists the Pages
 * with their Page tokens. The account is the Page `?account=` names, or the only Page the user
 * may post to; the Page token is what the adapter posts with, and made from a long-lived user
 * token it does not expire
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
 *
 * @param app - the Meta app's id and secret
 * @param transport - a `fetch` for every call
 * @returns the flow
 *
 * @example
 * ```ts
 * const flow = facebookFlow({ appId: process.env.META_APP_ID ?? '', appSecret: process.env.META_APP_SECRET ?? '' });
 * ```
 */
export function facebookFlow(app: MetaApp, transport: FlowTransport = {}): PlatformFlow {
  return {
    platform: 'facebook',
    pkce: false,
    authorizationUrl: ({ state, redirectUri }) =>
      facebookLoginAuthorizationUrl({ appId: app.appId, redirectUri, state, scopes: FACEBOOK_PAGE_SCOPES }),
    async finish({ code, redirectUri, account }) {
      const { fetch } = transport;
      const short = await exchangeFacebookCode({ ...app, redirectUri, code, fetch });
      const user = await exchangeFacebookToken({ ...app, shortLivedToken: short.accessToken, fetch });
      const pages = await discoverFacebookPages({ userAccessToken: user.accessToken, fetch });
      const postable = pages.filter(
        (page) => page.tasks.includes('CREATE_CONTENT') && page.pageAccessToken !== undefined,
      );
      const listed = postable.map((page) => `${page.pageId} (${page.name ?? 'no name'})`).join(', ');
      const chosen =
        account === undefined
          ? postable.length === 1
            ? postable[0]
            : undefined
          : postable.find((page) => page.pageId === account);
      if (chosen?.pageAccessToken === undefined)
        throw new Error(
          postable.length === 0
            ? 'facebook: the user picked no Page they may post to (the CREATE_CONTENT task)'
            : `facebook: name the Page with ?account=<page id>; Pages you may post to: ${listed}`,
        );
      return {
        accountId: chosen.pageId,
        handle: chosen.name,
        tokens: { accessToken: chosen.pageAccessToken },
      };
    },
  };
}
