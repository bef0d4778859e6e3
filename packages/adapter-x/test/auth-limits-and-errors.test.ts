import {
  AmbiguousOutcomeError,
  AuthError,
  createOAuthState,
  createPkcePair,
  createRefreshingTokenProvider,
  PlatformError,
  RateLimitError,
  type RateLimitInfo,
  staticTokenProvider,
  type TokenSet,
  ValidationError,
} from '@smmkit/core';
import { pkceChallenge } from '@smmkit/core/adapter-kit';
import { recordingFetch } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import {
  exchangeXCode,
  refreshXToken,
  revokeXToken,
  X_AUTHORIZE_URL,
  type XAuthorizationUrlOptions,
  xAuthorizationUrl,
} from '../src/index.js';
import {
  DUPLICATE_CONTENT_DETAIL,
  TEXT_TOO_LONG_MESSAGE,
  type XSimulatorAccount,
} from '../src/mocks/index.js';
import { bytes, CREATE_POST, failureOf, START, useX } from './support/harness.js';

const PUBLIC_CLIENT = 'public-app';
const CONFIDENTIAL_CLIENT = 'confidential-app';
const CLIENT_SECRET = 'client-secret-MUST-NOT-LEAK';
const REDIRECT = 'https://app.example/callback';
const SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access'];

const h = useX({ clientSecrets: { [CONFIDENTIAL_CLIENT]: CLIENT_SECRET } });
const { x, ana } = h;
const legacy = h.sibling({ baseUrl: 'https://legacy.x.test', rateLimitBody: 'legacy' });

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const TOKEN = 'POST /2/oauth2/token';

/** Runs the authorization flow to the redirect: the user approves and X sends back a code. */
async function authorize(clientId = PUBLIC_CLIENT): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = await createPkcePair();
  const state = createOAuthState();
  const url = xAuthorizationUrl({
    clientId,
    redirectUri: REDIRECT,
    scopes: SCOPES,
    state,
    codeChallenge: challenge,
  });
  const redirect = new URL(x.consent(url, ana.account.id));
  expect(redirect.searchParams.get('state')).toBe(state);
  const code = redirect.searchParams.get('code');
  if (code === null) throw new Error('X sent no code');
  return { code, verifier };
}

const exchange = (
  code: string,
  codeVerifier: string,
  extra: { clientId?: string; clientSecret?: string; fetch?: typeof fetch } = {},
) =>
  exchangeXCode({
    clientId: PUBLIC_CLIENT,
    redirectUri: REDIRECT,
    code,
    codeVerifier,
    baseUrl: x.baseUrl,
    clock: h.adapterClock,
    ...extra,
  });

const refresh = (refreshToken: string) =>
  refreshXToken({ clientId: PUBLIC_CLIENT, refreshToken, baseUrl: x.baseUrl, clock: h.adapterClock });

let accounts = 0;
/** A new account with a refresh token, so rotating it affects no other test. */
const freshAccount = (): XSimulatorAccount => {
  accounts += 1;
  return x.addAccount(`carol${accounts}`);
};

