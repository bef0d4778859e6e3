import { MediaProcessingError } from '../errors/media-processing-error.js';
import type { PublishContext } from './context.js';
import { pollUntil } from './poll-until.js';

/** How long to wait for a platform to process uploaded media. */
export interface MediaPolling {
  /** Milliseconds between two checks, or a function that says it after each check ("ask again in n seconds"). */
  readonly intervalMs: number | (() => number);
  /** Milliseconds before giving up with `MediaProcessingError('media_processing_timeout')`. */
  readonly timeoutMs: number;
}

/** What {@link waitForMediaProcessing} waits for. */
export interface MediaProcessingWait extends MediaPolling {
  /** The adapter's platform id, for the error. */
  readonly platform: string;
  /** The platform's name in messages (`LinkedIn`). */
  readonly platformName: string;
  /** Index of the item in the post's (or thread part's) media, for progress and errors. */
  readonly mediaIndex: number;
  /** The item as the platform names it, for messages (`media id 1880028106020515840`, a URN). */
  readonly media: string;
  /**
   * One check: `true` when the media is ready, `false` while it is processing; throws (a
   * `MediaProcessingError('media_processing_failed')`) when the platform gave up. `attempt` counts
   * from 0, so the first check can use the upload's answer instead of asking again.
   */
  check(attempt: number): Promise<boolean>;
  /** The platform's progress percentage after a check that was not done, when it reports one. */
  percent?(): number | undefined;
}

/**
 * Waits while a platform processes uploaded media, on the context's clock: checks until `check`
 * says ready, reporting `onProgress({ stage: 'processing', mediaIndex, percent })` after each
 * check that is not, and gives up after `timeoutMs` with
 * `MediaProcessingError('media_processing_timeout')`. An abort while waiting is an `AbortedError`.
 *
 * @param context - the publish context (clock, signal, progress)
 * @param wait - the platform, the item, the check and how long to wait
 * @throws MediaProcessingError when the media is still processing after `timeoutMs`, or what `check` throws
 *
 * @example
 * ```ts
 * await waitForMediaProcessing(ctx, {
 *   platform: 'acme', platformName: 'Acme', mediaIndex: 0, media: `asset ${assetId}`,
 *   intervalMs: 5000, timeoutMs: 300_000,
 *   check: async () => (await getAsset(assetId)).status === 'ready',
 * });
 * ```
 */
export async function waitForMediaProcessing(
  context: PublishContext,
  wait: MediaProcessingWait,
): Promise<void> {
  const { mediaIndex, platformName } = wait;
  await pollUntil(context, {
    timeoutMs: wait.timeoutMs,
    intervalMs: wait.intervalMs,
    during: `${platformName} was processing media`,
    check: async (attempt) => {
      if (await wait.check(attempt)) return true;
      const percent = wait.percent?.();
      context.onProgress?.({
        stage: 'processing',
        mediaIndex,
        ...(percent === undefined ? {} : { percent }),
      });
      return false;
    },
    timedOut: () =>
      new MediaProcessingError(
        'media_processing_timeout',
        `${platformName} was still processing media ${mediaIndex} (${wait.media}) after ${wait.timeoutMs} ms.`,
        { platform: wait.platform, mediaIndex },
      ),
  });
}
