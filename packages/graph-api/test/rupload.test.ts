import {
  MediaProcessingError,
  type PublishContext,
  type PublishProgress,
  TransientError,
} from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { uploadToRupload } from '../src/index.js';
import { CONTEXT, recordingHttp } from './support/recording-http.js';

const URL_ = 'https://rupload.facebook.com/video-upload/v26.0/55';
/** The adapter's configured Graph origin. */
const GRAPH = 'https://graph.facebook.com';

function publishContext(): { context: PublishContext; progress: PublishProgress[] } {
  const progress: PublishProgress[] = [];
  return { context: { ...CONTEXT, onProgress: (event) => progress.push(event) }, progress };
}

/** A publish context that counts how often its token is read. */
function countingTokenReads(): { context: PublishContext; tokenReads: () => number } {
  let reads = 0;
  const context: PublishContext = {
    ...CONTEXT,
    tokens: {
      getAccessToken: async () => {
        reads += 1;
        return 'tok-1';
      },
    },
  };
  return { context, tokenReads: () => reads };
}

/** A three-byte video to upload. */
const video = {
  kind: 'video',
  mimeType: 'video/mp4',
  source: { type: 'bytes', bytes: new Uint8Array(3) },
} as const;

describe('uploadToRupload', () => {
  it('never sends the token to an upload URL that is not https: refused before the token is read', async () => {
    const { http, requests } = recordingHttp(() => ({ success: true }));
    const { context, tokenReads } = countingTokenReads();
    for (const url of ['http://rupload.facebook.com/video-upload/v26.0/55', 'not a url']) {
      const error = await uploadToRupload(
        http,
        { url, operation: 'upload reel', media: video, trustedOrigins: [GRAPH] },
        context,
      ).catch((caught: unknown) => caught);
      expect(TransientError.isInstance(error) && error.code).toBe('invalid_response');
    }
    expect(requests).toEqual([]);
    expect(tokenReads()).toBe(0);
  });

  it('sends the token only to rupload.facebook.com or a configured origin: a tampered upload URL is refused before the token is read', async () => {
    const { http, requests } = recordingHttp(() => ({ success: true }));
    const { context, tokenReads } = countingTokenReads();
    for (const url of [
      'https://attacker.example/video-upload/v26.0/55',
      'https://rupload.facebook.com.attacker.example/video-upload/v26.0/55',
      'https://evil-rupload.facebook.com/video-upload/v26.0/55',
      'https://rupload.facebook.com:8443/video-upload/v26.0/55',
      'https://graph.facebook.com.attacker.example/v26.0/55',
    ]) {
      const error = await uploadToRupload(
        http,
        { url, operation: 'upload reel', media: video, trustedOrigins: [GRAPH] },
        context,
      ).catch((caught: unknown) => caught);
      if (!TransientError.isInstance(error)) throw new Error(`expected a TransientError for ${url}`);
      expect(error.code).toBe('invalid_response');
      expect(error.message).toContain('upload reel was not sent');
      expect(error.message).toContain('rupload.facebook.com');
      expect(error.hint).toContain('Publish again');
      expect(JSON.stringify(error)).not.toContain('tok-1');
    }
    expect(requests).toEqual([]);
    expect(tokenReads()).toBe(0);

    // Meta's host and the configured origins (a simulator or proxy) get the upload with the token.
    for (const [url, trusted] of [
      [URL_, [GRAPH]],
      ['https://graph.facebook.com/ig-api-upload/v26.0/7', [GRAPH]],
      ['http://localhost:8080/video-upload/v26.0/55', ['http://localhost:8080']],
      ['https://rupload.sim.test/video-upload/v26.0/55', [GRAPH, 'https://rupload.sim.test']],
    ] as const) {
      await uploadToRupload(
        http,
        { url, operation: 'upload reel', media: video, trustedOrigins: trusted },
        context,
      );
    }
    expect(requests.map((request) => [request.path, request.headers?.Authorization])).toEqual([
      [URL_, 'OAuth tok-1'],
      ['https://graph.facebook.com/ig-api-upload/v26.0/7', 'OAuth tok-1'],
      ['http://localhost:8080/video-upload/v26.0/55', 'OAuth tok-1'],
      ['https://rupload.sim.test/video-upload/v26.0/55', 'OAuth tok-1'],
    ]);
  });

  it('sends the bytes from offset 0 with file_size, the token as an OAuth header named a secret, not the Bearer one', async () => {
    const { http, requests } = recordingHttp(() => ({ success: true }));
    const { context, progress } = publishContext();
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    await uploadToRupload(
      http,
      {
        url: URL_,
        trustedOrigins: [GRAPH],
        operation: 'upload reel',
        media: { kind: 'video', mimeType: 'video/mp4', source: { type: 'bytes', bytes } },
        mediaIndex: 0,
      },
      context,
    );
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: URL_,
      operation: 'upload reel',
      auth: false,
      secrets: ['tok-1'],
      headers: {
        Authorization: 'OAuth tok-1',
        offset: '0',
        file_size: '5',
        'Content-Type': 'application/octet-stream',
      },
    });
    expect(request?.headers).not.toHaveProperty('file_url');
    const body = request?.body;
    expect(body).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (body as Blob).arrayBuffer())).toEqual(bytes);
    expect(progress).toEqual([
      { stage: 'upload', mediaIndex: 0, bytesSent: 0, bytesTotal: 5 },
      { stage: 'upload', mediaIndex: 0, bytesSent: 5, bytesTotal: 5 },
    ]);
  });

  it('passes a public URL on as the file_url header, with no body', async () => {
    const { http, requests } = recordingHttp(() => ({ success: true }));
    const { context, progress } = publishContext();
    await uploadToRupload(
      http,
      {
        url: URL_,
        trustedOrigins: [GRAPH],
        operation: 'upload reel',
        media: {
          kind: 'video',
          mimeType: 'video/mp4',
          source: { type: 'url', url: 'https://cdn.test/v.mp4' },
        },
        mediaIndex: 2,
      },
      context,
    );
    expect(requests[0]?.headers).toEqual({
      Authorization: 'OAuth tok-1',
      file_url: 'https://cdn.test/v.mp4',
    });
    expect(requests[0]?.body).toBeUndefined();
    expect(requests[0]?.auth).toBe(false);
    expect(progress).toEqual([{ stage: 'upload', mediaIndex: 2 }]);
  });

  it('leaves mediaIndex out of progress when not given, and takes an answer with no body', async () => {
    const { http } = recordingHttp(() => undefined);
    const { context, progress } = publishContext();
    await uploadToRupload(
      http,
      {
        url: URL_,
        trustedOrigins: [GRAPH],
        operation: 'upload video',
        media: { kind: 'video', mimeType: 'video/mp4', source: { type: 'bytes', bytes: new Uint8Array(3) } },
      },
      context,
    );
    expect(progress).toEqual([
      { stage: 'upload', bytesSent: 0, bytesTotal: 3 },
      { stage: 'upload', bytesSent: 3, bytesTotal: 3 },
    ]);
  });

  it('stops on a 200 that says the upload failed: retryable, or a failed video when rupload will not retry', async () => {
    const video = {
      kind: 'video',
      mimeType: 'video/mp4',
      source: { type: 'url', url: 'https://cdn.example.com/reel.mp4' },
    } as const;
    const context: PublishContext = { ...CONTEXT, tokens: { getAccessToken: async () => 'tok-12345' } };
    const upload = (answer: unknown) =>
      uploadToRupload(
        recordingHttp(() => answer).http,
        { url: URL_, operation: 'upload reel', media: video, mediaIndex: 0, trustedOrigins: [GRAPH] },
        context,
      ).catch((caught: unknown) => caught);

    const retryable = await upload({ success: false, message: 'Upload failed for tok-12345. Please retry.' });
    if (!TransientError.isInstance(retryable))
      throw new Error(`expected a TransientError, got ${String(retryable)}`);
    expect(retryable.retryable).toBe(true);
    expect(retryable.message).toMatch(/upload reel failed .*nothing was published/);
    // The token went with the request as a secret: the host's words quoting it are redacted.
    expect(JSON.stringify(retryable.platformError)).not.toContain('tok-12345');

    const refused = await upload({
      debug_info: { retriable: false, type: 'ProcessingFailedError', message: 'Request processing failed' },
    });
    if (!MediaProcessingError.isInstance(refused))
      throw new Error(`expected a MediaProcessingError, got ${String(refused)}`);
    expect(refused).toMatchObject({ code: 'media_processing_failed', retryable: false, mediaIndex: 0 });
    expect(refused.platformError).toEqual({
      type: 'ProcessingFailedError',
      message: 'Request processing failed',
    });

    await expect(upload({ success: true })).resolves.toBeUndefined();
    // Words beside a success do not undo it.
    await expect(upload({ success: true, debug_info: { message: 'Took a while' } })).resolves.toBeUndefined();
  });
});
