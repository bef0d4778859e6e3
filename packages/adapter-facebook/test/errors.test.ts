import {
  AuthError,
  MediaProcessingError,
  PlatformError,
  RateLimitError,
  type SmmkitError,
  TransientError,
} from '@smmkit/core';
import { type GraphErrorFields, graphError } from '@smmkit/graph-api/mocks';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { hostedVideo, photo, START, useFacebook } from './support/harness.js';

const h = useFacebook();
const since = new Date(START - 3_600_000);
const secrets = () => h.facebook.sim.tokens.allIssued();

/** A `fetch` that answers every request with the Graph error `fields` (as the simulator writes them). */
const answering =
  (fields: GraphErrorFields, status?: number): typeof fetch =>
  async () =>
    graphError(fields, status);

/** What reading the Page's recent posts fails with when Meta answers `fields`. */
const readFailure = (fields: GraphErrorFields, status?: number): Promise<SmmkitError> =>
  failureOf(h.adapter({ fetch: answering(fields, status) }).findRecentPosts({ since }, h.context()), {
    secrets,
  });

describe('the Graph error taxonomy on Facebook', () => {
  const cases: readonly {
    readonly name: string;
    readonly fields: GraphErrorFields;
    readonly status?: number;
    readonly kind: { isInstance(value: unknown): boolean };
    readonly code: string;
  }[] = [
    {
      name: 'app throttled (4)',
      fields: { code: 4, message: '(#4) Application request limit reached' },
      kind: RateLimitError,
      code: 'rate_limited',
    },
    {
      name: 'user throttled (17)',
      fields: { code: 17, message: '(#17) User request limit reached' },
      kind: RateLimitError,
      code: 'rate_limited',
    },
    {
      name: 'Page throttled (32)',
      fields: { code: 32, message: '(#32) Page request limit reached' },
      kind: RateLimitError,
      code: 'rate_limited',
    },
    {
      name: 'throttled (613)',
      fields: { code: 613, message: 'Calls to this api have exceeded the rate limit.' },
      kind: RateLimitError,
      code: 'rate_limited',
    },
    {
      name: 'Pages use case throttled (80001)',
      fields: { code: 80001, message: '(#80001) There have been too many calls to this Page account.' },
      kind: RateLimitError,
      code: 'rate_limited',
    },
    {
      name: 'unknown error (1)',
      fields: { code: 1, message: 'An unknown error occurred' },
      kind: TransientError,
      code: 'transient',
    },
    {
      name: 'service error (2, 500)',
      fields: {
        code: 2,
        message: 'An unexpected error has occurred. Please retry your request later.',
        isTransient: true,
      },
      status: 500,
      kind: TransientError,
      code: 'transient',
    },
    {
      name: 'permission denied (10)',
      fields: { code: 10, message: '(#10) Application does not have permission for this action' },
      kind: AuthError,
      code: 'auth_missing_scope',
    },
    {
      name: 'permission missing (200)',
      fields: {
        code: 200,
        message:
          '(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission',
      },
      kind: AuthError,
      code: 'auth_missing_scope',
    },
    {
      name: 'temporarily blocked (368)',
      fields: {
        code: 368,
        message: 'The action attempted has been deemed abusive or is otherwise disallowed',
      },
      kind: PlatformError,
      code: 'platform_refused',
    },
    {
      name: 'unknown object (100/33)',
      fields: {
        code: 100,
        subcode: 33,
        message: "Unsupported get request. Object with ID '1' does not exist",
      },
      kind: PlatformError,
      code: 'not_found',
    },
  ];

  for (const item of cases) {
    it(`maps ${item.name} to ${item.code}, keeping Meta's message, codes and fbtrace_id`, async () => {
      const error = await readFailure(item.fields, item.status);
      expect(item.kind.isInstance(error)).toBe(true);
      expect(error.code).toBe(item.code);
      expect(error.platform).toBe('facebook');
      expect(error.message).toContain(item.fields.message);
      expect(error.platformError).toMatchObject({
        code: item.fields.code,
        ...(item.fields.subcode === undefined ? {} : { subcode: item.fields.subcode }),
        message: item.fields.message,
        type: 'OAuthException',
        traceId: expect.stringMatching(/^Asim/),
      });
    });
  }

  it('says to wait on a temporary block (368), and does not call it retryable', async () => {
    const error = await readFailure({ code: 368, message: 'Temporarily blocked' });
    expect(error.retryable).toBe(false);
    expect(error.hint).toContain('temporarily blocked');
  });

  it('quotes Meta’s user message after its message', async () => {
    const error = await readFailure({
      code: 100,
      subcode: 1487390,
      message: 'Invalid parameter',
      userTitle: 'Invalid date',
      userMsg: 'The date must be in the future.',
    });
    expect(error.message).toContain('Invalid parameter The date must be in the future. (code 100/1487390)');
  });

  it('reports a duplicate post (506) as duplicate_content when publishing', async () => {
    const adapter = h.adapter({ fetch: answering({ code: 506, message: 'Duplicate status message' }) });
    const error = await failureOf(adapter.publish({ text: 'Same again' }, h.context()), { secrets });
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.code).toBe('duplicate_content');
    expect(error.platformError).toMatchObject({ code: 506, message: 'Duplicate status message' });
  });

  it('reports the simulator’s 500 (code 2, is_transient) on a read as a retryable TransientError', async () => {
    h.facebook.sim.faults.inject({ kind: 'server_error', route: 'GET /:version/:pageId/posts' });
    const error = await failureOf(h.adapter().findRecentPosts({ since }, h.context()), { secrets });
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.platformError).toMatchObject({ code: 2 });
  });

  describe('Page media errors', () => {
    const mediaCases: readonly {
      readonly name: string;
      readonly fields: GraphErrorFields;
      readonly post: Parameters<ReturnType<typeof h.adapter>['publish']>[0];
    }[] = [
      {
        name: 'a photo Facebook cannot read (324)',
        fields: { code: 324, message: '(#324) Missing or invalid image file' },
        post: { text: 'Fresh bread', media: [photo('loaf')] },
      },
      {
        name: 'a photo over the size or format rules (100/1366046)',
        fields: {
          code: 100,
          subcode: 1366046,
          message: 'Invalid parameter',
          userTitle: "Can't Read Files",
          userMsg:
            "Your photos couldn't be uploaded. Photos should be less than 4 MB and saved as JPG, PNG, GIF, TIFF, HEIF or WebP files.",
        },
        post: { text: 'Fresh bread', media: [photo('loaf')] },
      },
      {
        name: 'a video format Facebook does not support (352)',
        fields: { code: 352, message: "The video file you selected is in a format that we don't support." },
        post: { text: 'Our oven', media: [hostedVideo()] },
      },
      {
        name: 'a video URL Facebook cannot fetch (389)',
        fields: { code: 389, message: 'Unable to fetch video file from URL.' },
        post: { text: 'Our oven', media: [hostedVideo()] },
      },
    ];

    for (const item of mediaCases) {
      it(`reports ${item.name} as media_processing_failed, saying to use another file`, async () => {
        const adapter = h.adapter({ fetch: answering(item.fields) });
        const error = await failureOf(adapter.publish(item.post, h.context()), { secrets });
        expect(MediaProcessingError.isInstance(error)).toBe(true);
        expect(error.code).toBe('media_processing_failed');
        expect(error.retryable).toBe(false);
        expect(error.hint).toContain('another file');
        expect(error.platformError).toMatchObject({
          code: item.fields.code,
          ...(item.fields.subcode === undefined ? {} : { subcode: item.fields.subcode }),
        });
      });
    }

    it('reports a video upload Facebook asks to try again (6001) as transient', async () => {
      const error = await readFailure({
        code: 6001,
        message: 'There was a problem uploading your video. Please try again.',
      });
      expect(TransientError.isInstance(error)).toBe(true);
      expect(error.retryable).toBe(true);
    });
  });
});
