import { MediaProcessingError, type PublishContext } from '@smmkit/core';
import { type HttpClient, type MediaPolling, waitForMediaProcessing } from '@smmkit/core/adapter-kit';
import { MediaStatusSchema } from './schemas.js';
import { encodeUrn } from './urn.js';

/** The asset collections whose `status` says when an upload is usable. */
export type LinkedInAssetCollection = 'images' | 'videos' | 'documents';

/** An uploaded asset and the media item it is. */
export interface UploadedAsset {
  /** Which collection holds it. */
  readonly collection: LinkedInAssetCollection;
  /** Its URN. */
  readonly urn: string;
  /** The item's index in the post's media. */
  readonly mediaIndex: number;
}

/**
 * Waits until LinkedIn has processed an uploaded asset: `GET /rest/{images|videos|documents}/{urn}`
 * until `status` is `AVAILABLE` (Images, Videos and Documents APIs:
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api).
 * A post that names an asset still `PROCESSING` is refused, so publish waits here first.
 *
 * - `PROCESSING_FAILED` → `MediaProcessingError('media_processing_failed')` with LinkedIn's
 *   `processingFailureReason`;
 * - still processing after `timeoutMs` → `MediaProcessingError('media_processing_timeout')`;
 * - an abort while waiting → `AbortedError`.
 *
 * Progress goes to `onProgress` as `stage: 'processing'` after each check that is not done.
 *
 * @param http - the adapter's HTTP client
 * @param asset - the collection, the asset's URN and the item's index in the post's media
 * @param polling - how often and how long to wait
 * @param context - the publish context (tokens, signal, clock, progress)
 *
 * @example
 * ```ts
 * await waitUntilAvailable(http, { collection: 'videos', urn, mediaIndex: 0 }, { intervalMs: 5000, timeoutMs: 900_000 }, ctx);
 * ```
 */
export async function waitUntilAvailable(
  http: HttpClient,
  asset: UploadedAsset,
  polling: MediaPolling,
  context: PublishContext,
): Promise<void> {
  const { mediaIndex } = asset;
  await waitForMediaProcessing(context, {
    ...polling,
    platform: 'linkedin',
    platformName: 'LinkedIn',
    mediaIndex,
    media: asset.urn,
    check: async () => {
      const { data } = await http.request({
        method: 'GET',
        path: `/rest/${asset.collection}/${encodeUrn(asset.urn)}`,
        operation: 'check media processing',
        schema: MediaStatusSchema,
        context,
      });
      if (data.status === 'PROCESSING_FAILED') {
        const reason = data.processingFailureReason ?? 'processing failed';
        throw new MediaProcessingError(
          'media_processing_failed',
          `LinkedIn could not process media ${mediaIndex} (${asset.urn}): ${reason}`,
          { platform: 'linkedin', mediaIndex, platformError: { message: reason, type: 'PROCESSING_FAILED' } },
        );
      }
      return data.status === 'AVAILABLE';
    },
  });
}
