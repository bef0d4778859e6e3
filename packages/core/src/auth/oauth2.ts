import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import type { TokenSet } from './token-provider.js';

/**
 * The parameters of an OAuth 2.0 authorization request (RFC 6749 §4.1.1), with the PKCE
 * challenge of RFC 7636 §4.3 when the platform takes one.
 */
export interface AuthorizationCodeRequest {
  /** The app's client id. */
  readonly clientId: string;
  /** Where the platform sends the user back; must match one registered for the app. */
  readonly redirectUri: string;
  /** Scopes to ask for, sent space-separated. */
  readonly scopes: readonly string[];
  /** A fresh, unguessable value checked on the redirect (core's `createOAuthState`). */
  readonly state: string;
  /** The S256 PKCE challenge (core's `createPkcePair`); left out for a platform without PKCE. */
  readonly codeChallenge?: string | undefined;
}

/**
 * The options of a platform's authorization-URL function: the request, and the page it goes to.
 * A platform's own options extend it, redeclaring the fields it documents its own way (its
 * scopes, a required PKCE challenge) and leaving out with `Omit` what it names otherwise
 * (TikTok's `clientKey`) or does not take (a flow without PKCE).
 *
 * @example
 * ```ts
 * export interface XAuthorizationUrlOptions extends AuthorizationUrlOptions {
 *   readonly codeChallenge: string;
 * }
 * ```
 */
export interface AuthorizationUrlOptions extends AuthorizationCodeRequest {
  /** The authorization page, when not the platform's (tests point it at a simulator). */
  readonly authorizeUrl?: string | undefined;
}

/** What {@link checkAuthorizationRequest} checks, and whom its error names. */
export interface AuthorizationRequestCheck {
  /** The platform the `ValidationError` is reported for (`linkedin`). */
  readonly platform: string;
  /** What was checked, for the error's message (`LinkedIn authorization request`). */
  readonly subject: string;
  /**
   * The values the request cannot do without, by the names the caller's options give them
   * (`clientId`, TikTok's `clientKey`, `redirectUri`, `state`), in the order problems are listed.
   */
  readonly required: Readonly<Record<string, string>>;
  /** The scopes asked for; at least one is needed. */
  readonly scopes: readonly string[];
}

/**
 * Checks an authorization request before its URL is built, listing every problem at once: a
 * required value that is empty or only spaces (`oauth.required`, "must not be empty"), then no
 * scope asked (`oauth.scopes`, "must ask for at least one scope"). No I/O; values are never
 * shown in the problems.
 *
 * @param check - the platform, what is checked, the required values and the scopes
 * @throws ValidationError naming the platform, when a value is blank or no scope is asked
 *
 * @example
 * ```ts
 * checkAuthorizationRequest({
 *   platform: 'tiktok', subject: 'TikTok authorization request', scopes: options.scopes,
 *   required: { clientKey: options.clientKey, redirectUri: options.redirectUri, state: options.state },
 * });
 * ```
 */
export function checkAuthorizationRequest(check: AuthorizationRequestCheck): void {
  const problems: ValidationProblem[] = [
    ...Object.entries(check.required)
      .filter(([, value]) => value.trim() === '')
      .map(([name]) => ({ path: [name], rule: 'oauth.required', message: 'must not be empty' })),
    ...(check.scopes.length === 0
      ? [{ path: ['scopes'], rule: 'oauth.scopes', message: 'must ask for at least one scope' }]
      : []),
  ];
  if (problems.length > 0) throw new ValidationError(problems, check.subject, { platform: check.platform });
}

/**
 * The URL to send a user to so they authorize an app: `response_type=code`, `client_id`,
 * `redirect_uri`, space-separated `scope` and `state` (https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1),
 * and with a challenge `code_challenge` and `code_challenge_method=S256`
 * (https://www.rfc-editor.org/rfc/rfc7636#section-4.3). Any query the page URL has is replaced.
 * No I/O; check the request's fields first, as each platform has its own rules.
 *
 * @param authorizeUrl - the platform's authorization page
 * @param request - client, redirect, scopes, state and PKCE challenge
 * @returns the authorization URL
 *
 * @example
 * ```ts
 * authorizationCodeUrl('https://x.com/i/oauth2/authorize', { clientId, redirectUri, scopes: ['tweet.read'], state, codeChallenge });
 * ```
 */
export function authorizationCodeUrl(authorizeUrl: string, request: AuthorizationCodeRequest): string {
  const url = new URL(authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    // URLSearchParams sends the spaces as "+", which form-encoding servers read as spaces.
    scope: request.scopes.join(' '),
    state: request.state,
    ...(request.codeChallenge === undefined
      ? {}
      : { code_challenge: request.codeChallenge, code_challenge_method: 'S256' }),
  }).toString();
  return url.toString();
}

/**
 * A token endpoint's successful answer (https://www.rfc-editor.org/rfc/rfc6749#section-5.1), with
 * the refresh token's own lifetime some platforms add (LinkedIn's `refresh_token_expires_in`).
 */
export interface OAuthTokenResponse {
  /** The access token. */
  readonly access_token: string;
  /** Seconds the access token lives. */
  readonly expires_in?: number | undefined;
  /** The refresh token, when one was granted. */
  readonly refresh_token?: string | undefined;
  /** Seconds the refresh token lives, when the platform says. */
  readonly refresh_token_expires_in?: number | undefined;
  /** The granted scopes. */
  readonly scope?: string | null | undefined;
}

/**
 * The {@link TokenSet} of a token endpoint's answer: `expires_in` and `refresh_token_expires_in`
 * become dates counted from `now`, and `scope` a list, split on spaces, commas (LinkedIn) and
 * `+` (servers that echo the form encoding). Fields the answer lacks are left out.
 *
 * @param response - the parsed token response
 * @param now - when the response arrived, in epoch ms (the context's clock)
 * @returns the token set
 *
 * @example
 * ```ts
 * tokenSetFromResponse({ access_token: 'a', expires_in: 7200, scope: 'tweet.read users.read' }, clock.now());
 * // { accessToken: 'a', expiresAt: <in two hours>, scopes: ['tweet.read', 'users.read'] }
 * ```
 */
export function tokenSetFromResponse(response: OAuthTokenResponse, now: number): TokenSet {
  const at = (seconds: number | undefined) =>
    seconds === undefined ? undefined : new Date(now + seconds * 1000);
  const expiresAt = at(response.expires_in);
  const refreshTokenExpiresAt = at(response.refresh_token_expires_in);
  const scopes = response.scope?.split(/[\s,+]+/).filter((scope) => scope !== '') ?? [];
  return {
    accessToken: response.access_token,
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(response.refresh_token === undefined ? {} : { refreshToken: response.refresh_token }),
    ...(refreshTokenExpiresAt === undefined ? {} : { refreshTokenExpiresAt }),
    ...(scopes.length === 0 ? {} : { scopes }),
  };
}
