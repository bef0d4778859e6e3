import type { PlatformSimulator } from '@smmkit/testkit';
import { tokenError } from './dialect.js';
import { graphError } from './errors.js';
import type { GraphParams } from './params.js';
import type { GraphRequest, GraphRoute } from './route.js';

/**
 * Long-lived user tokens last about 60 days: `expires_in≈5183944`
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
 *
 * @example
 * ```ts
 * sim.addAccountWithTokens({ handle: 'ana' }, { expiresInMs: LONG_LIVED_TOKEN_TTL_S * 1000 });
 * ```
 */
export const LONG_LIVED_TOKEN_TTL_S = 5_183_944;

/**
 * Short-lived user tokens from a code exchange: "about an hour or two"
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens); the simulator gives one hour.
 */
const SHORT_LIVED_TOKEN_TTL_S = 3_600;

/**
 * A code lasts an hour (Instagram Login's figure,
 * https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize; ASSUMED for
 * Facebook Login too) and can be exchanged once.
 */
const CODE_TTL_MS = 3_600_000;

/** What a user granted on a consent screen, redeemed by a code exchange. */
export interface AuthorizationGrant {
  /** The account that consented. */
  readonly accountId: string;
  /** The app (`client_id`) it consented to. */
  readonly clientId: string;
  /** The redirect URI of the authorization URL; the exchange must send the same. */
  readonly redirectUri: string;
  /** The scopes asked. */
  readonly scopes: readonly string[];
  /** When the code was handed out, simulated ms. */
  readonly issuedAt: number;
}

/** Facebook Login on a Graph simulator: a consent screen and the codes it hands out. */
export interface FacebookLoginSimulator {
  /**
   * The user `accountId` approves an authorization URL (a Facebook Login dialog URL, or another
   * platform's window): returns its redirect URI with `code` and `state`, and the `#_=_` fragment
   * Facebook appends. Throws when the URL has no `client_id` or `redirect_uri`.
   */
  consent(authorizationUrl: string, accountId: string): string;
  /**
   * The grant of the `code` an exchange request carries (checked against its `client_id` and
   * `redirect_uri`, then used up), or why it cannot be exchanged: `unknown` (never issued,
   * expired, another app), `used`, or `redirect` (another redirect URI).
   */
  redeemCode(params: GraphParams, now: number): AuthorizationGrant | 'unknown' | 'used' | 'redirect';
}

/**
 * Graph's answer to a missing OAuth parameter (code 101 and its wording ASSUMED).
 *
 * @example
 * ```ts
 * if (params.get('client_secret') === undefined) return missingParameter('client_secret');
 * ```
 */
export function missingParameter(name: string): Response {
  return graphError({ message: `Missing ${name} parameter.`, code: 101 });
}

/**
 * Graph's answer to a token call with another `grant_type` (code 100; wording ASSUMED).
 *
 * @example
 * ```ts
 * if (params.get('grant_type') !== 'ig_refresh_token') return unsupportedGrantType(params.get('grant_type'));
 * ```
 */
export function unsupportedGrantType(grantType: string | undefined): Response {
  return graphError({ message: `Unsupported grant_type: ${grantType ?? ''}`, code: 100 });
}

/**
 * A new token for `accountId` lasting `ttlS` seconds with the permissions `scopes` (what the
 * Login dialog granted, carried from token to token), answered as Meta's token endpoints answer:
 * `{access_token, token_type: 'bearer', expires_in}`
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
 *
 * @example
 * ```ts
 * return graphTokenAnswer(sim, check.accountId, 5_184_000, check.scopes);
 * ```
 */
export function graphTokenAnswer(
  sim: PlatformSimulator,
  accountId: string,
  ttlS: number,
  scopes: readonly string[] = [],
): Response {
  const { accessToken } = sim.tokens.issue(accountId, { expiresInMs: ttlS * 1000, scopes });
  return Response.json({ access_token: accessToken, token_type: 'bearer', expires_in: ttlS });
}

