import {
  AuthError,
  MediaProcessingError,
  PlatformError,
  RateLimitError,
  type RateLimitInfo,
  type SmmkitError,
  TransientError,
} from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { INSTAGRAM_GRAPH_BUCKET, parseInstagramRateLimit } from '../src/index.js';
import { failureOf, HOUR, START, useInstagram } from './support/harness.js';

const h = useInstagram();
const { ig, ana } = h;
// Small budgets, so a few calls use them up: 4 app calls per hour, 6 Instagram calls per day.
const tight = h.sibling({
  baseUrl: 'https://tight.graph.test',
  ruploadUrl: 'https://tight.rupload.test',
  budgets: { app: { limit: 4, windowMs: HOUR, kind: 'fixed' } },
});
const business = h.sibling({
  baseUrl: 'https://business.graph.test',
  ruploadUrl: 'https://business.rupload.test',
  budgets: { instagram: { limit: 2, windowMs: HOUR, kind: 'fixed' } },
});

const ACCOUNT = 'GET /:version/:id';

describe('usage headers', () => {
  it('reports X-App-Usage as the used share of the app budget after every call, well before 100 %', async () => {
    const seen: RateLimitInfo[] = [];
    const adapter = tight.adapter();
    const context = tight.context({ onRateLimit: (info) => seen.push(info) });
    for (let call = 0; call < 3; call += 1) await adapter.getAccountMetrics(context);
    expect(seen.map((info) => info.usedFraction)).toEqual([0.25, 0.5, 0.75]);
    expect(seen.every((info) => info.scope === 'app' && info.bucket === INSTAGRAM_GRAPH_BUCKET)).toBe(true);
  });

  it('takes the highest figure of either header, and the regain time of the business header', () => {
    const now = START;
    const info = parseInstagramRateLimit(
      new Headers({
        'x-app-usage': '{"call_count":12,"total_cputime":3,"total_time":40}',
        'x-business-use-case-usage': JSON.stringify({
          '17841400000000001': [
            {
              type: 'instagram',
              call_count: 91,
              total_cputime: 20,
              total_time: 5,
              estimated_time_to_regain_access: 7,
            },
          ],
        }),
      }),
      now,
    );
    expect(info).toEqual({
      usedFraction: 0.91,
      scope: 'business',
      bucket: INSTAGRAM_GRAPH_BUCKET,
      resetAt: new Date(now + 7 * 60_000),
    });
    expect(
      parseInstagramRateLimit(new Headers({ 'x-app-usage': '{"call_count":"55","total_time":"x"}' }), now),
    ).toEqual({ usedFraction: 0.55, scope: 'app', bucket: INSTAGRAM_GRAPH_BUCKET });
    expect(parseInstagramRateLimit(new Headers({ 'x-app-usage': 'not json' }), now)).toBeUndefined();
    expect(parseInstagramRateLimit(new Headers(), now)).toBeUndefined();
  });
});

describe('throttling', () => {
  it('turns code 4 after the app budget into a retryable RateLimitError, reset within the hour, message kept', async () => {
    const adapter = tight.adapter();
    for (let call = 0; call < 4; call += 1) await adapter.getAccountMetrics(tight.context());
    const error = await failureOf(adapter.getAccountMetrics(tight.context()), tight.ig);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.code).toBe('rate_limited');
    expect(error.retryable).toBe(true);
    expect(error.platformError).toMatchObject({ code: 4, message: '(#4) Application request limit reached' });
    expect((error as RateLimitError).resetAt).toEqual(new Date(START + HOUR));
    expect(error.rateLimit?.usedFraction).toBe(1);
  });

  it('turns 80002 (Instagram business use case) into a RateLimitError reset when Meta says access returns', async () => {
    const adapter = business.adapter();
    h.clock.advance(10 * 60_000);
    for (let call = 0; call < 2; call += 1) await adapter.getAccountMetrics(business.context());
    const error = await failureOf(adapter.getAccountMetrics(business.context()), business.ig);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.platformError?.code).toBe(80002);
    expect(error.rateLimit?.scope).toBe('business');
    // The window opened at START + 10 min and lasts an hour: 60 minutes to regain access.
    expect((error as RateLimitError).resetAt).toEqual(new Date(START + 10 * 60_000 + HOUR));
  });
});

/** An adapter whose every request gets `error` (a Graph error body) with `status`. */
async function graphFailure(error: Record<string, unknown>, status = 400): Promise<SmmkitError> {
  const stub: typeof fetch = async () =>
    Response.json({ error: { type: 'OAuthException', fbtrace_id: 'Atrace', ...error } }, { status });
  return failureOf(h.adapter({ fetch: stub }).getAccountMetrics(h.context()), ig);
}

