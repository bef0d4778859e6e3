import { createHash } from 'node:crypto';
import type { AuthorizationGrant } from '@smmkit/testkit/simulator-kit';
import { oauthError } from '../answers.js';
import type { TikTokSimContext } from '../context.js';

/**
 * Whether `verifier` answers `challenge`: its SHA-256 in hex (as TikTok's desktop guide computes
 * it, https://developers.tiktok.com/doc/login-kit-desktop) or in base64url (RFC 7636 S256). The
 * simulator takes either, since TikTok's pages differ.
 */
export function answersChallenge(verifier: string, { codeChallenge }: AuthorizationGrant): boolean {
  const digest = createHash('sha256').update(verifier).digest();
  return codeChallenge === digest.toString('hex') || codeChallenge === digest.toString('base64url');
}

/**
 * `POST /v2/oauth/token/`, form-encoded
 * (https://developers.tiktok.com/doc/oauth-user-access-token-management):
 *
 * - `authorization_code`: a code handed out by `authorize`, for the same client key and redirect
 *   URI, unused, at most 10 minutes old, and with the verifier of its PKCE challenge when it had
 *   one → `{open_id, scope, access_token, expires_in, refresh_token, refresh_expires_in, token_type}`;
 * - `refresh_token`: new tokens, the refresh token rotated (the old one stops working);
 * - a registered client key with another secret, or an unknown one: `invalid_client`; a dead code
 *   or refresh token: `invalid_grant`; anything else: `invalid_request`. Errors are OAuth's flat
 *   `{error, error_description, log_id}` (https://developers.tiktok.com/doc/oauth-error-handling).
 */
export function registerOAuthRoutes(context: TikTokSimContext): void {
  const { sim } = context;
  sim.route('POST', '/v2/oauth/token/', { auth: false }, async ({ request, now }) => {
    const form = new URLSearchParams(await request.text());
    const clientKey = form.get('client_key') ?? '';
    const secret = context.apps.get(clientKey);
    if (clientKey === '' || (context.apps.size > 0 && secret !== form.get('client_secret')))
      return oauthError('invalid_client', 'Client key or secret is invalid.', context.logIds.next());
    const grantType = form.get('grant_type');
    const answer = (
      accountId: string,
      scopes: readonly string[],
      issued: ReturnType<typeof sim.tokens.issue>,
    ) => {
      const refreshExpiresAt = issued.refreshExpiresAt?.getTime() ?? now;
      return Response.json({
        open_id: accountId,
        scope: scopes.join(','),
        access_token: issued.accessToken,
        expires_in: context.accessTokenSeconds,
        refresh_token: issued.refreshToken ?? '',
        refresh_expires_in: Math.max(0, Math.floor((refreshExpiresAt - now) / 1000)),
        token_type: 'Bearer',
      });
    };
    if (grantType === 'authorization_code') {
      const grant = await context.codes.redeem(form.get('code') ?? '', {
        clientId: clientKey,
        redirectUri: form.get('redirect_uri'),
        codeVerifier: form.get('code_verifier'),
      });
      if (grant === undefined)
        return oauthError(
          'invalid_grant',
          'Authorization code is expired or invalid.',
          context.logIds.next(),
        );
      const issued = sim.tokens.issue(grant.accountId, {
        scopes: grant.scopes,
        expiresInMs: context.accessTokenSeconds * 1000,
        refreshable: true,
        refreshTtlMs: context.refreshTokenSeconds * 1000,
      });
      return answer(grant.accountId, grant.scopes, issued);
    }
    if (grantType === 'refresh_token') {
      // The rotated refresh token keeps what was left of the first one's lifetime (testkit's refreshTtlMs).
      const refreshed = sim.tokens.refresh(form.get('refresh_token') ?? '', true);
      const check = refreshed === undefined ? undefined : sim.tokens.check(refreshed.accessToken);
      if (refreshed === undefined || check?.status !== 'valid')
        return oauthError('invalid_grant', 'Refresh token is invalid or expired.', context.logIds.next());
      return answer(check.accountId, check.scopes, refreshed);
    }
    return oauthError('invalid_request', 'The request parameters are malformed.', context.logIds.next());
  });
}