describe('OAuth 2.0 with PKCE', () => {
  it('builds the authorization URL with a code request, state, S256 challenge and space-separated scopes', async () => {
    const { verifier, challenge } = await createPkcePair();
    const options: XAuthorizationUrlOptions = {
      clientId: PUBLIC_CLIENT,
      redirectUri: REDIRECT,
      scopes: SCOPES,
      state: 'state-123',
      codeChallenge: challenge,
    };
    const url = new URL(xAuthorizationUrl(options));
    expect(`${url.origin}${url.pathname}`).toBe('https://x.com/i/oauth2/authorize');
    expect(X_AUTHORIZE_URL).toBe('https://x.com/i/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: PUBLIC_CLIENT,
      redirect_uri: REDIRECT,
      scope: 'tweet.read tweet.write users.read offline.access',
      state: 'state-123',
      code_challenge: await pkceChallenge(verifier),
      code_challenge_method: 'S256',
    });
    let caught: unknown;
    try {
      xAuthorizationUrl({ ...options, state: 's'.repeat(501) });
    } catch (error) {
      caught = error;
    }
    if (!ValidationError.isInstance(caught)) throw new Error('expected a ValidationError');
    expect(caught.problems).toEqual([
      expect.objectContaining({ path: ['state'], rule: 'oauth.state', limit: 500 }),
    ]);
  });

  it('refuses a blank state, client id, redirect URI or challenge, and no scopes, naming each field', async () => {
    const { challenge } = await createPkcePair();
    const valid: XAuthorizationUrlOptions = {
      clientId: PUBLIC_CLIENT,
      redirectUri: REDIRECT,
      scopes: SCOPES,
      state: createOAuthState(),
      codeChallenge: challenge,
    };
    const problemsOf = (options: XAuthorizationUrlOptions) => {
      try {
        xAuthorizationUrl(options);
      } catch (error) {
        if (ValidationError.isInstance(error)) return error.problems;
        throw error;
      }
      throw new Error('expected a ValidationError');
    };
    // A state of spaces would match any redirect that echoes spaces back: the CSRF check is lost.
    expect(problemsOf({ ...valid, state: '   ' })).toEqual([
      expect.objectContaining({ path: ['state'], rule: 'oauth.required' }),
    ]);
    expect(
      problemsOf({ ...valid, clientId: ' ', redirectUri: '\t', codeChallenge: '  ', state: '', scopes: [] }),
    ).toEqual([
      expect.objectContaining({ path: ['clientId'], rule: 'oauth.required' }),
      expect.objectContaining({ path: ['redirectUri'], rule: 'oauth.required' }),
      expect.objectContaining({ path: ['state'], rule: 'oauth.required' }),
      expect.objectContaining({ path: ['codeChallenge'], rule: 'oauth.required' }),
      expect.objectContaining({ path: ['scopes'], rule: 'oauth.scopes' }),
    ]);
    expect(problemsOf({ ...valid, scopes: [], state: 's'.repeat(501) })).toEqual([
      expect.objectContaining({ path: ['scopes'], rule: 'oauth.scopes' }),
      expect.objectContaining({ path: ['state'], rule: 'oauth.state', limit: 500 }),
    ]);
  });

  it('exchanges the code X redirects with for tokens that work, expiring in 2 hours', async () => {
    const { code, verifier } = await authorize();
    const tokens = await exchange(code, verifier);
    expect(tokens).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresAt: new Date(START + 2 * 60 * MINUTE),
      scopes: SCOPES,
    });
    const form = h.requests(TOKEN)[0]?.json;
    expect(form).toMatchObject({
      grant_type: 'authorization_code',
      client_id: PUBLIC_CLIENT,
      redirect_uri: REDIRECT,
    });
    const samples = await h
      .adapter()
      .getAccountMetrics({ ...h.context(), tokens: staticTokenProvider(tokens.accessToken) });
    expect(samples.find((sample) => sample.metric === 'followers')?.value).toBe(42);
  });

  it('refuses a code used twice or a wrong verifier as an AuthError that quotes neither', async () => {
    const { code, verifier } = await authorize();
    await exchange(code, verifier);
    const reused = await failureOf(exchange(code, verifier), x, [code, verifier]);
    expect(AuthError.isInstance(reused)).toBe(true);
    expect(reused.code).toBe('auth_revoked');
    expect(reused.platformError?.code).toBe('invalid_request');

    const second = await authorize();
    const wrongVerifier = 'a-wrong-verifier-0123456789abcdefghijklmnopqrstuvwxyz';
    const refused = await failureOf(exchange(second.code, wrongVerifier), x, [second.code, wrongVerifier]);
    expect(AuthError.isInstance(refused)).toBe(true);
  });

  it('rotates the refresh token: the new one works, the old one is refused', async () => {
    const { code, verifier } = await authorize();
    const first = await exchange(code, verifier);
    const oldRefresh = first.refreshToken ?? '';
    h.clock.advance(90 * MINUTE);
    const second = await refresh(oldRefresh);
    expect(second.refreshToken).toBeDefined();
    expect(second.refreshToken).not.toBe(oldRefresh);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.expiresAt).toEqual(new Date(START + 90 * MINUTE + 2 * 60 * MINUTE));
    expect(h.requests(TOKEN)[1]?.json).toMatchObject({
      grant_type: 'refresh_token',
      client_id: PUBLIC_CLIENT,
    });

    const error = await failureOf(refresh(oldRefresh), x, [oldRefresh]);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_revoked');
    expect((await refresh(second.refreshToken ?? '')).accessToken).toEqual(expect.any(String));
  });

  it('revokes an access token and a refresh token', async () => {
    const { code, verifier } = await authorize();
    const tokens = await exchange(code, verifier);
    await revokeXToken({ clientId: PUBLIC_CLIENT, token: tokens.accessToken, baseUrl: x.baseUrl });
    await revokeXToken({
      clientId: PUBLIC_CLIENT,
      token: tokens.refreshToken ?? '',
      tokenTypeHint: 'refresh_token',
      baseUrl: x.baseUrl,
    });
    expect(h.requests('POST /2/oauth2/revoke').map((entry) => entry.json)).toEqual([
      expect.objectContaining({ token_type_hint: 'access_token', client_id: PUBLIC_CLIENT }),
      expect.objectContaining({ token_type_hint: 'refresh_token', client_id: PUBLIC_CLIENT }),
    ]);
    const call = h
      .adapter()
      .getAccountMetrics({ ...h.context(), tokens: staticTokenProvider(tokens.accessToken) });
    expect((await failureOf(call, x)).code).toBe('auth_expired');
    const error = await failureOf(refresh(tokens.refreshToken ?? ''), x);
    expect(AuthError.isInstance(error)).toBe(true);
  });

  it('authenticates a confidential client with HTTP Basic and never quotes its secret', async () => {
    const recorder = recordingFetch();
    const { code, verifier } = await authorize(CONFIDENTIAL_CLIENT);
    const tokens = await exchange(code, verifier, {
      clientId: CONFIDENTIAL_CLIENT,
      clientSecret: CLIENT_SECRET,
      fetch: recorder.fetch,
    });
    expect(tokens.accessToken).toEqual(expect.any(String));
    const basic = `Basic ${btoa(`${CONFIDENTIAL_CLIENT}:${CLIENT_SECRET}`)}`;
    expect(recorder.requests[0]?.headers.get('authorization')).toBe(basic);
    expect(new URLSearchParams(await recorder.requests[0]?.text()).get('client_id')).toBe(
      CONFIDENTIAL_CLIENT,
    );

    const again = await authorize(CONFIDENTIAL_CLIENT);
    const wrong = 'wrong-secret-MUST-NOT-LEAK';
    const error = await failureOf(
      exchange(again.code, again.verifier, { clientId: CONFIDENTIAL_CLIENT, clientSecret: wrong }),
      x,
      [wrong, again.code, again.verifier, btoa(`${CONFIDENTIAL_CLIENT}:${wrong}`), CLIENT_SECRET],
    );
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_invalid');
    expect(error.status).toBe(401);
  });

  it('refuses a confidential client that sends no secret', async () => {
    const { code, verifier } = await authorize(CONFIDENTIAL_CLIENT);
    const error = await failureOf(exchange(code, verifier, { clientId: CONFIDENTIAL_CLIENT }), x, [
      code,
      verifier,
    ]);
    expect(error.code).toBe('auth_invalid');
  });
});

