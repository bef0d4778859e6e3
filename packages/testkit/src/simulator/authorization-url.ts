/** Where a platform's consent page lives and what it requires of an authorization URL. */
export interface AuthorizationEndpoint {
  /** The platform's name, to start every error message (`X authorize: missing state`). */
  readonly platform: string;
  /** The hosts that serve the page (`x.com`, `twitter.com`). */
  readonly hosts: readonly string[];
  /** Its path (`/i/oauth2/authorize`). */
  readonly path: string;
  /**
   * Which of `state`, `code_challenge`, `code_challenge_method` and `scope` it requires (besides
   * `response_type`, `client_id` and `redirect_uri`, which every request carries).
   */
  readonly required?: readonly string[] | undefined;
  /** The longest `state` it takes, in characters. */
  readonly maxStateLength?: number | undefined;
  /** What separates scopes in `scope` (default white space). */
  readonly scopeSeparator?: RegExp | undefined;
}

/** An authorization request as {@link readAuthorizationUrl} reads it. */
export interface AuthorizationRequest {
  /** `client_id`. */
  readonly clientId: string;
  /** `redirect_uri`. */
  readonly redirectUri: string;
  /** `state`, when sent. */
  readonly state: string | undefined;
  /** `scope`, split. */
  readonly scopes: readonly string[];
  /** `code_challenge` (PKCE), when sent. */
  readonly codeChallenge: string | undefined;
  /** `code_challenge_method` when there is a challenge: `S256`, or `plain` (also when absent, RFC 7636 §4.3). */
  readonly codeChallengeMethod: 'S256' | 'plain' | undefined;
}

/**
 * The authorization request (RFC 6749 §4.1.1, PKCE RFC 7636 §4.3) in the URL a user opens on a
 * simulated consent screen: it must be the platform's page, ask for `response_type=code`, and
 * carry `client_id`, `redirect_uri` and the parameters the platform requires; `state` must not
 * exceed the platform's length and `code_challenge_method` must be `S256` or `plain`.
 *
 * @param authorizeUrl - the URL the user opens
 * @param endpoint - the platform's page and rules
 * @returns the request
 * @throws Error naming what is wrong, as the page would show an error
 *
 * @example
 * ```ts
 * const request = readAuthorizationUrl(url, { platform: 'X', hosts: ['x.com'], path: '/i/oauth2/authorize', required: ['state'] });
 * const code = codes.issue({ accountId, clientId: request.clientId, redirectUri: request.redirectUri, scopes: request.scopes });
 * return authorizationRedirect(request, code);
 * ```
 */
export function readAuthorizationUrl(
  authorizeUrl: string,
  endpoint: AuthorizationEndpoint,
): AuthorizationRequest {
  const url = new URL(authorizeUrl);
  const fail = (why: string): never => {
    throw new Error(`${endpoint.platform} authorize: ${why}`);
  };
  if (!endpoint.hosts.includes(url.hostname) || url.pathname !== endpoint.path)
    fail(`not an authorization URL: ${url.origin}${url.pathname}`);
  const param = (name: string) => url.searchParams.get(name) ?? fail(`missing ${name}`);
  const optional = (name: string) =>
    endpoint.required?.includes(name) ? param(name) : (url.searchParams.get(name) ?? undefined);
  if (param('response_type') !== 'code') fail('response_type must be code');
  const clientId = param('client_id');
  const redirectUri = param('redirect_uri');
  const state = optional('state');
  const { maxStateLength } = endpoint;
  if (state !== undefined && maxStateLength !== undefined && state.length > maxStateLength)
    fail(`state longer than ${maxStateLength} characters`);
  const codeChallenge = optional('code_challenge');
  const method = optional('code_challenge_method');
  if (method !== undefined && method !== 'S256' && method !== 'plain')
    fail('code_challenge_method must be S256 or plain');
  const scopes = (optional('scope') ?? '')
    .split(endpoint.scopeSeparator ?? /\s+/)
    .filter((scope) => scope !== '');
  const codeChallengeMethod = codeChallenge === undefined ? undefined : method === 'S256' ? 'S256' : 'plain';
  return { clientId, redirectUri, state, scopes, codeChallenge, codeChallengeMethod };
}

/**
 * Where the consent screen sends the user back (RFC 6749 §4.1.2): the request's `redirect_uri`
 * with `state` (when the request had one) and `code`.
 *
 * @example
 * ```ts
 * authorizationRedirect({ redirectUri: 'https://app.test/cb', state: 'xyz' }, 'code1'); // https://app.test/cb?state=xyz&code=code1
 * ```
 */
export function authorizationRedirect(
  request: Pick<AuthorizationRequest, 'redirectUri' | 'state'>,
  code: string,
): string {
  const callback = new URL(request.redirectUri);
  if (request.state !== undefined) callback.searchParams.set('state', request.state);
  callback.searchParams.set('code', code);
  return callback.toString();
}
