// Facebook Login for Instagram professional accounts
// (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login):
// send the user to the Login dialog (facebookLoginAuthorizationUrl), exchange the code for a
// short-lived user token (exchangeFacebookCode), exchange that for a ~60-day one
// (exchangeFacebookToken), then find the Instagram account of each Page
// (discoverInstagramAccounts). These tokens are not refreshed: re-authorize before they expire.
// The flow is @smmkit/graph-api's, bound to Instagram.
import { createFacebookLogin, type FacebookLogin } from '@smmkit/graph-api';

/**
 * Facebook Login reporting for `instagram`; every dialog must ask for `instagram_basic`, without
 * which the account cannot be read at all
 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login).
 */
const login = createFacebookLogin({ platform: 'instagram', basicScope: 'instagram_basic' });

/**
 * The Facebook Login dialog URL
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow):
 * `https://www.facebook.com/{v}/dialog/oauth?client_id&redirect_uri&state&response_type=code&scope`,
 * the scopes comma-separated; they must include `instagram_basic`. Check the `state` of the
 * redirect before {@link exchangeFacebookCode}.
 *
 * @throws ValidationError when a required value is empty, `instagram_basic` is not asked, or the
 *   version or dialog origin is invalid
 *
 * @example
 * ```ts
 * const url = facebookLoginAuthorizationUrl({
 *   appId, redirectUri: 'https://app.example/callback/facebook', state: createOAuthState(),
 *   scopes: ['instagram_basic', 'instagram_content_publish', 'pages_show_list', 'pages_read_engagement'],
 * });
 * ```
 */
export const facebookLoginAuthorizationUrl: FacebookLogin['authorizationUrl'] = login.authorizationUrl;

/**
 * Exchanges the code of a Facebook Login redirect for a (short-lived) user token:
 * `GET graph.facebook.com/{v}/oauth/access_token?client_id&redirect_uri&client_secret&code`
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow). Exchange it
 * for a ~60-day token with {@link exchangeFacebookToken}. A refused code is an
 * `AuthError('auth_revoked')` keeping Meta's message; the secret and the code are kept out of
 * every error.
 *
 * @throws ValidationError when a transport option is invalid
 *
 * @example
 * ```ts
 * const short = await exchangeFacebookCode({ appId, appSecret, redirectUri, code });
 * const tokens = await exchangeFacebookToken({ appId, appSecret, shortLivedToken: short.accessToken });
 * ```
 */
export const exchangeFacebookCode: FacebookLogin['exchangeCode'] = login.exchangeCode;

/**
 * Exchanges a short-lived Facebook Login user token for a long-lived one (~60 days):
 * `GET graph.facebook.com/{v}/oauth/access_token?grant_type=fb_exchange_token&…`
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived). No
 * refresh token: Facebook Login tokens are re-authorized, not refreshed. The secret and both
 * tokens are kept out of every error.
 *
 * @throws ValidationError when a transport option is invalid
 *
 * @example
 * ```ts
 * const tokens = await exchangeFacebookToken({ appId, appSecret, shortLivedToken });
 * ```
 */
export const exchangeFacebookToken: FacebookLogin['exchangeToken'] = login.exchangeToken;
