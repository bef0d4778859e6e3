import type { Media, PublishContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import { uploadUnpublishedFacebookPhoto } from './publish-photos.js';
import { type FacebookSchedule, scheduleParams } from './publish-schedule.js';
import { IdResponseSchema } from './schemas.js';

/** What a feed post carries. */
export interface FeedPostContent {
  /** `message`, when the post has text. */
  readonly message: string | undefined;
  /** `link`, shared with a preview. */
  readonly link: string | undefined;
  /** Photos to upload unpublished and attach (none for a text or link post). */
  readonly photos: readonly Media[];
}

/**
 * Publishes a post to the Page feed (https://developers.facebook.com/docs/pages-api/posts): each
 * photo first uploaded with `published=false` (`POST /{page-id}/photos` → `{id}`), then
 * `POST /{page-id}/feed` with `message`, `link` and `attached_media: [{media_fbid}]` → `{id}`;
 * scheduled, with `published=false` and `scheduled_publish_time`. The feed call creates the post
 * and is marked `createsResource`: a lost answer is an `AmbiguousOutcomeError` (reconcile with
 * `findRecentPosts`), never a retry that would post twice.
 *
 * @param http - the adapter's HTTP client
 * @param content - message, link and photos
 * @param schedule - when the post goes live, or `undefined` for now
 * @param context - the Page, its token, signal and progress listener
 * @returns the post's id (`{page-id}_{post-id}`)
 *
 * @example
 * ```ts
 * const postId = await publishFacebookFeedPost(http, { message: 'Hello', link: undefined, photos: [] }, undefined, ctx);
 * ```
 */
export async function publishFacebookFeedPost(
  http: HttpClient,
  content: FeedPostContent,
  schedule: FacebookSchedule | undefined,
  context: PublishContext,
): Promise<string> {
  const attached: { media_fbid: string }[] = [];
  for (const [index, photo] of content.photos.entries()) {
    attached.push({ media_fbid: await uploadUnpublishedFacebookPhoto(http, photo, index, context) });
  }
  context.onProgress?.({ stage: 'publish' });
  const { data } = await http.request({
    method: 'POST',
    path: `/${encodeURIComponent(context.account.accountId)}/feed`,
    operation: 'publish post',
    json: {
      message: content.message,
      link: content.link,
      ...(attached.length === 0 ? {} : { attached_media: attached }),
      ...scheduleParams(schedule),
    },
    schema: IdResponseSchema,
    createsResource: true,
    context,
  });
  return data.id;
}
