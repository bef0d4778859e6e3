import type { PublishContext, RequestContext } from '@smmkit/core';
import { type HttpClient, type MediaPolling, systemClock, waitAfterCreate } from '@smmkit/core/adapter-kit';
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
      /** TikTok has the post, but the wait stopped before it was done. */
      readonly state: 'pending';
      /** Why: still processing at the timeout, the publish aborted, or the status could not be read. */
      readonly reason: 'timeout' | 'aborted' | 'unreadable';
      /** The last status read (`PROCESSING_UPLOAD`, `PROCESSING_DOWNLOAD`), `unknown` when none was. */
      readonly status: string;
      /** Why the last status read failed, when it did. */
      readonly detail: string | undefined;
    };

/**
 * Reads a publish's status at once and then every `intervalMs` on the context's clock (kit's
 * `waitAfterCreate`, reporting `processing` progress) until TikTok is done:
 *
 * - `PUBLISH_COMPLETE` → `complete`, with the public ids TikTok gave (none while it moderates);
 * - `SEND_TO_USER_INBOX` for a draft → `inbox`;
 * - `FAILED` → the error its `fail_reason` means ({@link publishFailure});
 * - still `PROCESSING_*` after `timeoutMs`, an abort, or a status TikTok would not give (a read
 *   failing with a retryable error is tried again at the next interval) → `pending`, not an error:
 *   TikTok has the post and goes on publishing it, so a retry would post it twice.
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
  const outcome = await waitAfterCreate(context, {
    platform: 'tiktok',
    platformName: 'TikTok',
    subject: `publish ${wait.publishId}`,
    intervalMs: wait.intervalMs,
    timeoutMs: wait.timeoutMs,
    read: () => fetchPublishStatus(http, wait.publishId, context),
    isDone: (status) => {
      if (status.status === 'FAILED')
        throw publishFailure(wait.publishId, status.fail_reason ?? undefined, clock.now());
      if (status.status === 'PUBLISH_COMPLETE') return true;
      return wait.mode === 'inbox' && status.status === 'SEND_TO_USER_INBOX';
    },
  });
  if (outcome.state === 'unfinished') {
    const { reason, detail } = outcome;
    return { state: 'pending', reason, status: outcome.last?.status ?? 'unknown', detail };
  }
  const done = outcome.last;
  return { state: done.status === 'SEND_TO_USER_INBOX' ? 'inbox' : 'complete', publicIds: publicIdsOf(done) };
}