const REDIRECT_MISMATCH =
  'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request';

/**
 * Facebook Login's token routes on `sim`, versioned and not (registered before any
 * `/:version/:id` route, which would match them too):
 * - `GET /{v}/oauth/access_token?client_id&redirect_uri&client_secret&code` → a short-lived user
 *   token (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow);
 *   refusals are code 100 with the subcodes every Facebook Login integration has seen (36007
 *   invalid, 36008 redirect_uri mismatch, 36009 used; wordings ASSUMED);
 * - `GET /{v}/oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token`
 *   → `{access_token, token_type:'bearer', expires_in: 5183944}` for a valid token (any client
 *   id and secret are accepted; https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
 */
export function registerFacebookLoginRoutes(
  sim: PlatformSimulator,
  route: GraphRoute,
): FacebookLoginSimulator {
  const codes = new Map<string, AuthorizationGrant & { used: boolean }>();
  const redeemCode: FacebookLoginSimulator['redeemCode'] = (params, now) => {
    const grant = codes.get(params.get('code') ?? '');
    if (
      grant === undefined ||
      now - grant.issuedAt > CODE_TTL_MS ||
      grant.clientId !== params.get('client_id')
    )
      return 'unknown';
    if (grant.used) return 'used';
    if (grant.redirectUri !== params.get('redirect_uri')) return 'redirect';
    grant.used = true;
    return grant;
  };
  const exchangeCode = ({ params, now }: GraphRequest): Response => {
    for (const name of ['client_id', 'client_secret', 'redirect_uri'])
      if (params.get(name) === undefined) return missingParameter(name);
    const grant = redeemCode(params, now);
    if (grant === 'unknown')
      return graphError({ message: 'Invalid verification code format.', code: 100, subcode: 36007 });
    if (grant === 'used')
      return graphError({ message: 'This authorization code has been used.', code: 100, subcode: 36009 });
    if (grant === 'redirect') return graphError({ message: REDIRECT_MISMATCH, code: 100, subcode: 36008 });
    return graphTokenAnswer(sim, grant.accountId, SHORT_LIVED_TOKEN_TTL_S, grant.scopes);
  };
  for (const prefix of ['/:version', '']) {
    route('GET', `${prefix}/oauth/access_token`, { auth: false }, (request) => {
      const { params, now } = request;
      if (params.get('grant_type') === undefined && params.get('code') !== undefined)
        return exchangeCode(request);
      if (params.get('grant_type') !== 'fb_exchange_token')
        return unsupportedGrantType(params.get('grant_type'));
      for (const name of ['client_id', 'client_secret', 'fb_exchange_token'])
        if (params.get(name) === undefined) return missingParameter(name);
      const check = sim.tokens.check(params.get('fb_exchange_token'));
      if (check.status !== 'valid') return tokenError(check.status, now);
      return graphTokenAnswer(sim, check.accountId, LONG_LIVED_TOKEN_TTL_S, check.scopes);
    });
  }
  return {
    consent(authorizationUrl, accountId) {
      const url = new URL(authorizationUrl);
      const clientId = url.searchParams.get('client_id');
      const redirectUri = url.searchParams.get('redirect_uri');
      if (clientId === null || redirectUri === null)
        throw new Error('consent: the authorization URL has no client_id or redirect_uri');
      const code = `AQ${sim.nextId()}${Math.random().toString(36).slice(2, 10)}`;
      const scopes = (url.searchParams.get('scope') ?? '').split(/[ ,]+/).filter((scope) => scope !== '');
      codes.set(code, { accountId, clientId, redirectUri, scopes, issuedAt: sim.clock.now(), used: false });
      const redirect = new URL(redirectUri);
      redirect.searchParams.set('code', code);
      const state = url.searchParams.get('state');
      if (state !== null) redirect.searchParams.set('state', state);
      // Facebook appends `#_=_` to the redirect (observed; ASSUMED to be kept by every browser).
      redirect.hash = '_=_';
      return redirect.toString();
    },
    redeemCode,
  };
}
