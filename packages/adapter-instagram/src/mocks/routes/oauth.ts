import type { InstagramContext } from '../context.js';
import { tokenError } from '../dialect.js';
import { graphError } from '../errors.js';
import {
  HOUR_MS,
  IG_LONG_LIVED_TOKEN_TTL_S,
  LONG_LIVED_TOKEN_TTL_S,
  REFRESH_MIN_AGE_MS,
  SHORT_LIVED_TOKEN_TTL_MS,
} from '../limits.js';
import { fieldsParam } from '../params.js';
import { type InstagramRequest, instagramRoute } from '../route.js';
import { issueToken } from '../tokens.js';

function missing(name: string): Response {
  // Graph's wording for a missing OAuth parameter (code 101 ASSUMED).
  return graphError({ message: `Missing ${name} parameter.`, code: 101 });
}

function wrongGrant(grantType: string | undefined): Response {
  return graphError({ message: `Unsupported grant_type: ${grantType ?? ''}`, code: 100 });
}

function tokenAnswer(accessToken: string, expiresIn: number): Response {
  return Response.json({ access_token: accessToken, token_type: 'bearer', expires_in: expiresIn });
}

/** An authorization code handed out by {@link consent}. */
interface AuthorizationCode {
  readonly accountId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly issuedAt: number;
  used: boolean;
}

/** Codes per simulator; single use (Meta's Login docs: a code can be exchanged once). */
const codesOf = new WeakMap<InstagramContext, Map<string, AuthorizationCode>>();

/** The codes of a simulator. */
function codes(context: InstagramContext): Map<string, AuthorizationCode> {
  let map = codesOf.get(context);
  if (map === undefined) {
    map = new Map();
    codesOf.set(context, map);
  }
  return map;
}

/** A code lasts an hour (Instagram Basic Display docs, "Authorization Codes are valid for 1 hour"; ASSUMED for both logins). */
const CODE_TTL_MS = HOUR_MS;

/**
 * The user `accountId` approves an authorization URL (the Facebook Login dialog or the Instagram
 * Login window): returns the redirect URI with `code` and `state`, and the fragment Meta appends
 * (`#_` for Instagram Login, "OAuth Authorize" reference; `#_=_` for Facebook Login).
 *
 * @throws Error when the URL has no `client_id` or `redirect_uri`
 */
export function consent(context: InstagramContext, authorizationUrl: string, accountId: string): string {
  const url = new URL(authorizationUrl);
  const clientId = url.searchParams.get('client_id');
  const redirectUri = url.searchParams.get('redirect_uri');
  if (clientId === null || redirectUri === null)
    throw new Error('consent: the authorization URL has no client_id or redirect_uri');
  const code = `AQ${context.sim.nextId()}${Math.random().toString(36).slice(2, 10)}`;
  codes(context).set(code, {
    accountId,
    clientId,
    redirectUri,
    scopes: (url.searchParams.get('scope') ?? '').split(/[ ,]+/).filter((scope) => scope !== ''),
    issuedAt: context.sim.clock.now(),
    used: false,
  });
  const redirect = new URL(redirectUri);
  redirect.searchParams.set('code', code);
  const state = url.searchParams.get('state');
  if (state !== null) redirect.searchParams.set('state', state);
  redirect.hash =
    url.hostname.endsWith('facebook.com') || url.pathname.endsWith('/dialog/oauth') ? '_=_' : '_';
  return redirect.toString();
}

/** Why a code cannot be exchanged, or the code's grant. */
function redeem(
  context: InstagramContext,
  params: InstagramRequest['params'],
  now: number,
): AuthorizationCode | 'unknown' | 'used' | 'redirect' {
  const grant = codes(context).get(params.get('code') ?? '');
  if (grant === undefined || now - grant.issuedAt > CODE_TTL_MS || grant.clientId !== params.get('client_id'))
    return 'unknown';
  if (grant.used) return 'used';
  if (grant.redirectUri !== params.get('redirect_uri')) return 'redirect';
  grant.used = true;
  return grant;
}

