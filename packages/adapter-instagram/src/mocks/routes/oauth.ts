import type { InstagramContext } from '../context.js';
import { tokenError } from '../dialect.js';
import { graphError } from '../errors.js';
import { IG_LONG_LIVED_TOKEN_TTL_S, LONG_LIVED_TOKEN_TTL_S, REFRESH_MIN_AGE_MS } from '../limits.js';
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

function fbExchange(context: InstagramContext, { params, now }: InstagramRequest): Response {
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
