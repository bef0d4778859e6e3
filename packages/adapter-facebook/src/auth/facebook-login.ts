// Facebook Login for Pages (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow):
// send the user to the Login dialog (facebookLoginAuthorizationUrl), exchange the code of the
// redirect for a short-lived user token (exchangeFacebookCode), exchange that for a ~60-day one
// (exchangeFacebookToken), then get the Page tokens with it (discoverFacebookPages, or
// facebookPageTokens as the adapter's token provider). Page tokens made from a long-lived user
// token do not expire; the user token is not refreshed: the user logs in again when it lapses.
// The flow is @smmkit/graph-api's, bound to Facebook.
import {
  createFacebookLogin,
  type FacebookLogin,
  type FacebookLoginAuthorizationUrlOptions,
} from '@smmkit/graph-api';

/**
 * The permissions a Pages app asks for
 * (https://developers.facebook.com/docs/pages-api/posts, "Before you start";
 * https://developers.facebook.com/docs/permissions): `pages_show_list` (list the Pages and their
 * tokens), `pages_manage_posts` (publish and delete), `pages_read_engagement` and
 * `pages_read_user_content` (read posts, comments, mentions and counts), `pages_manage_engagement`
 * (reply to, hide, delete and like comments), `read_insights` (post and Page insights) and
 * `publish_video` (videos and reels). The posts guide writes `pages_read_user_engagement`, which
 * is not a permission (the Login dialog would not grant it): reading what fans post on a Page is
 * `pages_read_user_content` (https://developers.facebook.com/docs/permissions/reference/pages_read_user_content).
 *
 * @example
 * ```ts
 * const url = facebookLoginAuthorizationUrl({ appId, redirectUri, state, scopes: [...FACEBOOK_PAGE_SCOPES, 'business_management'] });
 * ```
 */
export const FACEBOOK_PAGE_SCOPES: readonly string[] = [
  'pages_show_list',
  'pages_manage_posts',
  'pages_read_engagement',
  'pages_read_user_content',
  'pages_manage_engagement',
  'read_insights',
  'publish_video',
];

/**
 * Facebook Login reporting for `facebook`; every dialog must ask for `pages_show_list`, without
 * which `/me/accounts` lists no Page and no Page token can be had
 * (https://developers.facebook.com/docs/permissions, pages_show_list).
 */
const login = createFacebookLogin({ platform: 'facebook', basicScope: 'pages_show_list' });

/** What {@link facebookLoginAuthorizationUrl} needs: the dialog's options, the scopes optional. */
export interface FacebookPagesAuthorizationUrlOptions
  extends Omit<FacebookLoginAuthorizationUrlOptions, 'scopes'> {
  /** Permissions to ask for, `pages_show_list` among them; default {@link FACEBOOK_PAGE_SCOPES}. */
  readonly scopes?: readonly string[] | undefined;
}

/**
 * The Facebook Login dialog URL for Pages
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow):
 * `https://www.facebook.com/{v}/dialog/oauth?client_id&redirect_uri&state&response_type=code&scope`,
 * asking for {@link FACEBOOK_PAGE_SCOPES} unless `scopes` says otherwise (it must include
 * `pages_show_list`). In the dialog the user also picks the Pages the app may act for. Check the
 * `state` of the redirect before {@link exchangeFacebookCode}.
 *
 * @param options - app id, redirect URI, state, and optionally scopes, version and dialog origin
 * @returns the URL to send the user to
 * @throws ValidationError when a required value is empty, `pages_show_list` is not asked, or the
 *   version or dialog origin is invalid
 *
 * @example
 * ```ts
 * const state = createOAuthState();
 * const url = facebookLoginAuthorizationUrl({ appId, redirectUri: 'https://app.example/callback/facebook', state });
 * ```
 */
export function facebookLoginAuthorizationUrl(options: FacebookPagesAuthorizationUrlOptions): string {
  return login.authorizationUrl({ ...options, scopes: options.scopes ?? FACEBOOK_PAGE_SCOPES });
}

/**
 * Exchanges the code of a Facebook Login redirect for a (short-lived) user token:
 * `GET graph.facebook.com/{v}/oauth/access_token?client_id&redirect_uri&client_secret&code`
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow). Exchange it
 * for a ~60-day token with {@link exchangeFacebookToken} right away: Page tokens made from a
 * short-lived user token expire with it. A refused code (used, expired, another redirect URI) is
 * an `AuthError('auth_revoked')` keeping Meta's message; the secret and the code are kept out of
 * every error.
 *
 * @throws ValidationError when a transport option is invalid
 *
 * @example
 * ```ts
 * const short = await exchangeFacebookCode({ appId, appSecret, redirectUri, code });
 * const userTokens = await exchangeFacebookToken({ appId, appSecret, shortLivedToken: short.accessToken });
 * ```
 */
export const exchangeFacebookCode: FacebookLogin['exchangeCode'] = login.exchangeCode;

/**
 * Exchanges a short-lived Facebook user token for a long-lived one (~60 days, `expiresAt` set):
 * `GET graph.facebook.com/{v}/oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token`
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived). The
 * Page tokens read with it do not expire. No refresh token: the user logs in again before
 * `expiresAt` to keep a user token. The secret and both tokens are kept out of every error.
 *
 * @throws ValidationError when a transport option is invalid
 *
 * @example
 * ```ts
 * const userTokens = await exchangeFacebookToken({ appId, appSecret, shortLivedToken });
 * const pages = await discoverFacebookPages({ userAccessToken: userTokens.accessToken });
 * ```
 */
export const exchangeFacebookToken: FacebookLogin['exchangeToken'] = login.exchangeToken;
