import type { TokenSet } from '@smmkit/core';
import type {
  AuthorizationCodeGrantRequest,
  AuthorizationUrlOptions,
  ConfidentialClientTokenOptions,
  OAuthGrant,
} from '@smmkit/core/adapter-kit';
import {
  authorizationCodeGrant,
  authorizationCodeUrl,
  checkAuthorizationRequest,
  refreshTokenGrant,
  requestTokenSet,
} from '@smmkit/core/adapter-kit';
import { createLinkedInHttpClient } from './http-client.js';
import { TokenResponseSchema } from './schemas.js';
import { LINKEDIN_DEFAULTS } from './settings.js';

// 3-legged OAuth (https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow):
// 1. send the member to linkedInAuthorizationUrl(...) with a fresh state (core's createOAuthState);
// 2. on the redirect, check `state` and call exchangeLinkedInCode(...): the code lives 30 minutes;
// 3. access tokens live 60 days. Apps LinkedIn approved for programmatic refresh also get a refresh
//    token that lives a year from the first authorization and is not renewed by refreshing
//    (https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens):
//    wrap the TokenSet in core's createRefreshingTokenProvider with refreshLinkedInToken, and
//    re-authorize before `refreshTokenExpiresAt`.

/** Where members authorize an app. */
export const LINKEDIN_AUTHORIZE_URL = 'https://www.linkedin.com/oauth/v2/authorization';

/** Where codes and refresh tokens are exchanged for access tokens. */
export const LINKEDIN_TOKEN_URL = 'https://www.linkedin.com/oauth/v2/accessToken';

/**
 * What {@link linkedInAuthorizationUrl} needs: the app's client id (Developer Portal, Auth tab),
 * one of its authorized redirect URLs, a fresh state (core's `createOAuthState`), the scopes, and
 * no PKCE challenge (LinkedIn's web flow takes none). The page defaults to
 * {@link LINKEDIN_AUTHORIZE_URL}.
 */
export interface LinkedInAuthorizationUrlOptions extends Omit<AuthorizationUrlOptions, 'codeChallenge'> {
  /**
   * Scopes to ask for: `w_member_social` (post as the member), `w_organization_social` and
   * `r_organization_social` (post and read as an organization), `rw_organization_admin`
   * (organization statistics), `r_member_postAnalytics` (member post analytics).
   */
  readonly scopes: readonly string[];
}

/**
 * The app's credentials and transport for the token endpoint (`timeoutMs` defaults to 15 000
 * here); the endpoint defaults to {@link LINKEDIN_TOKEN_URL}.
 */
export interface LinkedInTokenEndpointOptions extends ConfidentialClientTokenOptions {
  /** The app's client id. */
  readonly clientId: string;
}

/**
 * What {@link exchangeLinkedInCode} needs: the app, the `code` of the redirect and the redirect
 * URI the authorization URL was built with (LinkedIn refuses any other). No PKCE verifier.
 */
export interface ExchangeLinkedInCodeOptions
  extends LinkedInTokenEndpointOptions,
    Omit<AuthorizationCodeGrantRequest, 'codeVerifier'> {}

/** What {@link refreshLinkedInToken} needs. */
export interface RefreshLinkedInTokenOptions extends LinkedInTokenEndpointOptions {
  /** The refresh token of an app approved for programmatic refresh. */
  readonly refreshToken: string;
}

/**
 * The URL to send a member to so they authorize your app:
 * `https://www.linkedin.com/oauth/v2/authorization?response_type=code&client_id&redirect_uri&state&scope`,
 * scopes space-separated (https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow).
 * LinkedIn's web flow takes no PKCE. No I/O.
 *
 * @param options - app, redirect, scopes and state
 * @returns the authorization URL
 * @throws ValidationError when the client id, redirect URI or state is empty, or no scope is asked
 *
 * @example
 * ```ts
 * const state = createOAuthState();
 * const url = linkedInAuthorizationUrl({
 *   clientId, redirectUri: 'https://app.example/callback/linkedin', state,
 *   scopes: ['w_member_social', 'w_organization_social', 'r_organization_social'],
 * });
 * ```
 */
