import type { MediaProcessingErrorCode } from './error-code.js';
import { SmmkitError, type SmmkitErrorOptions } from './smmkit-error.js';

/** Options of {@link MediaProcessingError}. */
export interface MediaProcessingErrorOptions extends SmmkitErrorOptions {
  /** Index of the failing item in `post.media`, when known. */
  readonly mediaIndex?: number | undefined;
}

/**
 * The platform could not process uploaded media (wrong codec, corrupt file, fetch failure), or
 * processing did not finish in time. Nothing was published.
 */
export class MediaProcessingError extends SmmkitError {
  static override readonly kind: string = 'MediaProcessingError';
  declare readonly code: MediaProcessingErrorCode;
  /** Index of the failing item in `post.media`, when known. */
  readonly mediaIndex: number | undefined;

  /**
   * @param code - `media_processing_failed` or `media_processing_timeout`
   * @param message - what happened
   * @param options - context; see {@link MediaProcessingErrorOptions}
   */
  constructor(code: MediaProcessingErrorCode, message: string, options: MediaProcessingErrorOptions = {}) {
    super(code, message, code === 'media_processing_timeout', {
      hint:
        code === 'media_processing_timeout'
          ? 'Processing is slow; try again later or raise the adapter polling timeout.'
          : "Fix the media file (format, codec, size, duration) as the platform's message says.",
      ...options,
    });
    this.mediaIndex = options.mediaIndex;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), mediaIndex: this.mediaIndex };
  }
}
