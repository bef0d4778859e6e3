import type { XContext } from './context.js';

/**
 * Longest `state` X accepts: "up to 500 characters"
 * (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code).
 */
const MAX_STATE_LENGTH = 500;

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
  const url = new URL(authorizeUrl);
  const fail = (why: string): never => {
    throw new Error(`X authorize: ${why}`);
  };
  if (!['x.com', 'twitter.com'].includes(url.hostname) || url.pathname !== '/i/oauth2/authorize')
    fail(`not an authorization URL: ${url.origin}${url.pathname}`);
  const param = (name: string) => url.searchParams.get(name) ?? fail(`missing ${name}`);
  if (param('response_type') !== 'code') fail('response_type must be code');
  const clientId = param('client_id');
  const redirectUri = param('redirect_uri');
  const state = param('state');
  if (state.length > MAX_STATE_LENGTH) fail(`state longer than ${MAX_STATE_LENGTH} characters`);
  const codeChallenge = param('code_challenge');
  const method = param('code_challenge_method');
  if (method !== 'S256' && method !== 'plain') fail('code_challenge_method must be S256 or plain');
  const scopes = param('scope')
    .split(/[\s+]+/)
    .filter((scope) => scope !== '');
  if (context.sim.accounts.get(accountId) === undefined) fail(`no account ${accountId}`);

  const code = context.codes.issue({
    accountId,
    clientId,
    redirectUri,
    codeChallenge,
    codeChallengeMethod: method === 'plain' ? 'plain' : 'S256',
    scopes,
  });
  const callback = new URL(redirectUri);
  callback.searchParams.set('state', state);
  callback.searchParams.set('code', code);
  return callback.toString();
}