export function linkedInAuthorizationUrl(options: LinkedInAuthorizationUrlOptions): string {
  checkAuthorizationRequest({
    platform: 'linkedin',
    subject: 'LinkedIn authorization request',
    required: { clientId: options.clientId, redirectUri: options.redirectUri, state: options.state },
    scopes: options.scopes,
  });
  // LinkedIn's web flow takes no PKCE: the request has no challenge.
  return authorizationCodeUrl(options.authorizeUrl ?? LINKEDIN_AUTHORIZE_URL, options);
}

/**
 * Exchanges an authorization code for the member's tokens: `POST /oauth/v2/accessToken`,
 * form-encoded `grant_type=authorization_code`, `code`, `client_id`, `client_secret`,
 * `redirect_uri` (https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow).
 * The secret and the code are kept out of every error.
 *
 * A refused code (used, expired, another redirect URI) is `AuthError('auth_revoked')`; a refused
 * client is `auth_invalid`; a 5xx or network failure is a retryable `TransientError`.
 *
 * @param options - app credentials, redirect URI and code
 * @returns the tokens: `expiresAt` (60 days), and for apps with programmatic refresh a
 *   `refreshToken` with its own `refreshTokenExpiresAt` (a year)
 *
 * @example
 * ```ts
 * const tokens = await exchangeLinkedInCode({ clientId, clientSecret, redirectUri, code });
 * await db.saveTokens(memberUrn, tokens);
 * ```
 */
export function exchangeLinkedInCode(options: ExchangeLinkedInCodeOptions): Promise<TokenSet> {
  // LinkedIn's web flow takes no PKCE: the grant has no verifier.
  return requestTokens(
    options,
    authorizationCodeGrant({ code: options.code, redirectUri: options.redirectUri }),
  );
}

/**
 * Gets a new access token with a refresh token: `POST /oauth/v2/accessToken`, form-encoded
 * `grant_type=refresh_token` (https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens).
 * The refresh token comes back unchanged with what is left of its year
 * (`refresh_token_expires_in`), surfaced as `refreshTokenExpiresAt`: refreshing does not extend it,
 * so re-authorize the member before then. Made for core's `createRefreshingTokenProvider`.
 *
 * A refresh token LinkedIn no longer takes is `AuthError('auth_revoked')` (re-authorize).
 *
 * @param options - app credentials and the refresh token
 * @returns the new tokens
 *
 * @example
 * ```ts
 * const tokens = createRefreshingTokenProvider({
 *   platform: 'linkedin',
 *   tokens: () => db.loadTokens(memberUrn),
 *   refresh: (refreshToken) => refreshLinkedInToken({ clientId, clientSecret, refreshToken }),
 *   persist: (next) => db.saveTokens(memberUrn, next),
 * });
 * ```
 */
export function refreshLinkedInToken(options: RefreshLinkedInTokenOptions): Promise<TokenSet> {
  return requestTokens(options, refreshTokenGrant(options.refreshToken));
}

function requestTokens(options: LinkedInTokenEndpointOptions, grant: OAuthGrant): Promise<TokenSet> {
  // LinkedIn lists granted scopes comma-separated (some answers use spaces), and gives the
  // refresh token its own lifetime (refresh_token_expires_in): both are read by the kit.
  return requestTokenSet(options, {
    tokenUrl: options.tokenUrl ?? LINKEDIN_TOKEN_URL,
    createClient: (transport) =>
      createLinkedInHttpClient({ ...transport, version: LINKEDIN_DEFAULTS.version }),
    // Client credentials in the form (https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow).
    client: {
      form: { client_id: options.clientId, client_secret: options.clientSecret },
      secrets: [options.clientSecret],
    },
    grant,
    schema: TokenResponseSchema,
  });
}
