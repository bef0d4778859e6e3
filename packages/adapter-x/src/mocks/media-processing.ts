import type { SimulatedMedia } from '@smmkit/testkit';
import type { ProcessingError, XContext } from './context.js';

/**
 * `processing_info` of FINALIZE and STATUS (https://docs.x.com/x-api/media/quickstart/media-upload-chunked;
 * `…ProcessingInfo` in https://api.x.com/2/openapi.json).
 */
export interface ProcessingInfoJson {
  /** `pending`, `in_progress`, `succeeded` or `failed`. */
  readonly state: 'pending' | 'in_progress' | 'succeeded' | 'failed';
  /** When to ask again, while not done. */
  readonly check_after_secs?: number;
  /** How far along. */
  readonly progress_percent?: number;
  /** Why it failed (`error`, not in the newest spec; the v1.1 docs give `{code, name, message}`). */
  readonly error?: ProcessingError;
}

/**
 * The error a failed processing reports by default, as X's media docs show it:
 * `{"code": 1, "name": "InvalidMedia", "message": "Unsupported video format"}`.
 */
export const DEFAULT_PROCESSING_ERROR: ProcessingError = {
  code: 1,
  name: 'InvalidMedia',
  message: 'Unsupported video format',
};

/**
 * Where processing stands: `pending` until `check_after_secs` has passed since FINALIZE, then
 * `in_progress` with a growing `progress_percent`, then `succeeded` (or `failed` with `error`)
 * after `mediaProcessingMs`. Images are never processed: no processing_info.
 */
export function processingInfo(
  context: XContext,
  media: SimulatedMedia,
  now: number,
): ProcessingInfoJson | undefined {
  if (media.kind === 'image') return undefined;
  context.sim.refreshMedia(media);
  if (media.state === 'ready') return { state: 'succeeded', progress_percent: 100 };
  const started = media.readyAt - context.mediaProcessingMs;
  const elapsed = Math.max(0, now - started);
  const progress = Math.min(
    99,
    Math.max(1, Math.floor((elapsed / Math.max(1, context.mediaProcessingMs)) * 100)),
  );
  if (media.state === 'failed') {
    const error = context.processingErrors.get(media.id) ?? DEFAULT_PROCESSING_ERROR;
    return { state: 'failed', progress_percent: progress, error };
  }
  if (elapsed < context.checkAfterSecs * 1000)
    return { state: 'pending', check_after_secs: context.checkAfterSecs };
  return { state: 'in_progress', check_after_secs: context.checkAfterSecs, progress_percent: progress };
}