describe('Graph error codes', () => {
  const cases: readonly {
    readonly name: string;
    readonly error: Record<string, unknown>;
    readonly status?: number;
    readonly kind: { isInstance(value: unknown): boolean };
    readonly code: string;
    readonly retryable: boolean;
  }[] = [
    {
      name: '190/463 expired token',
      error: { code: 190, error_subcode: 463, message: 'Error validating access token: Session has expired' },
      kind: AuthError,
      code: 'auth_expired',
      retryable: false,
    },
    {
      name: '190/460 password changed',
      error: { code: 190, error_subcode: 460, message: 'The session has been invalidated' },
      kind: AuthError,
      code: 'auth_revoked',
      retryable: false,
    },
    {
      name: '10 missing permission',
      error: { code: 10, message: '(#10) Application does not have permission for this action' },
      kind: AuthError,
      code: 'auth_missing_scope',
      retryable: false,
    },
    {
      name: '17 user throttled',
      error: { code: 17, message: '(#17) User request limit reached' },
      kind: RateLimitError,
      code: 'rate_limited',
      retryable: true,
    },
    {
      name: '32 Page throttled',
      error: { code: 32, message: '(#32) Page request limit reached' },
      kind: RateLimitError,
      code: 'rate_limited',
      retryable: true,
    },
    {
      name: '613 throttled',
      error: { code: 613, message: 'Calls to this api have exceeded the rate limit.' },
      kind: RateLimitError,
      code: 'rate_limited',
      retryable: true,
    },
    {
      name: '80002 Instagram throttled',
      error: { code: 80002, message: 'There have been too many calls to this Instagram account.' },
      kind: RateLimitError,
      code: 'rate_limited',
      retryable: true,
    },
    {
      name: '9/2207042 publishing quota',
      error: {
        code: 9,
        error_subcode: 2207042,
        message: 'Application request limit reached',
        error_user_msg:
          'You reached maximum number of posts that is allowed to be published by Content Publishing API.',
      },
      kind: RateLimitError,
      code: 'quota_exceeded',
      retryable: true,
    },
    {
      name: '9007/2207027 container not ready',
      error: { code: 9007, error_subcode: 2207027, message: 'Media ID is not available' },
      kind: TransientError,
      code: 'transient',
      retryable: true,
    },
    {
      name: '9004/2207052 media fetch failed',
      error: { code: 9004, error_subcode: 2207052, message: 'Media download has failed.' },
      kind: MediaProcessingError,
      code: 'media_processing_failed',
      retryable: false,
    },
    {
      name: '36003/2207009 aspect ratio refused',
      error: { code: 36_003, error_subcode: 2207009, message: 'The aspect ratio is not supported.' },
      kind: MediaProcessingError,
      code: 'media_processing_failed',
      retryable: false,
    },
    {
      name: '36004/2207010 caption too long',
      error: { code: 36_004, error_subcode: 2207010, message: 'The caption is too long.' },
      kind: PlatformError,
      code: 'platform_refused',
      retryable: false,
    },
    {
      name: '4/2207051 restricted as spam',
      error: {
        code: 4,
        error_subcode: 2207051,
        message: 'Application request limit reached',
        error_user_msg: 'We restrict certain activity to protect our community.',
      },
      kind: PlatformError,
      code: 'platform_refused',
      retryable: false,
    },
    {
      name: '2 with is_transient',
      error: {
        code: 2,
        is_transient: true,
        message: 'An unexpected error has occurred. Please retry your request later.',
      },
      status: 500,
      kind: TransientError,
      code: 'transient',
      retryable: true,
    },
    {
      name: '506 duplicate post',
      error: { code: 506, message: 'Duplicate status message' },
      kind: PlatformError,
      code: 'duplicate_content',
      retryable: false,
    },
    {
      name: '100 unknown object',
      error: {
        code: 100,
        error_subcode: 33,
        message: "Unsupported get request. Object with ID '1' does not exist",
      },
      kind: PlatformError,
      code: 'not_found',
      retryable: false,
    },
  ];

  for (const item of cases) {
    it(`maps ${item.name} to ${item.code}, keeping Meta's code, subcode, message and trace id`, async () => {
      const error = await graphFailure(item.error, item.status);
      expect(item.kind.isInstance(error)).toBe(true);
      expect(error.code).toBe(item.code);
      expect(error.retryable).toBe(item.retryable);
      expect(error.platform).toBe('instagram');
      expect(error.platformError).toMatchObject({
        code: item.error.code,
        ...(item.error.error_subcode === undefined ? {} : { subcode: item.error.error_subcode }),
        traceId: 'Atrace',
      });
      expect(error.platformError?.message).toContain(String(item.error.message));
      if (typeof item.error.error_user_msg === 'string')
        expect(error.message).toContain(item.error.error_user_msg);
    });
  }
});

describe('expired and revoked tokens', () => {
  it('refreshes once on 190/463 and repeats the call with the new token', async () => {
    ig.sim.faults.inject({ kind: 'expired_token', route: ACCOUNT });
    const fresh = ig.sim.tokens.issue(ana.account.id).accessToken;
    const rejected: string[] = [];
    const context = h.context({
      tokens: {
        getAccessToken: async () => ana.accessToken,
        refresh: async (token) => {
          rejected.push(token);
          return fresh;
        },
      },
    });
    const samples = await h.adapter().getAccountMetrics(context);
    expect(samples.find((sample) => sample.metric === 'followers')?.value).toBe(42);
    expect(rejected).toEqual([ana.accessToken]);
    expect(h.requests(ACCOUNT)).toHaveLength(2);
  });

  it('reports a revoked token (190/460) as auth_revoked without refreshing, and quotes no token', async () => {
    ig.sim.faults.inject({ kind: 'revoked_token', route: ACCOUNT });
    let refreshed = 0;
    const context = h.context({
      tokens: {
        getAccessToken: async () => ana.accessToken,
        refresh: async () => {
          refreshed += 1;
          return ana.accessToken;
        },
      },
    });
    const error = await failureOf(h.adapter().getAccountMetrics(context), ig);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_revoked');
    expect(error.platformError).toMatchObject({ code: 190, subcode: 460 });
    expect(error.platformError?.message).toContain('user changed their password');
    expect(refreshed).toBe(0);
  });
});