/**
 * Facebook Login code exchange, `GET /{v}/oauth/access_token?client_id&redirect_uri&client_secret&code`
 * → a short-lived user token (developers.facebook.com, "Manually Build a Login Flow"). Refusals
 * are Graph code 100 with the subcodes every Facebook Login integration has seen (36007 invalid,
 * 36008 redirect_uri mismatch, 36009 used; wordings ASSUMED).
 */
function fbCode(context: InstagramContext, { params, now }: InstagramRequest): Response {
  for (const name of ['client_id', 'client_secret', 'redirect_uri'])
    if (params.get(name) === undefined) return missing(name);
  const grant = redeem(context, params, now);
  if (grant === 'unknown')
    return graphError({ message: 'Invalid verification code format.', code: 100, subcode: 36007 });
  if (grant === 'used')
    return graphError({ message: 'This authorization code has been used.', code: 100, subcode: 36009 });
  if (grant === 'redirect')
    return graphError({
      message:
        'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
      code: 100,
      subcode: 36008,
    });
  // Short-lived user tokens last an hour or two (meta-common.md, Tokens: long-lived ones ~60 days).
  return tokenAnswer(
    issueToken(context, grant.accountId, SHORT_LIVED_TOKEN_TTL_MS),
    SHORT_LIVED_TOKEN_TTL_MS / 1000,
  );
}

/** The error body of api.instagram.com: `{error_type, code, error_message}` ("OAuth Access Token" reference; wordings ASSUMED). */
function instagramOAuthError(message: string): Response {
  return Response.json({ error_type: 'OAuthException', code: 400, error_message: message }, { status: 400 });
}

/**
 * Instagram Login code exchange, `POST /oauth/access_token` with form fields `client_id`,
 * `client_secret`, `grant_type=authorization_code`, `redirect_uri`, `code` → a 1-hour token as
 * "Business Login for Instagram" shows it: `{data:[{access_token, user_id, permissions}]}`.
 */
function igCode(context: InstagramContext, { params, now }: InstagramRequest): Response {
  for (const name of ['client_id', 'client_secret', 'grant_type', 'redirect_uri', 'code'])
    if (params.get(name) === undefined) return instagramOAuthError(`Missing required field ${name}`);
  if (params.get('grant_type') !== 'authorization_code')
    return instagramOAuthError(`Invalid grant_type: ${params.get('grant_type') ?? ''}`);
  const grant = redeem(context, params, now);
  if (grant === 'unknown') return instagramOAuthError('Invalid authorization code');
  if (grant === 'used') return instagramOAuthError('This authorization code has been used');
  if (grant === 'redirect')
    return instagramOAuthError(
      'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
    );
  return Response.json({
    data: [
      {
        access_token: issueToken(context, grant.accountId, SHORT_LIVED_TOKEN_TTL_MS),
        user_id: grant.accountId,
        permissions: grant.scopes.join(','),
      },
    ],
  });
}

function fbExchange(context: InstagramContext, input: InstagramRequest): Response {
  const { params, now } = input;
  if (params.get('grant_type') === undefined && params.get('code') !== undefined)
    return fbCode(context, input);
  if (params.get('grant_type') !== 'fb_exchange_token') return wrongGrant(params.get('grant_type'));
  for (const name of ['client_id', 'client_secret', 'fb_exchange_token'])
    if (params.get(name) === undefined) return missing(name);
  const check = context.sim.tokens.check(params.get('fb_exchange_token'));
  if (check.status !== 'valid') return tokenError(check.status, now);
  return tokenAnswer(
    issueToken(context, check.accountId, LONG_LIVED_TOKEN_TTL_S * 1000),
    LONG_LIVED_TOKEN_TTL_S,
  );
}