describe('rate limits', () => {
  it('reports the window and the 24-hour cap of a create on the result, with the bucket named', async () => {
    const result = await h.adapter().publish({ text: 'Counted' }, h.context());
    expect(result.rateLimit).toEqual({
      limit: 100,
      remaining: 99,
      resetAt: new Date(START + 15 * MINUTE),
      scope: 'user',
      bucket: 'POST /2/tweets',
      daily: {
        limit: 10_000,
        remaining: 9_999,
        resetAt: new Date(START + DAY),
        scope: 'user',
        bucket: 'POST /2/tweets',
      },
    });
  });

  it('reports a spent 24-hour cap as quota_exceeded, resetting when the cap does', async () => {
    x.sim.limiter.setBudget('tweets-create-24h', { limit: 1, windowMs: DAY, kind: 'fixed' });
    const adapter = h.adapter();
    const first = await adapter.publish({ text: 'The one post of the day' }, h.context());
    expect(first.rateLimit?.daily).toMatchObject({ limit: 1, remaining: 0 });
    h.clock.advance(20 * MINUTE);
    const error = await failureOf(adapter.publish({ text: 'One too many' }, h.context()), x);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.code).toBe('quota_exceeded');
    expect((error as RateLimitError).resetAt).toEqual(new Date(START + DAY));
    expect(error.rateLimit?.daily).toEqual({
      limit: 1,
      remaining: 0,
      resetAt: new Date(START + DAY),
      scope: 'user',
      bucket: 'POST /2/tweets',
    });
    expect(x.sim.posts.size).toBe(1);
  });

  it.each([
    ['problem JSON', h, { code: 'about:blank', message: 'Too Many Requests', type: 'Too Many Requests' }],
    ['legacy code 88', legacy, { code: 88, message: 'Rate limit exceeded' }],
  ])(
    'reports a 429 with a %s body as rate_limited, resetting at x-rate-limit-reset',
    async (_name, world, platformError) => {
      world.x.sim.limiter.setBudget('tweets-delete', { limit: 1, windowMs: 15 * MINUTE, kind: 'fixed' });
      const adapter = world.adapter();
      const seen: RateLimitInfo[] = [];
      const context = world.context({ onRateLimit: (info) => seen.push(info) });
      const one = await adapter.publish({ text: 'one' }, context);
      const two = await adapter.publish({ text: 'two' }, context);
      await adapter.delete(one.ref, context);
      h.clock.advance(5 * MINUTE);

      const error = await failureOf(adapter.delete(two.ref, context), world.x);
      expect(RateLimitError.isInstance(error)).toBe(true);
      expect(error.code).toBe('rate_limited');
      expect(error.status).toBe(429);
      expect(error.retryable).toBe(true);
      expect(error.platformError).toEqual(platformError);
      expect((error as RateLimitError).resetAt).toEqual(new Date(START + 15 * MINUTE));
      expect(error.rateLimit).toEqual({
        limit: 1,
        remaining: 0,
        resetAt: new Date(START + 15 * MINUTE),
        scope: 'user',
        bucket: 'DELETE /2/tweets/:id',
      });
      expect(seen.at(-1)).toEqual(error.rateLimit);
      expect(world.x.sim.posts.get(two.ref.platformPostId)).toBeDefined();
    },
  );

  it('hands every response window to onRateLimit, in order, with its bucket', async () => {
    const recorder = recordingFetch();
    const seen: RateLimitInfo[] = [];
    const adapter = h.adapter({ fetch: recorder.fetch });
    const context = h.context({ onRateLimit: (info) => seen.push(info) });
    await adapter.publish(
      { text: 'Look', media: [{ kind: 'image', mimeType: 'image/png', source: bytes() }] },
      context,
    );
    await adapter.getAccountMetrics(context);

    expect(seen).toHaveLength(recorder.responses.length);
    expect(seen.map((info) => [info.bucket, info.limit, info.remaining])).toEqual([
      ['POST /2/media/upload/initialize', 1_875, 1_874],
      ['POST /2/media/upload/:id/append', 1_875, 1_874],
      ['POST /2/media/upload/:id/finalize', 1_875, 1_874],
      ['POST /2/tweets', 100, 99],
      ['GET /2/users/me', 75, 74],
    ]);
    expect(seen.map((info) => info.resetAt)).toEqual(
      recorder.responses.map(
        (response) => new Date(Number(response.headers.get('x-rate-limit-reset')) * 1000),
      ),
    );
  });

  it('books account metrics on the bucket X reports for them, with its budget', async () => {
    const adapter = h.adapter();
    const seen: RateLimitInfo[] = [];
    const context = h.context({ onRateLimit: (info) => seen.push(info) });
    await adapter.getAccountMetrics(context);

    const me = seen.at(-1);
    expect(me?.bucket).toBe('GET /2/users/me');
    // The publisher paces an operation by the budgets of the buckets it names: the bucket is named,
    // and its budget is the window X reports.
    const { operations, budgets } = adapter.capabilities.rateLimits;
    expect(operations?.metrics).toContain(me?.bucket);
    const windows = (bucket: string | undefined) =>
      budgets.filter((budget) => budget.bucket === bucket).map((budget) => [budget.limit, budget.windowSec]);
    expect(windows(me?.bucket)).toEqual([[me?.limit, 15 * 60]]);
  });
});

