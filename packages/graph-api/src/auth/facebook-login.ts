// Facebook Login (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow):
// send the user to the Login dialog, exchange the code for a short-lived user token, exchange that
// for a ~60-day one, then read the Pages (and their tokens) the user manages. These tokens are not
// refreshed: re-authorize before they expire. Facebook Pages and Instagram (with Facebook Login)
// share the flow; each binds it to its platform and the permission it cannot do without.
import type { TokenSet } from '@smmkit/core';
import type { AuthorizationCodeGrantRequest, AuthorizationCodeRequest } from '@smmkit/core/adapter-kit';
import { httpBaseUrlSetting, parseModel } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { GRAPH_API_VERSION, GraphVersionSetting } from '../graph-version.js';
import type { GraphPlatform } from '../platform.js';
import { OAuthValue, scopesIncluding } from './authorization-request.js';
import { classifyCodeExchangeError } from './code-exchange-error.js';
import { type GraphAuthOptions, requestGraphToken } from './graph-auth.js';

/**
 * The Facebook Login dialog's origin; the version and `/dialog/oauth` follow:
 * `https://www.facebook.com/{v}/dialog/oauth?client_id&redirect_uri&state`
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow).
 *
 * @example
 * ```ts
 * login.authorizationUrl({ ...options, dialogOrigin: FACEBOOK_LOGIN_DIALOG_ORIGIN });
 * ```
 */
export const FACEBOOK_LOGIN_DIALOG_ORIGIN = 'https://www.facebook.com';

/** What a platform binds Facebook Login to (see {@link createFacebookLogin}). */
export interface FacebookLoginOptions {
  /** The platform errors and problems are reported for. */
  readonly platform: GraphPlatform;
  /** The permission every dialog URL must ask for (`instagram_basic`, `pages_show_list`). */
  readonly basicScope: string;
}

/**
 * What {@link FacebookLogin.authorizationUrl} needs: the Meta app id, one of the app's valid OAuth
 * redirect URIs, the permissions, and a state you check on the way back (core's
 * `createOAuthState`). Facebook Login's manual flow takes no PKCE challenge.
 */
export interface FacebookLoginAuthorizationUrlOptions
  extends Omit<AuthorizationCodeRequest, 'clientId' | 'codeChallenge'> {
  /** The Meta app id (`client_id`). */
  readonly appId: string;
  /** Permissions to ask for, the platform's basic one among them. Sent comma-separated. */
  readonly scopes: readonly string[];
  /** Graph API version of the dialog; default `v26.0`. */
  readonly graphVersion?: string | undefined;
  /** Replaces the Facebook Login dialog's origin, `https://www.facebook.com` (tests). */
  readonly dialogOrigin?: string | undefined;
}

/**
 * What {@link FacebookLogin.exchangeCode} needs: the app, the `code` of the redirect and the
 * redirect URI the dialog URL was built with (Meta refuses any other). No PKCE verifier.
 */
export interface ExchangeFacebookCodeOptions
  extends GraphAuthOptions,
    Omit<AuthorizationCodeGrantRequest, 'codeVerifier'> {
  /** The Meta app id (`client_id`). */
  readonly appId: string;
  /** The Meta app secret (`client_secret`). */
  readonly appSecret: string;
}

/** What {@link FacebookLogin.exchangeToken} needs. */
export interface ExchangeFacebookTokenOptions extends GraphAuthOptions {
  /** The Meta app id (`client_id`). */
  readonly appId: string;
  /** The Meta app secret (`client_secret`). */
  readonly appSecret: string;
  /** The short-lived user token from Facebook Login. */
  readonly shortLivedToken: string;
}

