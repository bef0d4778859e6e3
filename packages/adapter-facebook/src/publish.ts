import type { CheckedPost, Media, PublishContext, PublishResult, RequestContext } from '@smmkit/core';
import type { HttpClient } from '@smmkit/core/adapter-kit';
import type { FacebookPostOptions } from './post-options.js';
import { facebookPostRef } from './post-ref.js';
import { IdResponseSchema, PhotoResponseSchema } from './schemas.js';

/** The public URL of a photo; validation (capabilities' `sources: ['url']`) guarantees one. */
function photoUrl(media: Media, index: number): string {
  if (media.source.type !== 'url')
    throw new TypeError(`media[${index}] has no URL source; validate the post first`);
  return media.source.url;
}

/** The post's message, or nothing when the text is blank. */
const messageOf = (text: string | undefined): string | undefined =>
  text === undefined || text.trim() === '' ? undefined : text;

/**
 * Publishes a checked post to the Page `context.account.accountId` with the Page token
 * (https://developers.facebook.com/docs/pages-api/posts):
 *
 * - no photo: `POST /{page-id}/feed` with `message` and the post's `link` → `{id}`;
 * - one photo: `POST /{page-id}/photos` with `url`, `message` and `alt_text_custom` → `{id, post_id}`;
 * - several photos: each `POST /{page-id}/photos` with `published=false` → `{id}`, then
 *   `POST /{page-id}/feed` with `attached_media: [{media_fbid}]`.
 *
 * The calls that create the post are marked `createsResource`: a lost answer is an
 * `AmbiguousOutcomeError` (reconcile with `findRecentPosts`), never a retry that would post twice.
 *
 * @param http - the adapter's HTTP client
 * @param checked - the checked post (Facebook takes no options of its own yet)
 * @param context - the Page, its token, signal, clock and progress listener
 * @returns the post's reference and URL
 *
 * @example
 * ```ts
 * const result = await publishToFacebook(http, { platform: 'facebook', post: { text: 'Hello' }, options: {} }, ctx);
 * ```
 */
export async function publishToFacebook(
  http: HttpClient,
  { post }: CheckedPost<FacebookPostOptions>,
  context: PublishContext,
): Promise<PublishResult> {
  const pageId = context.account.accountId;
  const page = `/${encodeURIComponent(pageId)}`;
  const message = messageOf(post.text);
  const media = post.media ?? [];

  if (media.length === 1 && media[0] !== undefined) {
    context.onProgress?.({ stage: 'upload', mediaIndex: 0 });
    const { data } = await http.request({
      method: 'POST',
      path: `${page}/photos`,
      operation: 'publish photo',
      json: { url: photoUrl(media[0], 0), message, alt_text_custom: media[0].altText },
      schema: PhotoResponseSchema,
      createsResource: true,
      context,
    });
    return { ref: facebookPostRef(data.post_id ?? `${pageId}_${data.id}`, pageId), warnings: [] };
  }

  const attached: { media_fbid: string }[] = [];
  for (const [index, item] of media.entries()) {
    attached.push({ media_fbid: await uploadUnpublishedPhoto(http, page, item, index, context) });
  }
  const { data } = await http.request({
    method: 'POST',
    path: `${page}/feed`,
    operation: 'publish post',
    json: {
      message,
      link: post.link,
      ...(attached.length === 0 ? {} : { attached_media: attached }),
    },
    schema: IdResponseSchema,
    createsResource: true,
    context,
  });
  return { ref: facebookPostRef(data.id, pageId), warnings: [] };
}

/** `POST /{page-id}/photos` with `published=false`: a photo to attach to a multi-photo post. */
async function uploadUnpublishedPhoto(
  http: HttpClient,
  page: string,
  media: Media,
  index: number,
  context: PublishContext & RequestContext,
): Promise<string> {
  context.onProgress?.({ stage: 'upload', mediaIndex: index });
  const { data } = await http.request({
    method: 'POST',
    path: `${page}/photos`,
    operation: 'upload photo',
    json: { url: photoUrl(media, index), published: false, alt_text_custom: media.altText },
    schema: IdResponseSchema,
    createsResource: true,
    context,
  });
  return data.id;
}
