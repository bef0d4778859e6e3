import type { InstagramContext } from '../context.js';
import { tokenError } from '../graph/dialect.js';
import { graphError } from '../graph/errors.js';
import { fieldNames, type GraphParams } from '../graph/params.js';
import type { GraphRequest } from '../graph/route.js';
import {
  HOUR_MS,
  IG_LONG_LIVED_TOKEN_TTL_S,
  LONG_LIVED_TOKEN_TTL_S,
  REFRESH_MIN_AGE_MS,
  SHORT_LIVED_TOKEN_TTL_MS,
} from '../limits.js';

function missing(name: string): Response {
  // Graph's wording for a missing OAuth parameter (code 101 ASSUMED).
  return graphError({ message: `Missing ${name} parameter.`, code: 101 });
}

function wrongGrant(grantType: string | undefined): Response {
  return graphError({ message: `Unsupported grant_type: ${grantType ?? ''}`, code: 100 });
}

/** A new token for `accountId` lasting `ttlS` seconds, answered as `{access_token, token_type, expires_in}`. */
function tokenAnswer(context: InstagramContext, accountId: string, ttlS: number): Response {
  const { accessToken } = context.sim.tokens.issue(accountId, { expiresInMs: ttlS * 1000 });
  return Response.json({ access_token: accessToken, token_type: 'bearer', expires_in: ttlS });
}

/** A token of `ttlS` seconds for the account of a valid `token` that is at least `minAgeMs` old. */
function exchange(
  context: InstagramContext,
  token: string | undefined,
  { now, ttlS, minAgeMs = 0 }: { readonly now: number; readonly ttlS: number; readonly minAgeMs?: number },
): Response {
  const check = context.sim.tokens.check(token);
  if (check.status !== 'valid') return tokenError(check.status, now);
  // Only a token at least 24 h old can be refreshed
  // (https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token; wording ASSUMED).
  if (now - check.issuedAt < minAgeMs)
    return graphError({
      message: 'The access token is too new to be refreshed. Try again after 24 hours.',
      code: 100,
    });
  return tokenAnswer(context, check.accountId, ttlS);
}

/** An authorization code handed out by `consent`. */
interface AuthorizationCode {
  readonly accountId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly issuedAt: number;
  used: boolean;
}

/**
 * A code lasts an hour (https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize;
 * ASSUMED for Facebook Login too) and can be exchanged once.
 */
const CODE_TTL_MS = HOUR_MS;

/** Why a code cannot be exchanged, or the code's grant (marked used). */
function redeem(
  codes: ReadonlyMap<string, AuthorizationCode>,
  params: GraphParams,
  now: number,
): AuthorizationCode | 'unknown' | 'used' | 'redirect' {
  const grant = codes.get(params.get('code') ?? '');
  if (grant === undefined || now - grant.issuedAt > CODE_TTL_MS || grant.clientId !== params.get('client_id'))
    return 'unknown';
  if (grant.used) return 'used';
  if (grant.redirectUri !== params.get('redirect_uri')) return 'redirect';
  grant.used = true;
  return grant;
}

const REDIRECT_MISMATCH =
  'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request';

/**
 * Facebook Login code exchange, `GET /{v}/oauth/access_token?client_id&redirect_uri&client_secret&code`
 * → a short-lived user token (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow).
 * Refusals are Graph code 100 with the subcodes every Facebook Login integration has seen (36007
 * invalid, 36008 redirect_uri mismatch, 36009 used; wordings ASSUMED).
 */
function fbCode(
  context: InstagramContext,
  codes: ReadonlyMap<string, AuthorizationCode>,
  request: GraphRequest,
) {
  const { params, now } = request;
  for (const name of ['client_id', 'client_secret', 'redirect_uri'])
    if (params.get(name) === undefined) return missing(name);
  const grant = redeem(codes, params, now);
  if (grant === 'unknown')
    return graphError({ message: 'Invalid verification code format.', code: 100, subcode: 36007 });
  if (grant === 'used')
    return graphError({ message: 'This authorization code has been used.', code: 100, subcode: 36009 });
  if (grant === 'redirect') return graphError({ message: REDIRECT_MISMATCH, code: 100, subcode: 36008 });
  return tokenAnswer(context, grant.accountId, SHORT_LIVED_TOKEN_TTL_MS / 1000);
}

/**
 * The error body of api.instagram.com: `{error_type, code, error_message}`
 * (https://developers.facebook.com/docs/instagram-platform/reference/oauth-access-token; wordings ASSUMED).
 */
function instagramOAuthError(message: string): Response {
  return Response.json({ error_type: 'OAuthException', code: 400, error_message: message }, { status: 400 });
}

/**
 * Instagram Login code exchange, `POST /oauth/access_token` with form fields `client_id`,
 * `client_secret`, `grant_type=authorization_code`, `redirect_uri`, `code` → a 1-hour token as
 * "Business Login for Instagram" shows it: `{data:[{access_token, user_id, permissions}]}`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login).
 */
