import type { LinkedInSimContext } from '../context.js';

/** Access tokens live 60 days, refresh tokens a year from the first authorization. */
export const ACCESS_TOKEN_SECONDS = 60 * 86_400;
export const REFRESH_TOKEN_SECONDS = 365 * 86_400;

/** OAuth's error body, `{error, error_description}` (RFC 6749 §5.2, as LinkedIn answers it). */
function oauthError(status: number, error: string, description: string): Response {
  return Response.json({ error, error_description: description }, { status });
}

/**
 * Declares `POST /oauth/v2/accessToken` on www.linkedin.com, form-encoded
 * (https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow;
 * https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens):
 *
 * - `authorization_code`: a code the simulator handed out (`authorize`), for the same client and
 *   redirect URI, unused and not older than 30 minutes → `{access_token, expires_in, scope}`, plus
 *   `refresh_token` and `refresh_token_expires_in` for a refreshable app;
 * - `refresh_token`: a new access token and the same refresh token with what is left of its year;
 * - a client whose secret differs from the registered one: 401 `invalid_client`; anything else
 *   refused: 400 `invalid_request`.
 */
export function registerOAuthRoutes(context: LinkedInSimContext): void {
  const { sim, www } = context;
  www.route('POST', '/oauth/v2/accessToken', { auth: false }, async ({ request, now }) => {
    const form = new URLSearchParams(await request.text());
    const clientId = form.get('client_id') ?? '';
    const secret = context.apps.get(clientId);
    if (clientId === '' || (secret !== undefined && secret !== form.get('client_secret')))
      return oauthError(401, 'invalid_client', 'Client authentication failed');
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const grant = await context.codes.redeem(form.get('code') ?? '', {
        clientId,
        redirectUri: form.get('redirect_uri'),
      });
      if (grant === undefined)
        return oauthError(
          400,
          'invalid_request',
          'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired. Or external member binding exists',
        );
      const issued = sim.tokens.issue(grant.accountId, {
        scopes: grant.scopes,
        expiresInMs: ACCESS_TOKEN_SECONDS * 1000,
        refreshable: grant.refreshable,
        refreshTtlMs: REFRESH_TOKEN_SECONDS * 1000,
      });
      return Response.json({
        access_token: issued.accessToken,
        expires_in: ACCESS_TOKEN_SECONDS,
        scope: grant.scopes.join(','),
        ...(issued.refreshToken === undefined
          ? {}
          : { refresh_token: issued.refreshToken, refresh_token_expires_in: REFRESH_TOKEN_SECONDS }),
      });
    }
    if (grantType === 'refresh_token') {
      const refreshed = sim.tokens.refresh(form.get('refresh_token') ?? '', false);
      const expiresAt = refreshed?.refreshExpiresAt?.getTime();
      if (refreshed === undefined || expiresAt === undefined)
        return oauthError(400, 'invalid_request', 'The provided refresh token is invalid or has expired');
      return Response.json({
        access_token: refreshed.accessToken,
        expires_in: ACCESS_TOKEN_SECONDS,
        refresh_token: refreshed.refreshToken,
        refresh_token_expires_in: Math.floor((expiresAt - now) / 1000),
      });
    }
    return oauthError(400, 'invalid_request', 'A required parameter "grant_type" is missing or invalid');
  });
}
