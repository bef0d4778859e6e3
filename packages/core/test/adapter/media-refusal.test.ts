import { describe, expect, it } from 'vitest';
import { mediaRefusalAsProcessingError } from '../../src/adapter/media-refusal.js';
import { MediaProcessingError } from '../../src/errors/media-processing-error.js';
import { PlatformError } from '../../src/errors/platform-error.js';

describe('mediaRefusalAsProcessingError', () => {
  it("turns the platform's refusal of a file into a MediaProcessingError for that item, keeping its words", async () => {
    const refusal = new PlatformError('platform_refused', 'Unsupported codec', {
      platform: 'mastodon',
      status: 422,
      platformError: { message: 'Unsupported codec' },
    });
    const error: unknown = await mediaRefusalAsProcessingError(2, 422, () => Promise.reject(refusal)).catch(
      (caught: unknown) => caught,
    );
    expect(MediaProcessingError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'media_processing_failed',
      platform: 'mastodon',
      status: 422,
      mediaIndex: 2,
      message: expect.stringContaining('Unsupported codec'),
      platformError: { message: 'Unsupported codec' },
      cause: refusal,
    });
  });

  it('lets other failures and other statuses through unchanged, and returns what the request returns', async () => {
    const notFound = new PlatformError('not_found', 'gone', { status: 404 });
    await expect(mediaRefusalAsProcessingError(0, 422, () => Promise.reject(notFound))).rejects.toBe(
      notFound,
    );
    await expect(mediaRefusalAsProcessingError(0, 422, () => Promise.resolve('media-1'))).resolves.toBe(
      'media-1',
    );
  });
});