function igCode(
  context: InstagramContext,
  codes: ReadonlyMap<string, AuthorizationCode>,
  request: GraphRequest,
) {
  const { params, now } = request;
  for (const name of ['client_id', 'client_secret', 'grant_type', 'redirect_uri', 'code'])
    if (params.get(name) === undefined) return instagramOAuthError(`Missing required field ${name}`);
  if (params.get('grant_type') !== 'authorization_code')
    return instagramOAuthError(`Invalid grant_type: ${params.get('grant_type') ?? ''}`);
  const grant = redeem(codes, params, now);
  if (grant === 'unknown') return instagramOAuthError('Invalid authorization code');
  if (grant === 'used') return instagramOAuthError('This authorization code has been used');
  if (grant === 'redirect') return instagramOAuthError(REDIRECT_MISMATCH);
  const { accessToken } = context.sim.tokens.issue(grant.accountId, {
    expiresInMs: SHORT_LIVED_TOKEN_TTL_MS,
  });
  return Response.json({
    data: [{ access_token: accessToken, user_id: grant.accountId, permissions: grant.scopes.join(',') }],
  });
}

/**
 * The OAuth routes, registered on every instance (use one with `baseUrl: 'https://graph.instagram.com'`
 * for Instagram Login), and the consent screen in front of them:
 * - `GET /{v}/oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token`
 *   → `{access_token, token_type:'bearer', expires_in: 5183944}` (any client id/secret is accepted;
 *   https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived);
 * - `GET /{v}/oauth/access_token?client_id&redirect_uri&client_secret&code`: Facebook Login code exchange;
 * - `POST /oauth/access_token` (form): Instagram Login code exchange, which Meta serves on
 *   `api.instagram.com`; the simulator serves it on its own host (point the adapter's `tokenUrl` there);
 * - `GET /{v}/me/accounts` → the Facebook Page of the account with a Page token and, when asked in
 *   `fields`, `instagram_business_account{id}` (https://developers.facebook.com/docs/graph-api/reference/user/accounts/);
 * - `GET /access_token?grant_type=ig_exchange_token&client_secret&access_token` → a 60-day token
 *   (https://developers.facebook.com/docs/instagram-platform/reference/access_token);
 * - `GET /refresh_access_token?grant_type=ig_refresh_token&access_token` → a new 60-day token,
 *   when the token is at least 24 h old and unexpired.
 * Must be registered before the node routes (`/:version/:id` would match `/oauth/access_token`).
 *
 * @returns `consent(authorizationUrl, accountId)`: the user `accountId` approves an authorization
 *   URL (the Facebook Login dialog or the Instagram Login window) and gets the redirect URI with
 *   `code` and `state`, and the fragment Meta appends (`#_` for Instagram Login, oauth-authorize
 *   https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize; `#_=_` for
 *   Facebook Login); it throws when the URL has no `client_id` or `redirect_uri`
 *
 * @example
 * ```ts
 * const consent = registerOAuthRoutes(context);
 * ```
 */
export function registerOAuthRoutes(
  context: InstagramContext,
): (authorizationUrl: string, accountId: string) => string {
  const { sim, route } = context;
  const codes = new Map<string, AuthorizationCode>();
  for (const prefix of ['/:version', '']) {
    route('GET', `${prefix}/oauth/access_token`, { auth: false }, (request) => {
      const { params, now } = request;
      if (params.get('grant_type') === undefined && params.get('code') !== undefined)
        return fbCode(context, codes, request);
      if (params.get('grant_type') !== 'fb_exchange_token') return wrongGrant(params.get('grant_type'));
      for (const name of ['client_id', 'client_secret', 'fb_exchange_token'])
        if (params.get(name) === undefined) return missing(name);
      return exchange(context, params.get('fb_exchange_token'), { now, ttlS: LONG_LIVED_TOKEN_TTL_S });
    });
    route('GET', `${prefix}/access_token`, { auth: false }, ({ params, token, now }) => {
      if (params.get('grant_type') !== 'ig_exchange_token') return wrongGrant(params.get('grant_type'));
      if (params.get('client_secret') === undefined) return missing('client_secret');
      return exchange(context, token, { now, ttlS: IG_LONG_LIVED_TOKEN_TTL_S });
    });
    route('GET', `${prefix}/refresh_access_token`, { auth: false }, ({ params, token, now }) => {
      if (params.get('grant_type') !== 'ig_refresh_token') return wrongGrant(params.get('grant_type'));
      return exchange(context, token, { now, ttlS: IG_LONG_LIVED_TOKEN_TTL_S, minAgeMs: REFRESH_MIN_AGE_MS });
    });
  }
  route('POST', '/oauth/access_token', { auth: false }, (request) => igCode(context, codes, request));
  route('GET', '/:version/me/accounts', {}, ({ accountId, params }) => {
    const account = sim.accounts.get(accountId);
    const pageId = context.pages.get(accountId) ?? sim.nextId();
    context.pages.set(accountId, pageId);
    const fields = fieldNames(params.get('fields'));
    const page: Record<string, unknown> = {
      // Page tokens made from a long-lived user token do not expire (get-long-lived page, above).
      access_token: sim.tokens.issue(accountId).accessToken,
      category: 'Brand',
      category_list: [{ id: '1605186416478696', name: 'Brand' }],
      name: `${account?.displayName ?? accountId} Page`,
      id: pageId,
      tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'],
    };
    if (fields.includes('instagram_business_account')) page.instagram_business_account = { id: accountId };
    const picked =
      fields.length === 0
        ? page
        : Object.fromEntries(Object.entries(page).filter(([name]) => name === 'id' || fields.includes(name)));
    return Response.json({ data: [picked], paging: { cursors: { before: 'QVFIUmFi', after: 'QVFIUmFi' } } });
  });

  return (authorizationUrl, accountId) => {
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
    redirect.hash =
      url.hostname.endsWith('facebook.com') || url.pathname.endsWith('/dialog/oauth') ? '_=_' : '_';
    return redirect.toString();
  };
}
