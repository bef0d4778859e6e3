import {
  fieldNames,
  type GraphSimulator,
  graphError,
  graphTokenAnswer,
  missingParameter,
  tokenError,
  unsupportedGrantType,
} from '@smmkit/graph-api/mocks';
import type { InstagramContext } from '../context.js';
import { IG_LONG_LIVED_TOKEN_TTL_S, REFRESH_MIN_AGE_MS, SHORT_LIVED_TOKEN_TTL_MS } from '../limits.js';

/**
 * The error body of api.instagram.com: `{error_type, code, error_message}`
 * (https://developers.facebook.com/docs/instagram-platform/reference/oauth-access-token; wordings ASSUMED).
 */
function instagramOAuthError(message: string): Response {
  return Response.json({ error_type: 'OAuthException', code: 400, error_message: message }, { status: 400 });
}

/** Why a code cannot be exchanged, as api.instagram.com words it (ASSUMED). */
const CODE_REFUSALS = {
  unknown: 'Invalid authorization code',
  used: 'This authorization code has been used',
  redirect:
    'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
} as const;

/**
 * Instagram's token routes and the Page list of Facebook Login, registered on every instance
 * (each token carries the permissions the Login dialog granted, so routes can check them)
 * (use one with `baseUrl: 'https://graph.instagram.com'` for Instagram Login) next to the
 * Facebook Login routes of the Graph simulator base:
 * - `GET /access_token?grant_type=ig_exchange_token&client_secret&access_token` → a 60-day token
 *   (https://developers.facebook.com/docs/instagram-platform/reference/access_token);
 * - `GET /refresh_access_token?grant_type=ig_refresh_token&access_token` → a new 60-day token,
 *   when the token is at least 24 h old and unexpired
 *   (https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token; the
 *   refusal's wording ASSUMED);
 * - `POST /oauth/access_token` (form): Instagram Login code exchange, which Meta serves on
 *   `api.instagram.com`; the simulator serves it on its own host (point the adapter's `tokenUrl`
 *   there) and answers as "Business Login for Instagram" shows it:
 *   `{data:[{access_token, user_id, permissions}]}`
 *   (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login);
 * - `GET /{v}/me/accounts` → the Facebook Page of the account with a Page token and, when asked in
 *   `fields`, `instagram_business_account{id}` (https://developers.facebook.com/docs/graph-api/reference/user/accounts/).
 * Must be registered before the node routes (`/:version/:id` would match `/{v}/access_token`).
 *
 * @example
 * ```ts
 * registerOAuthRoutes(context, graph);
 * ```
 */
export function registerOAuthRoutes(context: InstagramContext, graph: GraphSimulator): void {
  const { sim, route } = context;
  /** A token of `ttlS` seconds for the account of a valid `token` that is at least `minAgeMs` old. */
  const exchange = (token: string | undefined, now: number, minAgeMs: number): Response => {
    const check = sim.tokens.check(token);
    if (check.status !== 'valid') return tokenError(check.status, now);
    // Only a token at least 24 h old can be refreshed (wording ASSUMED).
    if (now - check.issuedAt < minAgeMs)
      return graphError({
        message: 'The access token is too new to be refreshed. Try again after 24 hours.',
        code: 100,
      });
    return graphTokenAnswer(sim, check.accountId, IG_LONG_LIVED_TOKEN_TTL_S, check.scopes);
  };
  for (const prefix of ['/:version', '']) {
    route('GET', `${prefix}/access_token`, { auth: false }, ({ params, token, now }) => {
      if (params.get('grant_type') !== 'ig_exchange_token')
        return unsupportedGrantType(params.get('grant_type'));
      if (params.get('client_secret') === undefined) return missingParameter('client_secret');
      return exchange(token, now, 0);
    });
    route('GET', `${prefix}/refresh_access_token`, { auth: false }, ({ params, token, now }) => {
      if (params.get('grant_type') !== 'ig_refresh_token')
        return unsupportedGrantType(params.get('grant_type'));
      return exchange(token, now, REFRESH_MIN_AGE_MS);
    });
  }
  route('POST', '/oauth/access_token', { auth: false }, ({ params, now }) => {
    for (const name of ['client_id', 'client_secret', 'grant_type', 'redirect_uri', 'code'])
      if (params.get(name) === undefined) return instagramOAuthError(`Missing required field ${name}`);
    if (params.get('grant_type') !== 'authorization_code')
      return instagramOAuthError(`Invalid grant_type: ${params.get('grant_type') ?? ''}`);
    const grant = graph.redeemCode(params, now);
    if (typeof grant === 'string') return instagramOAuthError(CODE_REFUSALS[grant]);
    const { accessToken } = sim.tokens.issue(grant.accountId, {
      expiresInMs: SHORT_LIVED_TOKEN_TTL_MS,
      scopes: grant.scopes,
    });
    // `user_id` is a JSON number, as the reference's example has it (`"user_id": 17841405793187218`,
    // https://developers.facebook.com/docs/instagram-platform/reference/oauth-access-token): written
    // into the text, since an Instagram user id is past 2^53 and a JavaScript number would round it.
    const marker = '"user_id-as-number"';
    const json = JSON.stringify({
      data: [
        { access_token: accessToken, user_id: 'user_id-as-number', permissions: grant.scopes.join(',') },
      ],
    });
    const userId = /^\d+$/.test(grant.accountId) ? grant.accountId : JSON.stringify(grant.accountId);
    return new Response(json.replace(marker, userId), { headers: { 'content-type': 'application/json' } });
  });
  route('GET', '/:version/me/accounts', {}, ({ accountId, params, scopes }) => {
    const account = sim.accounts.get(accountId);
    const pageId = context.pages.get(accountId) ?? sim.nextId();
    context.pages.set(accountId, pageId);
    const fields = fieldNames(params.get('fields'));
    const page: Record<string, unknown> = {
      // Page tokens made from a long-lived user token do not expire
      // (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
      // With the permissions the user token was granted.
      access_token: sim.tokens.issue(accountId, { scopes }).accessToken,
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
