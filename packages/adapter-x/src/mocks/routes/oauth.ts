import type { IssuedTokens } from '@smmkit/testkit';
import {
  authorizationRedirect,
  readAuthorizationUrl,
  readClientRequest,
} from '@smmkit/testkit/simulator-kit';
import type { XContext } from '../context.js';
import { ACCESS_TOKEN_TTL_MS } from '../limits.js';

/**
 * Declares the OAuth 2.0 endpoints
 * (https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token): the token exchange
 * (authorization code with PKCE, refresh with rotation) and revocation. Both take form bodies and need no
 * bearer token.
 *
 * @example
 * ```ts
 * registerOAuthRoutes(context); // POST /2/oauth2/token, POST /2/oauth2/revoke
 * ```
 */
export function registerOAuthRoutes(context: XContext): void {
  const { sim } = context;
  // Confidential clients authenticate with HTTP Basic `client_id:secret`, public clients send `client_id` in
  // the form (https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token). Without either, or
  // with a wrong secret, X answers 401 `unauthorized_client` "Missing valid authorization header"
  // (unasuke/omniauth-twitter2#4, plhery/node-twitter-api-v2#319).
  const clientRoute = (
    path: string,
    answer: (form: URLSearchParams, clientId: string) => Promise<Response>,
  ) =>
    sim.route('POST', path, { auth: false }, async ({ request }) => {
      const { form, clientId } = await readClientRequest(request, context.clientSecrets);
      if (clientId === undefined)
        return oauthError('unauthorized_client', 'Missing valid authorization header', 401);
      return answer(form, clientId);
    });
  clientRoute('/2/oauth2/token', (form, clientId) => token(context, form, clientId));
  // RFC 7009 revocation; X answers `{"revoked":true}` (ASSUMED shape, also for unknown tokens).
  clientRoute('/2/oauth2/revoke', async (form) => {
    const value = form.get('token') ?? '';
    if (sim.tokens.check(value).status !== 'unknown') sim.tokens.revoke({ accessToken: value });
    else sim.tokens.revoke({ refreshToken: value });
    return Response.json({ revoked: true });
  });
}

async function token(context: XContext, form: URLSearchParams, client: string): Promise<Response> {
  const { sim } = context;
  const grantType = form.get('grant_type');

  if (grantType === 'authorization_code') {
    // Once, within 30 s, by the same client and redirect URI, with the PKCE verifier (S256 or plain: X takes both).
    const pending = await context.codes.redeem(form.get('code') ?? '', {
      clientId: client,
      redirectUri: form.get('redirect_uri'),
      codeVerifier: form.get('code_verifier'),
    });
    // The wording X uses for a bad code (plhery/node-twitter-api-v2#496).
    if (pending === undefined)
      return oauthError('invalid_request', 'Value passed for the authorization code was invalid.');
    const issued = sim.tokens.issue(pending.accountId, {
      expiresInMs: ACCESS_TOKEN_TTL_MS,
      refreshable: pending.scopes.includes('offline.access'),
      scopes: pending.scopes,
    });
    return tokenAnswer(issued, pending.scopes);
  }

  if (grantType === 'refresh_token') {
    const refreshToken = form.get('refresh_token') ?? '';
    // The refresh token rotates on every refresh (observed; not in the docs); the old one is refused with X's
    // "Value passed for the token was invalid." (quoted by many clients that handle it).
    const issued = sim.tokens.refresh(refreshToken, true);
    if (issued === undefined) return oauthError('invalid_request', 'Value passed for the token was invalid.');
    const check = sim.tokens.check(issued.accessToken);
    return tokenAnswer(issued, check.status === 'valid' ? check.scopes : []);
  }

  // RFC 6749 §5.2 (X's wording ASSUMED).
  return oauthError('unsupported_grant_type', 'Unsupported grant type.');
}

/**
 * The token answer: `{"token_type":"bearer","expires_in":7200,"access_token","scope","refresh_token"}`
 * (X's documented example; `refresh_token` only with `offline.access`).
 */
function tokenAnswer(issued: IssuedTokens, scopes: readonly string[]): Response {
  return Response.json({
    token_type: 'bearer',
    expires_in: ACCESS_TOKEN_TTL_MS / 1000,
    access_token: issued.accessToken,
    scope: scopes.join(' '),
    ...(issued.refreshToken === undefined ? {} : { refresh_token: issued.refreshToken }),
  });
}

function oauthError(error: string, description: string, status = 400): Response {
  return Response.json({ error, error_description: description }, { status });
}

/**
 * Plays the user who opens an authorization URL at `https://x.com/i/oauth2/authorize` and approves
 * it (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code: response_type=code,
 * client_id, redirect_uri, state ≤ 500, code_challenge, code_challenge_method, scope). Returns the URL X
 * redirects to: `redirect_uri?state=…&code=…`. The code can be exchanged once, by the same client with the
 * same redirect URI and the PKCE verifier, within 30 s.
 *
 * @throws Error when the URL is not a valid X authorization request (the page would show an error)
 */
export function consent(context: XContext, authorizeUrl: string, accountId: string): string {
  const request = readAuthorizationUrl(authorizeUrl, {
    platform: 'X',
    hosts: ['x.com', 'twitter.com'],
    path: '/i/oauth2/authorize',
    required: ['state', 'code_challenge', 'code_challenge_method', 'scope'],
    // "up to 500 characters" (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code).
    maxStateLength: 500,
    scopeSeparator: /[\s+]+/,
  });
  if (context.sim.accounts.get(accountId) === undefined)
    throw new Error(`X authorize: no account ${accountId}`);
  return authorizationRedirect(request, context.codes.issue({ ...request, accountId }));
}
