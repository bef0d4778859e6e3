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
import { INSTAGRAM_GRAPH_BUCKET } from '../src/index.js';
import { failureOf, HOUR, START, useInstagram } from './support/harness.js';

const h = useInstagram();
const { ig, ana } = h;
// Small budgets, so a few calls use them up: 4 app calls per hour (which Instagram calls never
// count against), 2 Instagram calls per hour.
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
  it('reports the Instagram use case’s usage, never the app budget’s: Instagram calls are held to the use case alone', async () => {
    const seen: RateLimitInfo[] = [];
    const adapter = tight.adapter();
    const context = tight.context({ onRateLimit: (info) => seen.push(info) });
    // Five calls over a 4-call app budget: it does not apply.
    for (let call = 0; call < 5; call += 1) await adapter.getAccountMetrics(context);
    expect(seen).toHaveLength(5);
    expect(seen.every((info) => info.scope === 'business' && info.bucket === INSTAGRAM_GRAPH_BUCKET)).toBe(
      true,
    );
  });
});

describe('throttling', () => {
  it('turns code 4 (app budget) into a retryable RateLimitError, reset within the hour, message kept', async () => {
    const error = await graphFailure({ code: 4, message: '(#4) Application request limit reached' });
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.code).toBe('rate_limited');
    expect(error.retryable).toBe(true);
    expect(error.platformError).toMatchObject({ code: 4, message: '(#4) Application request limit reached' });
    expect((error as RateLimitError).resetAt).toEqual(new Date(START + HOUR));
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

describe('Instagram publishing error codes', () => {
  const cases: readonly {
    readonly name: string;
    readonly error: Record<string, unknown>;
    readonly status?: number;
    readonly kind: { isInstance(value: unknown): boolean };
    readonly code: string;
    readonly retryable: boolean;
  }[] = [
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
      name: '-1/2207032 container creation failed (Meta: "Failed to create a media container. Try again.")',
      error: {
        code: -1,
        error_subcode: 2207032,
        message: 'Create media fail, please try to re-create media',
      },
      kind: TransientError,
      code: 'transient',
      retryable: true,
    },
    {
      name: '-2/2207003 download timed out (Meta: "Try again.")',
      error: { code: -2, error_subcode: 2207003, message: 'It takes too long to download the media.' },
      kind: TransientError,
      code: 'transient',
      retryable: true,
    },
    {
      name: '-2/2207020 container expired (Meta: "Generate a new container ID and use it to try again.")',
      error: {
        code: -2,
        error_subcode: 2207020,
        message: 'The media you are trying to access has expired. Please try to upload again.',
      },
      kind: TransientError,
      code: 'transient',
      retryable: true,
    },
    {
      name: '24/2207008 temporary error publishing a container (Meta: "Try again 1–2 times")',
      error: {
        code: 24,
        error_subcode: 2207008,
        message: 'Media builder expired',
        error_user_msg: 'The media builder with creation id does not exist or has been expired.',
      },
      kind: TransientError,
      code: 'transient',
      retryable: true,
    },
    {
      name: '-1 without a sub-code, an Instagram server error (Meta: every -1 "Try again")',
      error: { code: -1, message: 'An unknown error occurred' },
      kind: TransientError,
      code: 'transient',
      retryable: true,
    },
    {
      name: '-2 without a sub-code, an Instagram server error (Meta: every -2 "Try again")',
      error: { code: -2, message: 'An unexpected error has occurred. Please retry your request later.' },
      kind: TransientError,
      code: 'transient',
      retryable: true,
    },
    {
      name: '1/2207057 thumbnail offset out of bounds, which no retry cures',
      error: {
        code: 1,
        error_subcode: 2207057,
        message:
          'Thumbnail offset must be greater than or equal to 0 and less than video duration, i.e. 30000',
      },
      kind: PlatformError,
      code: 'platform_refused',
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

  it('says how to fix a thumb_offset Instagram refused with 1/2207057', async () => {
    const error = await graphFailure({ code: 1, error_subcode: 2207057, message: 'Thumbnail offset' });
    expect(error.hint).toContain('options.instagram.thumb_offset');
    expect(error.message).toContain("less than the video's duration");
  });

  it('asks to wait 30 seconds before trying a container again after 24/2207008, as Meta advises', async () => {
    const error = await graphFailure({ code: 24, error_subcode: 2207008, message: 'Media builder expired' });
    expect(TransientError.isInstance(error) && error.retryAt).toEqual(new Date(h.clock.now() + 30_000));
  });
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
