import { MediaProcessingError, type PublishContext, type RequestContext } from '@smmkit/core';
import {
  type HttpClient,
  type MediaPolling,
  systemClock,
  waitForMediaProcessing,
} from '@smmkit/core/adapter-kit';
import { publishFailure } from './fail-reasons.js';
import { type PublishStatusData, StatusSchema } from './schemas.js';

/**
 * Reads a publish's status: `POST /v2/post/publish/status/fetch/` with `{publish_id}`
 * (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status).
 *
 * @param http - the adapter's HTTP client
 * @param publishId - the publish, as its init answered
 * @param context - the request context (the creator's token)
 * @returns TikTok's status, public post ids as strings
 *
 * @example
 * ```ts
 * const { status, publicaly_available_post_id } = await fetchPublishStatus(http, publishId, ctx);
 * ```
 */
export async function fetchPublishStatus(
  http: HttpClient,
  publishId: string,
  context: RequestContext,
): Promise<PublishStatusData> {
  const { data } = await http.request({
    method: 'POST',
    path: '/v2/post/publish/status/fetch/',
    operation: 'fetch publish status',
    json: { publish_id: publishId },
    schema: StatusSchema,
    context,
  });
  return data.data;
}

/** The public post ids of a status, as strings (TikTok may send numbers). */
export function publicIdsOf(status: PublishStatusData): string[] {
  return (status.publicaly_available_post_id ?? []).map(String).filter((id) => id !== '');
}

/** Which publish to wait for, and how. */
export interface PublishWait extends MediaPolling {
  /** The publish. */
  readonly publishId: string;
  /** A direct post ends at `PUBLISH_COMPLETE`; an inbox draft at `SEND_TO_USER_INBOX`. */
  readonly mode: 'direct' | 'inbox';
}

/** How a wait ended. */
export type PublishOutcome =
  | {
      /** The post is published (a direct post) or in the creator's inbox (a draft). */
      readonly state: 'complete' | 'inbox';
      /** The public post ids; empty while TikTok moderates the post. */
      readonly publicIds: readonly string[];
    }
  | {
      /** TikTok was still processing when the wait ran out. */
      readonly state: 'pending';
      /** The last status read (`PROCESSING_UPLOAD`, `PROCESSING_DOWNLOAD`). */
      readonly status: string;
    };

/**
 * Reads a publish's status at once and then every `intervalMs` on the context's clock (kit's
 * `waitForMediaProcessing`, reporting `processing` progress) until TikTok is done:
 *
 * - `PUBLISH_COMPLETE` → `complete`, with the public ids TikTok gave (none while it moderates);
 * - `SEND_TO_USER_INBOX` for a draft → `inbox`;
 * - `FAILED` → the error its `fail_reason` means ({@link publishFailure});
 * - still `PROCESSING_*` after `timeoutMs` → `pending`, not an error: TikTok has the post and
 *   goes on publishing it, so a retry would post it twice.
 *
 * @param http - the adapter's HTTP client
 * @param wait - the publish, its mode, the interval and the timeout
 * @param context - the publish context
 * @returns how the wait ended
 * @throws the error a FAILED publish means
 *
 * @example
 * ```ts
 * const outcome = await waitForPublish(http, { publishId, mode: 'direct', intervalMs: 5000, timeoutMs: 600_000 }, ctx);
 * ```
 */
export async function waitForPublish(
  http: HttpClient,
  wait: PublishWait,
  context: PublishContext,
): Promise<PublishOutcome> {
  const clock = context.clock ?? systemClock;
  let last: PublishStatusData | undefined;
  try {
    await waitForMediaProcessing(context, {
      platform: 'tiktok',
      platformName: 'TikTok',
      mediaIndex: 0,
      media: `publish ${wait.publishId}`,
      intervalMs: wait.intervalMs,
      timeoutMs: wait.timeoutMs,
      check: async () => {
        last = await fetchPublishStatus(http, wait.publishId, context);
        if (last.status === 'FAILED')
          throw publishFailure(wait.publishId, last.fail_reason ?? undefined, clock.now());
        if (last.status === 'PUBLISH_COMPLETE') return true;
        return wait.mode === 'inbox' && last.status === 'SEND_TO_USER_INBOX';
      },
    });
  } catch (error) {
    if (MediaProcessingError.isInstance(error) && error.code === 'media_processing_timeout')
      return { state: 'pending', status: last?.status ?? 'unknown' };
    throw error;
  }
  const done = last as PublishStatusData;
  return { state: done.status === 'SEND_TO_USER_INBOX' ? 'inbox' : 'complete', publicIds: publicIdsOf(done) };
}
