import { type PostRef, type RequestContext, ValidationError } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { isTikTokPublicId, tiktokPostRef, tiktokPostUrl } from './post-ref.js';
import { fetchPublishStatus, publicIdsOf } from './publish-status.js';

/** A publish as TikTok reports it now. */
export interface TikTokPublishStatus {
  /** The publish id. */
  readonly publishId: string;
  /**
   * TikTok's status: `PROCESSING_UPLOAD`, `PROCESSING_DOWNLOAD`, `SEND_TO_USER_INBOX`,
   * `PUBLISH_COMPLETE` or `FAILED`.
   */
  readonly status: string;
  /** Why it failed, when `FAILED` (`frame_rate_check_failed`, `spam_risk_text`, …). */
  readonly failReason?: string | undefined;
  /** The public post ids, once TikTok has made the post public. */
  readonly publicPostIds: readonly string[];
  /**
   * The public post's reference, once it has a public id: keep it in place of the publish id's.
   * Its URL needs the creator's username, the context account's `handle`.
   */
  readonly ref?: PostRef | undefined;
  /** Bytes TikTok has received of a file upload. */
  readonly uploadedBytes?: number | undefined;
}

/** The publish id a reference or id names; a public post id has no publish to ask about. */
function publishIdOf(target: PostRef | string): string {
  const id = typeof target === 'string' ? target : target.platformPostId;
  if (isTikTokPublicId(id)) {
    throw new ValidationError(
      [
        {
          path: typeof target === 'string' ? [] : ['platformPostId'],
          rule: 'tiktok.publish_id',
          message: `${id} is a public post id, not a publish id: the post is already public`,
          actual: id,
        },
      ],
      'TikTok publish id',
      { platform: 'tiktok' },
    );
  }
  return id;
}

/**
 * What became of a publish: for a result that came back with the warning `public_id_pending` (or
 * `publish_processing_pending`), pass its `ref` to learn whether TikTok has made the post public,
 * and get the public post's reference (`ref`) when it has
 * (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status).
 *
 * @param http - the adapter's HTTP client
 * @param target - the pending result's `ref`, or a publish id
 * @param context - the request context (the creator's token)
 * @returns the status, and the public post's reference when there is one
 * @throws ValidationError when `target` is already a public post id (it has no publish status)
 */
export async function getTikTokPublishStatus(
  http: HttpClient,
  target: PostRef | string,
  context: RequestContext,
): Promise<TikTokPublishStatus> {
  const publishId = publishIdOf(target);
  const data = await fetchPublishStatus(http, publishId, context);
  const publicPostIds = publicIdsOf(data);
  const publicId = publicPostIds[0];
  const handle = context.account.handle;
  // A photo's URL says /photo/: the status cannot tell a photo from a video, and TikTok redirects
  // a /video/ URL of a photo post.
  const url =
    publicId === undefined || handle === undefined ? undefined : tiktokPostUrl(handle, publicId, 'video');
  return {
    publishId,
    status: data.status,
    ...(data.fail_reason === undefined || data.fail_reason === null ? {} : { failReason: data.fail_reason }),
    publicPostIds,
    ...(publicId === undefined ? {} : { ref: tiktokPostRef(context.account.accountId, publicId, url) }),
    ...(typeof data.uploaded_bytes === 'number' ? { uploadedBytes: data.uploaded_bytes } : {}),
  };
}

/**
 * Cancels a publish TikTok has not finished: `POST /v2/post/publish/cancel/` with
 * `{publish_id}` (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post).
 * Its status becomes `FAILED` with `fail_reason` `publish_cancelled`.
 *
 * @param http - the adapter's HTTP client
 * @param target - the result's `ref` (while it holds the publish id), or a publish id
 * @param context - the request context (the creator's token)
 * @throws ValidationError when `target` is a public post id
 */
export async function cancelTikTokPublish(
  http: HttpClient,
  target: PostRef | string,
  context: RequestContext,
): Promise<void> {
  await http.request({
    method: 'POST',
    path: '/v2/post/publish/cancel/',
    operation: 'cancel publish',
    json: { publish_id: publishIdOf(target) },
    context,
  });
}