function igExchange(context: InstagramContext, { params, token, now }: InstagramRequest): Response {
  if (params.get('grant_type') !== 'ig_exchange_token') return wrongGrant(params.get('grant_type'));
  if (params.get('client_secret') === undefined) return missing('client_secret');
  const check = context.sim.tokens.check(token);
  if (check.status !== 'valid') return tokenError(check.status, now);
  return tokenAnswer(
    issueToken(context, check.accountId, IG_LONG_LIVED_TOKEN_TTL_S * 1000),
    IG_LONG_LIVED_TOKEN_TTL_S,
  );
}

function igRefresh(context: InstagramContext, { params, token, now }: InstagramRequest): Response {
  if (params.get('grant_type') !== 'ig_refresh_token') return wrongGrant(params.get('grant_type'));
  const check = context.sim.tokens.check(token);
  if (check.status !== 'valid') return tokenError(check.status, now);
  const issuedAt = (token === undefined ? undefined : context.tokenIssuedAt.get(token)) ?? now;
  // meta-common.md "Tokens": the token must be at least 24 h old (wording ASSUMED).
  if (now - issuedAt < REFRESH_MIN_AGE_MS)
    return graphError({
      message: 'The access token is too new to be refreshed. Try again after 24 hours.',
      code: 100,
    });
  return tokenAnswer(
    issueToken(context, check.accountId, IG_LONG_LIVED_TOKEN_TTL_S * 1000),
    IG_LONG_LIVED_TOKEN_TTL_S,
  );
}

/**
 * OAuth routes (meta-common.md "Tokens"), registered on every instance (use an instance with
 * `baseUrl: 'https://graph.instagram.com'` for Instagram Login):
 * - `GET /{v}/oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token`
 *   → `{access_token, token_type:'bearer', expires_in: 5183944}` (any client id/secret is accepted);
 * - `GET /{v}/oauth/access_token?client_id&redirect_uri&client_secret&code`: Facebook Login code exchange;
 * - `POST /oauth/access_token` (form): Instagram Login code exchange, which Meta serves on
 *   `api.instagram.com`; the simulator serves it on its own host (point the adapter's `tokenUrl` there);
 * - `GET /{v}/me/accounts` → the Facebook Page of the account with a Page token and, when asked in
 *   `fields`, `instagram_business_account{id}`;
 * - `GET /access_token?grant_type=ig_exchange_token&client_secret&access_token` → a 60-day token;
 * - `GET /refresh_access_token?grant_type=ig_refresh_token&access_token` → a new 60-day token,
 *   when the token is at least 24 h old and unexpired.
 * Must be registered before the node routes (`/:version/:id` would match `/oauth/access_token`).
 *
 * @example
 * ```ts
 * registerOAuthRoutes(context);
 * ```
 */
export function registerOAuthRoutes(context: InstagramContext): void {
  for (const prefix of ['/:version', '']) {
    instagramRoute(context, 'GET', `${prefix}/oauth/access_token`, { auth: false }, (input) =>
      fbExchange(context, input),
    );
    instagramRoute(context, 'GET', `${prefix}/access_token`, { auth: false }, (input) =>
      igExchange(context, input),
    );
    instagramRoute(context, 'GET', `${prefix}/refresh_access_token`, { auth: false }, (input) =>
      igRefresh(context, input),
    );
  }
  instagramRoute(context, 'POST', '/oauth/access_token', { auth: false }, (input) => igCode(context, input));
  instagramRoute(context, 'GET', '/:version/me/accounts', {}, ({ accountId, params }) => {
    const account = context.sim.accounts.get(accountId);
    let pageId = context.pages.get(accountId);
    if (pageId === undefined) {
      pageId = context.sim.nextId();
      context.pages.set(accountId, pageId);
    }
    const fields = fieldsParam(params);
    const page: Record<string, unknown> = {
      // Page tokens made from a long-lived user token do not expire (meta-common.md "Tokens").
      access_token: issueToken(context, accountId, undefined),
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
}
