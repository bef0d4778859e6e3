// Facebook Login (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow):
// send the user to the Login dialog (facebookLoginAuthorizationUrl), exchange the code for a
// short-lived user token (exchangeFacebookCode), exchange that for a ~60-day one
// (exchangeFacebookToken), then find the Instagram account of each Page
// (discoverInstagramAccounts). These tokens are not refreshed: re-authorize before they expire.
import type { TokenSet } from '@smmkit/core';
import { httpBaseUrlSetting, parseModel } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { GraphVersionSetting, INSTAGRAM_DEFAULTS } from '../settings.js';
import { type InstagramAuthOptions, requestTokenSet } from './auth-transport.js';
import { OAuthValue, scopesIncluding } from './authorization-request.js';
import { classifyCodeExchangeError } from './code-exchange-error.js';

/**
 * The Facebook Login dialog's origin; the version and `/dialog/oauth` follow:
 * `https://www.facebook.com/{v}/dialog/oauth?client_id&redirect_uri&state`
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow).
 */
export const FACEBOOK_LOGIN_DIALOG_ORIGIN = 'https://www.facebook.com';

/** What {@link facebookLoginAuthorizationUrl} needs. */
export interface FacebookLoginAuthorizationUrlOptions {
  /** The Meta app id (`client_id`). */
  readonly appId: string;
  /** Where Facebook sends the user back; must be one of the app's valid OAuth redirect URIs. */
  readonly redirectUri: string;
  /**
   * Permissions to ask for: `instagram_basic` and the others the app needs
   * (`instagram_content_publish`, `pages_show_list`, `pages_read_engagement`, …). Sent comma-separated.
   */
  readonly scopes: readonly string[];
  /** A value you check on the way back, against forged callbacks (core's `createOAuthState`). */
  readonly state: string;
  /** Graph API version of the dialog; default `v26.0`. */
  readonly graphVersion?: string | undefined;
  /** Replaces `https://www.facebook.com` (tests). */
  readonly dialogOrigin?: string | undefined;
}

/** What {@link exchangeFacebookCode} needs. */
export interface ExchangeFacebookCodeOptions extends InstagramAuthOptions {
  /** The Meta app id (`client_id`). */
  readonly appId: string;
  /** The Meta app secret (`client_secret`). */
  readonly appSecret: string;
  /** The redirect URI the dialog URL was built with (Meta refuses any other). */
  readonly redirectUri: string;
  /** The `code` of the redirect. */
  readonly code: string;
}

/** What {@link exchangeFacebookToken} needs. */
export interface ExchangeFacebookTokenOptions extends InstagramAuthOptions {
  /** The Meta app id (`client_id`). */
  readonly appId: string;
  /** The Meta app secret (`client_secret`). */
  readonly appSecret: string;
  /** The short-lived user token from Facebook Login. */
  readonly shortLivedToken: string;
}

/** The rules of {@link FacebookLoginAuthorizationUrlOptions}, in the order their problems are listed. */
const DialogUrlOptionsSchema = z.object({
  appId: OAuthValue,
  redirectUri: OAuthValue,
  state: OAuthValue,
  // instagram_basic reads the account at all
  // (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login).
  scopes: scopesIncluding('instagram_basic'),
  graphVersion: z._default(GraphVersionSetting, INSTAGRAM_DEFAULTS.graphVersion),
  dialogOrigin: z._default(httpBaseUrlSetting(FACEBOOK_LOGIN_DIALOG_ORIGIN), FACEBOOK_LOGIN_DIALOG_ORIGIN),
});

/**
 * The Facebook Login dialog URL
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow):
 * `https://www.facebook.com/{v}/dialog/oauth?client_id&redirect_uri&state&response_type=code&scope`,
 * the scopes comma-separated. Check the `state` of the redirect before {@link exchangeFacebookCode}.
 *
 * @param options - app id, redirect URI, scopes, state and version
 * @returns the dialog URL
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
export function facebookLoginAuthorizationUrl(options: FacebookLoginAuthorizationUrlOptions): string {
  const request = parseModel(DialogUrlOptionsSchema, options, 'Facebook Login dialog URL', {
    platform: 'instagram',
  });
  const url = new URL(`${request.dialogOrigin}/${request.graphVersion}/dialog/oauth`);
  url.searchParams.set('client_id', request.appId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('state', request.state);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', request.scopes.join(','));
  return url.toString();
}

/**
 * Exchanges the code of a Facebook Login redirect for a (short-lived) user token:
 * `GET graph.facebook.com/{v}/oauth/access_token?client_id&redirect_uri&client_secret&code` →
 * `{access_token, token_type, expires_in}`
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow, Exchanging
 * Code for an Access Token). Exchange it for a ~60-day token with {@link exchangeFacebookToken}.
 * A refused code is an `AuthError('auth_revoked')` keeping Meta's message; the secret and the
 * code are kept out of every error.
 *
 * @param options - app credentials, redirect URI, code and transport
 * @returns the user token
 * @throws ValidationError when a transport option is invalid
 *
 * @example
 * ```ts
 * const short = await exchangeFacebookCode({ appId, appSecret, redirectUri, code });
 * const tokens = await exchangeFacebookToken({ appId, appSecret, shortLivedToken: short.accessToken });
 * ```
 */
export async function exchangeFacebookCode(options: ExchangeFacebookCodeOptions): Promise<TokenSet> {
  return requestTokenSet(options, {
    host: 'facebook',
    path: '/oauth/access_token',
    operation: 'exchange Facebook Login code',
    query: {
      client_id: options.appId,
      redirect_uri: options.redirectUri,
      client_secret: options.appSecret,
      code: options.code,
    },
    secrets: [options.appSecret, options.code],
    selfRefreshing: false,
    classifyError: classifyCodeExchangeError,
  });
}

/**
 * Exchanges a short-lived Facebook Login user token for a long-lived one (~60 days):
 * `GET graph.facebook.com/{v}/oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token`
 * → `{access_token, token_type, expires_in}`
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived). The
 * secret and both tokens are kept out of every error.
 *
 * @param options - app credentials, the short-lived token and transport
 * @returns the long-lived token; no refresh token (Facebook Login tokens are re-authorized, not refreshed)
 * @throws ValidationError when a transport option is invalid
 *
 * @example
 * ```ts
 * const tokens = await exchangeFacebookToken({ appId, appSecret, shortLivedToken });
 * ```
 */
export async function exchangeFacebookToken(options: ExchangeFacebookTokenOptions): Promise<TokenSet> {
  return requestTokenSet(options, {
    host: 'facebook',
    path: '/oauth/access_token',
    operation: 'exchange for long-lived token',
    query: {
      grant_type: 'fb_exchange_token',
      client_id: options.appId,
      client_secret: options.appSecret,
      fb_exchange_token: options.shortLivedToken,
    },
    secrets: [options.appSecret, options.shortLivedToken],
    selfRefreshing: false,
  });
}
