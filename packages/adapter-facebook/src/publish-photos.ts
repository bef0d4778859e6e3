import type { Media, PublishContext } from '@smmkit/core';
import { type HttpClient, readMediaBlob } from '@smmkit/core/adapter-kit';
import { type FormValue, graphFormData, uploadFileName } from './publish-form.js';
import { type FacebookSchedule, scheduleParams } from './publish-schedule.js';
import { IdResponseSchema, PhotoResponseSchema } from './schemas.js';

/**
 * Publishes one photo as a Page post: `POST /{page-id}/photos` with the photo, `message` and
 * `alt_text_custom` → `{id, post_id}` (https://developers.facebook.com/docs/graph-api/reference/page/photos/);
 * scheduled, with `published=false` and `scheduled_publish_time`
 * (https://developers.facebook.com/docs/pages-api/posts). The request that creates the post is
 * marked `createsResource`, so a lost answer is ambiguous rather than retried.
 *
 * @param http - the adapter's HTTP client
 * @param media - the photo (a public URL, or bytes, a file or a stream to upload)
 * @param message - the post's message, if any
 * @param schedule - when the post goes live, or `undefined` for now
 * @param context - the Page, its token, signal and progress listener
 * @returns the post's id (`{page-id}_{post-id}`)
 *
 * @example
 * ```ts
 * const postId = await publishFacebookPhoto(http, photo, 'Our new shop', undefined, ctx);
 * ```
 */
export async function publishFacebookPhoto(
  http: HttpClient,
  media: Media,
  message: string | undefined,
  schedule: FacebookSchedule | undefined,
  context: PublishContext,
): Promise<string> {
  const pageId = context.account.accountId;
  const params = { message, alt_text_custom: media.altText, ...scheduleParams(schedule) };
  const upload = await photoUpload(media, 0, params, context);
  const { data } = await http.request({
    method: 'POST',
    path: `/${encodeURIComponent(pageId)}/photos`,
    operation: 'publish photo',
    ...upload.body,
    schema: PhotoResponseSchema,
    createsResource: true,
    context,
  });
  upload.done();
  return data.post_id ?? `${pageId}_${data.id}`;
}

/**
 * Uploads a photo to attach to a multi-photo post: `POST /{page-id}/photos` with
 * `published=false` → `{id}`, the `media_fbid` for `attached_media`
 * (https://developers.facebook.com/docs/pages-api/posts, Publish a multi-photo post). Nothing is
 * visible until the feed post is made, so it is no create (`createsResource: false`): a retry after
 * a failure at worst leaves an unseen photo, never a second post.
 *
 * @param http - the adapter's HTTP client
 * @param media - the photo
 * @param index - its index in the post's media, for progress
 * @param context - the Page, its token, signal and progress listener
 * @returns the photo's id
 *
 * @example
 * ```ts
 * const ids = [await uploadUnpublishedFacebookPhoto(http, photo, 0, ctx)];
 * ```
 */
export async function uploadUnpublishedFacebookPhoto(
  http: HttpClient,
  media: Media,
  index: number,
  context: PublishContext,
): Promise<string> {
  const upload = await photoUpload(
    media,
    index,
    { published: false, alt_text_custom: media.altText },
    context,
  );
  const { data } = await http.request({
    method: 'POST',
    path: `/${encodeURIComponent(context.account.accountId)}/photos`,
    operation: 'upload photo',
    ...upload.body,
    schema: IdResponseSchema,
    // Unpublished (`published: false`): nothing shows on the Page until the `/feed` call attaches
    // it, so a retry after a failure at worst leaves an unseen photo, never a second post, and
    // there is no post a reconciliation could find.
    createsResource: false,
    context,
  });
  upload.done();
  return data.id;
}

/** A photo upload's request body, and what to report once it was sent. */
interface PhotoUpload {
  /** `json` for a photo by URL, `body` (multipart) for bytes. */
  readonly body: { readonly json: unknown } | { readonly body: FormData };
  /** Reports the upload done to `onProgress` (bytes only: a URL is fetched by Facebook). */
  done(): void;
}

/**
 * The body of a photo upload: a JSON body with `url` for a public URL, else a multipart body
 * with the bytes as `source` (https://developers.facebook.com/docs/graph-api/reference/page/photos/:
 * "url" or a multipart "source"). Reports the upload's start to `onProgress`, with its size for bytes.
 */
async function photoUpload(
  media: Media,
  index: number,
  params: Readonly<Record<string, FormValue>>,
  context: PublishContext,
): Promise<PhotoUpload> {
  if (media.source.type === 'url') {
    context.onProgress?.({ stage: 'upload', mediaIndex: index });
    return { body: { json: { url: media.source.url, ...params } }, done: () => undefined };
  }
  const blob = await readMediaBlob(media);
  const progress = (bytesSent: number) =>
    context.onProgress?.({ stage: 'upload', mediaIndex: index, bytesSent, bytesTotal: blob.size });
  progress(0);
  return {
    body: { body: graphFormData(params, 'source', blob, uploadFileName(media.mimeType)) },
    done: () => progress(blob.size),
  };
}