/** Facebook Login's three steps, bound to a platform (see {@link createFacebookLogin}). */
export interface FacebookLogin {
  /**
   * The Login dialog URL:
   * `https://www.facebook.com/{v}/dialog/oauth?client_id&redirect_uri&state&response_type=code&scope`,
   * the scopes comma-separated. Check the `state` of the redirect before exchanging its code.
   *
   * @throws ValidationError when a required value is empty, the basic scope is not asked, or
   *   the version or dialog origin is invalid
   */
  authorizationUrl(options: FacebookLoginAuthorizationUrlOptions): string;
  /**
   * Exchanges the code of a Login redirect for a (short-lived) user token:
   * `GET graph.facebook.com/{v}/oauth/access_token?client_id&redirect_uri&client_secret&code` →
   * `{access_token, token_type, expires_in}`. A refused code is an `AuthError('auth_revoked')`
   * keeping Meta's message; the secret and the code are kept out of every error.
   *
   * @throws ValidationError when a transport option is invalid
   */
  exchangeCode(options: ExchangeFacebookCodeOptions): Promise<TokenSet>;
  /**
   * Exchanges a short-lived user token for a long-lived one (~60 days):
   * `GET graph.facebook.com/{v}/oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token`
   * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
   * No refresh token: Facebook Login tokens are re-authorized, not refreshed. The secret and both
   * tokens are kept out of every error.
   *
   * @throws ValidationError when a transport option is invalid
   */
  exchangeToken(options: ExchangeFacebookTokenOptions): Promise<TokenSet>;
}

/**
 * Facebook Login (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow)
 * for one platform: the dialog URL (which must ask for `basicScope`), the code exchange and the
 * long-lived token exchange, each reporting errors and settings problems for `platform`.
 *
 * @param options - the platform and its basic permission
 * @returns the three steps
 *
 * @example
 * ```ts
 * const login = createFacebookLogin({ platform: 'facebook', basicScope: 'pages_show_list' });
 * const url = login.authorizationUrl({ appId, redirectUri, state: createOAuthState(), scopes: ['pages_show_list', 'pages_manage_posts'] });
 * // … on the redirect, after checking state:
 * const short = await login.exchangeCode({ appId, appSecret, redirectUri, code });
 * const tokens = await login.exchangeToken({ appId, appSecret, shortLivedToken: short.accessToken });
 * ```
 */
export function createFacebookLogin(options: FacebookLoginOptions): FacebookLogin {
  const { platform } = options;
  const DialogUrlOptionsSchema = z.object({
    appId: OAuthValue,
    redirectUri: OAuthValue,
    state: OAuthValue,
    scopes: scopesIncluding(options.basicScope),
    graphVersion: z._default(GraphVersionSetting, GRAPH_API_VERSION),
    dialogOrigin: z._default(httpBaseUrlSetting(FACEBOOK_LOGIN_DIALOG_ORIGIN), FACEBOOK_LOGIN_DIALOG_ORIGIN),
  });
  return {
    authorizationUrl(request) {
      const checked = parseModel(DialogUrlOptionsSchema, request, 'Facebook Login dialog URL', { platform });
      const url = new URL(`${checked.dialogOrigin}/${checked.graphVersion}/dialog/oauth`);
      url.searchParams.set('client_id', checked.appId);
      url.searchParams.set('redirect_uri', checked.redirectUri);
      url.searchParams.set('state', checked.state);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('scope', checked.scopes.join(','));
      return url.toString();
    },
    exchangeCode: (request) =>
      requestGraphToken(request, {
        platform,
        path: '/oauth/access_token',
        operation: 'exchange Facebook Login code',
        query: {
          client_id: request.appId,
          redirect_uri: request.redirectUri,
          client_secret: request.appSecret,
          code: request.code,
        },
        secrets: [request.appSecret, request.code],
        classifyError: classifyCodeExchangeError,
      }),
    exchangeToken: (request) =>
      requestGraphToken(request, {
        platform,
        path: '/oauth/access_token',
        operation: 'exchange for long-lived token',
        query: {
          grant_type: 'fb_exchange_token',
          client_id: request.appId,
          client_secret: request.appSecret,
          fb_exchange_token: request.shortLivedToken,
        },
        secrets: [request.appSecret, request.shortLivedToken],
      }),
  };
}