describe('errors', () => {
  it("maps X's problem JSON, keeping its type, detail and title", async () => {
    const ref = { platform: 'x', accountId: ana.account.id, platformPostId: '999999' };
    const error = await failureOf(h.adapter().delete(ref, h.context()), x);
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.code).toBe('not_found');
    expect(error.status).toBe(404);
    expect(error.platformError).toEqual({
      code: 'https://api.x.com/2/problems/resource-not-found',
      message: 'Could not find tweet with id: [999999].',
      type: 'Not Found Error',
    });
    expect(error.message).toContain('Could not find tweet with id: [999999].');
  });

  it("quotes X's reason from errors[] when it refuses a request as invalid", async () => {
    // The adapter is told of a Premium limit the account does not have, so X refuses the text.
    const error = await failureOf(
      h.adapter({ maxTextLength: 25_000 }).publish({ text: 'a'.repeat(300) }, h.context()),
      x,
    );
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.code).toBe('platform_refused');
    expect(error.status).toBe(400);
    expect(error.platformError?.code).toBe('https://api.x.com/2/problems/invalid-request');
    expect(error.platformError?.message).toBe(
      `One or more parameters to your request was invalid. ${TEXT_TOO_LONG_MESSAGE}`,
    );
    expect(error.message).toContain(TEXT_TOO_LONG_MESSAGE);
  });

  it("reports X's bare 403 for a token without media.write as auth_missing_scope, before any post", async () => {
    // A token granted what posting text needs, but not media.write: X's upload answers its bare
    // 403 {"title":"Forbidden","type":"about:blank","status":403,"detail":"Forbidden"}.
    const token = x.sim.tokens.issue(ana.account.id, { scopes: ['tweet.read', 'tweet.write', 'users.read'] });
    const context = h.context({ tokens: staticTokenProvider(token.accessToken) });
    const post = {
      text: 'A chart',
      media: [{ kind: 'image' as const, mimeType: 'image/png', source: bytes() }],
    };
    const error = await failureOf(h.adapter().publish(post, context), x);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'auth_missing_scope', status: 403, retryable: false });
    expect(error.message).toContain('lacks a scope');
    expect(error.hint).toContain('media.write');
    expect(x.sim.posts.size).toBe(0);
  });

  it('reports the same text published twice as duplicate_content', async () => {
    const adapter = h.adapter();
    await adapter.publish({ text: 'Same words' }, h.context());
    const error = await failureOf(adapter.publish({ text: 'Same words' }, h.context()), x);
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.code).toBe('duplicate_content');
    expect(error.status).toBe(403);
    expect(error.retryable).toBe(false);
    expect(error.platformError?.message).toBe(DUPLICATE_CONTENT_DETAIL);
    expect(x.sim.posts.size).toBe(1);
  });

  it('refreshes once after a 401 and then succeeds', async () => {
    const carol = freshAccount();
    const persisted: TokenSet[] = [];
    const tokens = createRefreshingTokenProvider({
      platform: 'x',
      tokens: {
        accessToken: carol.accessToken,
        refreshToken: carol.refreshToken ?? '',
        expiresAt: carol.expiresAt,
      },
      refresh: (refreshToken) => refresh(refreshToken),
      persist: (next) => {
        persisted.push(next);
      },
      clock: h.adapterClock,
    });
    x.sim.faults.inject({ kind: 'expired_token', route: CREATE_POST });
    const result = await h
      .adapter()
      .publish({ text: 'After a refresh' }, { ...h.context({}, carol), tokens });

    expect(h.requests(CREATE_POST).map((entry) => entry.status)).toEqual([401, 201]);
    expect(h.requests(TOKEN)).toHaveLength(1);
    expect(persisted).toHaveLength(1);
    expect(persisted[0]?.refreshToken).not.toBe(carol.refreshToken);
    expect(x.sim.posts.get(result.ref.platformPostId)?.accountId).toBe(carol.account.id);
  });

  it('reports a 401 as auth_expired when the token cannot be refreshed', async () => {
    x.sim.faults.inject({ kind: 'expired_token', route: CREATE_POST });
    const error = await failureOf(h.adapter().publish({ text: 'No refresh' }, h.context()), x);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_expired');
    expect(error.status).toBe(401);
    expect(h.requests(CREATE_POST)).toHaveLength(1);
  });

  it('refreshes only once when X still answers 401, then reports auth_expired', async () => {
    const carol = freshAccount();
    const tokens = createRefreshingTokenProvider({
      platform: 'x',
      tokens: {
        accessToken: carol.accessToken,
        refreshToken: carol.refreshToken ?? '',
        expiresAt: carol.expiresAt,
      },
      refresh: (refreshToken) => refresh(refreshToken),
      persist: () => {},
      clock: h.adapterClock,
    });
    x.sim.faults.inject({ kind: 'revoked_token', route: CREATE_POST, times: 2 });
    const error = await failureOf(
      h.adapter().publish({ text: 'Still refused' }, { ...h.context({}, carol), tokens }),
      x,
    );
    expect(error.code).toBe('auth_expired');
    expect(h.requests(CREATE_POST)).toHaveLength(2);
    expect(h.requests(TOKEN)).toHaveLength(1);
  });

  it('finds a post whose create answer was lost with findRecentPosts', async () => {
    x.sim.faults.inject({ kind: 'accepted_then_lost', route: CREATE_POST });
    const adapter = h.adapter();
    const error = await failureOf(adapter.publish({ text: 'Did it post? & <yes>' }, h.context()), x);
    expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);
    const [stored] = x.sim.posts.filter((post) => post.accountId === ana.account.id);
    if (stored === undefined) throw new Error('X should have stored the post');

    h.clock.advance(MINUTE);
    const found = await adapter.findRecentPosts(
      { since: new Date(START - MINUTE), text: 'Did it post? & <yes>' },
      h.context(),
    );
    expect(found).toEqual([
      {
        ref: {
          platform: 'x',
          accountId: ana.account.id,
          platformPostId: stored.id,
          url: `https://x.com/ana/status/${stored.id}`,
        },
        text: stored.text,
        createdAt: new Date(START),
      },
    ]);
    expect(
      await adapter.findRecentPosts({ since: new Date(START - MINUTE), text: 'Something else' }, h.context()),
    ).toEqual([]);
  });

  it('looks for a post without text among posts with media only, never a post that is only a link', async () => {
    const adapter = h.adapter();
    await adapter.publish({ text: 'https://example.com/only-a-link' }, h.context());
    const media = await adapter.publish(
      { media: [{ kind: 'image', mimeType: 'image/png', source: bytes() }] },
      h.context(),
    );
    const since = new Date(START - MINUTE);
    const found = await adapter.findRecentPosts({ since, text: '' }, h.context());
    expect(found.map((post) => post.ref.platformPostId)).toEqual([media.ref.platformPostId]);
    // And the other way round: a post that is only a link is never taken for the media post.
    const links = await adapter.findRecentPosts(
      { since, text: 'https://example.com/only-a-link' },
      h.context(),
    );
    expect(links.map((post) => post.ref.platformPostId)).not.toContain(media.ref.platformPostId);
    expect(links).toHaveLength(1);
  });
});
